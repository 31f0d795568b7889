internal import Foundation
public import ParleyNLP

/// A new model against the running one, before a reload puts it live: macro-F1
/// and each intent's F1 out of fold (`HeldOutPredictions`) before and after,
/// and the examples whose prediction changed. An example of the new files that
/// the running files had too is compared by its two out-of-fold predictions; a
/// new example by the running model's prediction (it never saw it) against
/// the new model's out-of-fold one.
public struct ModelComparison: Sendable, Codable, Hashable {
    /// One intent's F1 (0 to 1) before and after; nil where the intent does not exist.
    public struct IntentChange: Sendable, Codable, Hashable {
        public var intent: String
        public var before: Double?
        public var after: Double?
    }

    /// An example the two models predict differently.
    public struct ChangedPrediction: Sendable, Codable, Hashable {
        public var text: String
        /// The intent the example belongs to in the new files.
        public var intent: String
        public var before: String
        public var after: String
    }

    /// How many changed predictions are listed, regressions first.
    public static let changedLimit = 50

    /// Macro-F1 of the running model's files, out of fold, from 0 to 1.
    public var macroF1Before: Double
    /// Macro-F1 of the new files, out of fold, from 0 to 1.
    public var macroF1After: Double
    /// Every intent of either, the biggest drop first.
    public var perIntent: [IntentChange]
    /// At most `changedLimit`: those that became wrong first, then those that became right.
    public var changedPredictions: [ChangedPrediction]
    /// How many examples changed prediction in all.
    public var changedCount: Int
    /// Macro-F1 before and after over the intents both have, from 0 to 1: what
    /// the reload's check compares, since a new intent with few examples
    /// lowers the macro-F1 of all intents without anything getting worse.
    public var sharedMacroF1Before: Double
    public var sharedMacroF1After: Double

    /// Compares the new model's files (`after`) with the running model's
    /// (`before`); `running` classifies new examples.
    public init(before: HeldOutPredictions, after: HeldOutPredictions, running: Pipeline) {
        macroF1Before = before.macroF1
        macroF1After = after.macroF1
        perIntent = Set(before.f1.keys).union(after.f1.keys).map {
            IntentChange(intent: $0, before: before.f1[$0], after: after.f1[$0])
        }
        .sorted { (($0.after ?? 0) - ($0.before ?? 0), $0.intent) < (($1.after ?? 0) - ($1.before ?? 0), $1.intent) }
        var changed: [ChangedPrediction] = []
        for (text, intent) in after.expected {
            guard let predicted = after.predicted[text] else { continue }
            let previous =
                before.predicted[text] ?? running.analyze(text, reference: Date()).intent?.name ?? "none"
            if previous != predicted {
                changed.append(ChangedPrediction(text: text, intent: intent, before: previous, after: predicted))
            }
        }
        changedCount = changed.count
        let shared = perIntent.filter { $0.before != nil && $0.after != nil }
        sharedMacroF1Before = shared.isEmpty ? 0 : shared.compactMap(\.before).reduce(0, +) / Double(shared.count)
        sharedMacroF1After = shared.isEmpty ? 0 : shared.compactMap(\.after).reduce(0, +) / Double(shared.count)
        changedPredictions = Array(
            changed.sorted { first, second in
                let (firstWorse, secondWorse) = (first.after != first.intent, second.after != second.intent)
                return firstWorse != secondWorse
                    ? firstWorse : (first.intent, first.text) < (second.intent, second.text)
            }
            .prefix(Self.changedLimit))
    }

    /// How many points (0 to 100) macro-F1 over the intents both have dropped; negative when it rose.
    public var macroF1Drop: Double { (sharedMacroF1Before - sharedMacroF1After) * 100 }
}
