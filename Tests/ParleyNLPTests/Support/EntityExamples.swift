import Foundation
import ParleyNLP

/// What the entity suites share: English preprocessing, the reference time
/// (Friday 3 May 2024, 10:00 UTC) and shorthands for what an extractor finds.
protocol EntityExamples {}

private let sharedPreprocessor = TextPreprocessor(language: "en")

extension EntityExamples {
    var preprocessor: TextPreprocessor { sharedPreprocessor }
    var reference: Date { Date(timeIntervalSince1970: 1_714_730_400) }
    var utc: TimeZone { TimeZone(identifier: "UTC")! }

    /// The entities of `text`, with the built-in extractor in UTC unless another is given.
    func entities(_ text: String, _ extractor: EntityExtractor? = nil) -> [Entity] {
        (extractor ?? EntityExtractor(timeZone: utc)).extract(preprocessor.preprocess(text), reference: reference)
    }

    /// The normalised values of the entities of `type` in `text`.
    func values(_ text: String, type: String) -> [String] {
        entities(text).filter { $0.type == type }.map(\.value)
    }
}
