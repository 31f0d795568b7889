import Foundation
import ParleyNLP
import Testing

/// Every way of writing an apostrophe — ' ’ ‘ ʼ ′ ＇ ` ´ — reads the same in
/// sentiment, tokens, stopwords, features and entities.
@Suite struct ApostropheTests {
    static let apostrophes: [Character] = ["\u{2019}", "\u{2018}", "\u{02BC}", "\u{2032}", "\u{FF07}", "`", "\u{00B4}"]

    func withEach(_ text: String) -> [(Character, String)] {
        Self.apostrophes.map { ($0, text.replacingOccurrences(of: "'", with: String($0))) }
    }

    @Test func sentimentIsTheSame() {
        let analyzer = SentimentAnalyzer.english
        for text in ["I don't like it", "I can't say it's good", "It isn't working", "You've been great"] {
            let expected = analyzer.analyze(text).score
            for (apostrophe, variant) in withEach(text) {
                #expect(analyzer.analyze(variant).score == expected, "\(apostrophe): \(variant)")
            }
        }
        #expect(analyzer.analyze("I don\u{2019}t like it").label == .negative)
    }

    @Test func tokensAndFeaturesAreTheSame() {
        let preprocessor = TextPreprocessor(language: "en")
        for text in ["I don't like it", "It's my wife's card", "I'm sure they'll call", "Can't log in"] {
            let expected = preprocessor.preprocess(text)
            for (apostrophe, variant) in withEach(text) {
                let processed = preprocessor.preprocess(variant)
                #expect(processed.tokens.map(\.normalized) == expected.tokens.map(\.normalized), "\(apostrophe)")
                #expect(processed.stems == expected.stems, "\(apostrophe): \(variant)")
                // Offsets and text stay those of what was written.
                let scalars = Array(variant.unicodeScalars)
                for token in processed.tokens {
                    #expect(String(String.UnicodeScalarView(scalars[token.start..<token.end])) == token.text)
                }
            }
        }
    }

    @Test func stopwordsAreTheSame() {
        for (apostrophe, variant) in withEach("it's") {
            #expect(Stopwords.english.contains(TextNormalizer.normalize(variant)), "\(apostrophe)")
        }
    }

    @Test func entitiesAreTheSame() {
        let preprocessor = TextPreprocessor(language: "en")
        let reference = Date(timeIntervalSince1970: 1_714_730_400)
        let extractor = EntityExtractor(timeZone: TimeZone(identifier: "UTC")!)
        for text in ["call me at 5 o'clock tomorrow", "I paid $12.50 on mother's day", "it's my 2nd order"] {
            let expected = extractor.extract(preprocessor.preprocess(text), reference: reference)
            for (apostrophe, variant) in withEach(text) {
                let found = extractor.extract(preprocessor.preprocess(variant), reference: reference)
                #expect(found.map(\.type) == expected.map(\.type), "\(apostrophe): \(variant)")
                #expect(found.map(\.value) == expected.map(\.value), "\(apostrophe): \(variant)")
                #expect(found.map(\.start) == expected.map(\.start), "\(apostrophe): \(variant)")
            }
        }
    }
}
