import ParleyNLP
import Testing

@Suite struct TextPreprocessorTests {
    @Test func chineseBotsReadTraditionalCharactersAsSimplified() {
        let chinese = TextPreprocessor(language: "zh")
        let traditional = chinese.preprocess("我的訂單到哪了？")
        let simplified = chinese.preprocess("我的订单到哪了？")
        #expect(traditional.stems == simplified.stems)
        // Text and offsets stay those of the message as written.
        #expect(traditional.tokens.map(\.text).joined() == "我的訂單到哪了？")
        // Other languages keep their characters (Japanese writes 訂 as it is).
        #expect(TextPreprocessor(language: "ja").preprocess("訂單").stems.joined() == "訂單")
    }

    @Test func tenThousandCharactersWithoutABreakAreBounded() {
        let chinese = TextPreprocessor(language: "zh")
        let text = String(repeating: "訂單", count: 5_000)
        #expect(chinese.preprocess(text).stems.joined() == String(repeating: "订单", count: 5_000))
    }
}
