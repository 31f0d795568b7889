import Foundation
import ParleyNLP
import ParleyTestSupport
import Testing

@Suite struct EnglishStemmerTests {
    let stemmer = EnglishStemmer()

    @Test func stemsCommonSupportWords() {
        #expect(stemmer.stem("refunds") == "refund")
        #expect(stemmer.stem("refunded") == "refund")
        #expect(stemmer.stem("shipping") == "ship")
        #expect(stemmer.stem("cancellation") == "cancel")
        #expect(stemmer.stem("generously") == "generous")
        #expect(stemmer.stem("skies") == "sky")
        #expect(stemmer.stem("hoping") == "hope")
    }

    @Test func leavesShortAndForeignWordsAlone() {
        #expect(stemmer.stem("is") == "is")
        #expect(stemmer.stem("ño") == "ño")
        #expect(stemmer.stem("") == "")
    }

    @Test(.enabled(if: SharedData.file("snowball-english/voc.txt") != nil))
    func reproducesTheSnowballVocabulary() throws {
        let folder = try #require(SharedData.file("snowball-english"))
        let words = try String(contentsOf: folder.appendingPathComponent("voc.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let stems = try String(contentsOf: folder.appendingPathComponent("output.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(words.count == stems.count)
        var mismatches: [String] = []
        for (word, expected) in zip(words, stems) where !word.isEmpty {
            let got = stemmer.stem(String(word))
            if got != expected { mismatches.append("\(word): \(got) != \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, e.g. \(mismatches.prefix(20))")
    }
}
