import ParleyNLP
import Testing

@Suite struct StopwordsTests {
    @Test func chineseHasFunctionWordsButKeepsWordsThatCarryIntent() {
        let chinese = Stopwords.forLanguage("zh-CN")
        for word in ["的", "了", "我们", "一些"] { #expect(chinese.contains(word), "\(word)") }
        for word in ["不", "没有", "什么", "怎么", "为什么", "多少", "可以", "能"] {
            #expect(!chinese.contains(word), "\(word)")
        }
        #expect(Stopwords.forLanguage("en") == .english)
        #expect(Stopwords.forLanguage("ko") == .none)
        #expect(Stopwords.forLanguage("fr") == .none)
    }

    @Test func japaneseHasParticlesButKeepsNegationsQuestionWordsAndAbility() {
        let japanese = Stopwords.forLanguage("ja-JP")
        for word in ["の", "は", "です", "ます", "これ"] { #expect(japanese.contains(word), "\(word)") }
        for word in ["ない", "ず", "どこ", "何", "だれ", "できる"] { #expect(!japanese.contains(word), "\(word)") }
    }
}
