internal import Foundation
internal import ParleyNLP

/// Each example of a training set with the intent a model predicts for it
/// without having seen it: out of fold (stratified 5-fold cross-validation,
/// top intent, no fallback threshold). What `ModelComparison` compares;
/// measuring costs five trainings, so a server keeps the running bot's.
public struct HeldOutPredictions: Sendable {
    /// The SHA-256 of the intent files measured.
    public let sourceHash: String
    /// The predicted intent of each example's text (the example's first occurrence).
    let predicted: [String: String]
    /// The examples' intents, by text.
    let expected: [String: String]
    /// Macro-F1 over the intents of the training set, from 0 to 1.
    public let macroF1: Double
    /// F1 of each intent, from 0 to 1.
    public let f1: [String: Double]

    /// Cross-validates `data` with `configuration` (five trainings).
    public init(_ data: BotTrainingData, configuration: NLUConfiguration) {
        let outcomes = Evaluator(configuration: configuration).outOfFold(data.examples).outcomes
        var predicted: [String: String] = [:]
        var expected: [String: String] = [:]
        for outcome in outcomes where predicted[outcome.text] == nil {
            predicted[outcome.text] = outcome.predicted
            expected[outcome.text] = outcome.expected
        }
        self.sourceHash = data.sourceHash
        self.predicted = predicted
        self.expected = expected
        self.f1 = Self.f1(outcomes.map { ($0.expected, $0.predicted) }, intents: Set(data.intents.map(\.name)))
        self.macroF1 = f1.isEmpty ? 0 : f1.values.reduce(0, +) / Double(f1.count)
    }

    /// F1 of each of `intents` over (expected, predicted) pairs; 0 for an intent never predicted right.
    static func f1(_ pairs: [(expected: String, predicted: String)], intents: Set<String>) -> [String: Double] {
        var truePositives: [String: Int] = [:]
        var predictedCount: [String: Int] = [:]
        var expectedCount: [String: Int] = [:]
        for pair in pairs {
            expectedCount[pair.expected, default: 0] += 1
            predictedCount[pair.predicted, default: 0] += 1
            if pair.expected == pair.predicted { truePositives[pair.expected, default: 0] += 1 }
        }
        var scores: [String: Double] = [:]
        for intent in intents {
            let hits = Double(truePositives[intent] ?? 0)
            let denominator = Double((predictedCount[intent] ?? 0) + (expectedCount[intent] ?? 0))
            scores[intent] = denominator == 0 ? 0 : 2 * hits / denominator
        }
        return scores
    }
}
