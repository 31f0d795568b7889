internal import Foundation
internal import ParleyNLP

/// Checks the entity extractor against the entities trainers annotated in
/// their examples (`[A-10234](order_id)`): precision, recall and F1 per
/// annotated type, counting a found entity right only with the exact span.
/// Types nobody annotated are not scored, since unannotated examples say
/// nothing about them.
public struct EntityEvaluation: Sendable {
    private let extractor: EntityExtractor
    private let preprocessor: TextPreprocessor

    /// An evaluation with the built-in types and the trainers' own definitions.
    public init(definitions: [EntityDefinition], language: String = "en") throws {
        extractor = try EntityExtractor(
            records: definitions.map(ModelArtifact.EntityRecord.init), language: language)
        preprocessor = TextPreprocessor(language: language)
    }

    /// Scores per annotated type, or nil when no example is annotated.
    public func scores(_ examples: [LabeledExample]) -> [String: EvaluationReport.Scores]? {
        let types = Set(examples.flatMap { $0.entities.map(\.entity) })
        guard !types.isEmpty else { return nil }
        var truePositives: [String: Int] = [:]
        var found: [String: Int] = [:]
        var expected: [String: Int] = [:]
        for example in examples {
            let entities = extractor.extract(preprocessor.preprocess(example.text)).filter { types.contains($0.type) }
            for entity in entities { found[entity.type, default: 0] += 1 }
            for annotation in example.entities {
                expected[annotation.entity, default: 0] += 1
                if entities.contains(where: {
                    $0.type == annotation.entity && $0.start == annotation.start && $0.end == annotation.end
                }) {
                    truePositives[annotation.entity, default: 0] += 1
                }
            }
        }
        var scores: [String: EvaluationReport.Scores] = [:]
        for type in types {
            let tp = Double(truePositives[type] ?? 0)
            let precision = tp / Double(max(found[type] ?? 0, 1))
            let recall = tp / Double(max(expected[type] ?? 0, 1))
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            scores[type] = .init(precision: precision, recall: recall, f1: f1, support: expected[type] ?? 0)
        }
        return scores
    }
}
