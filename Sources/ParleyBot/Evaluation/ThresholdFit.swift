/// A fallback threshold fitted from out-of-fold predictions on training data
/// (`fallback_threshold: auto`), and the out-of-scope curve it was read from.
///
/// The threshold applies to the top intent's in-scope score (`ScopeScorer`,
/// fitted on the same predictions). It is the highest one, in steps of 0.001, at
/// which in-scope accuracy (right intent and score at or above the threshold) is at most
/// `accuracyLoss` points below the accuracy without a fallback. Out-of-scope
/// messages (the trainers' `out_of_scope` examples, the built-in generic
/// sentences) do not move it: they give the out-of-scope recall along the
/// curve, so a trainer sees what the loss buys.
public struct ThresholdFit: Sendable, Codable, Hashable {
    /// In-scope accuracy and out-of-scope recall at one threshold.
    public struct Point: Sendable, Codable, Hashable {
        public var threshold: Double
        /// The share of in-scope messages answered with their intent, at or above the threshold.
        public var inScopeAccuracy: Double
        /// The share of out-of-scope messages that fall back; nil when there are none.
        public var outOfScopeRecall: Double?

        enum CodingKeys: String, CodingKey {
            case threshold
            case inScopeAccuracy = "in_scope_accuracy"
            case outOfScopeRecall = "oos_recall"
        }
    }

    /// The in-scope score below which the bot falls back.
    public var threshold: Double
    /// The points of in-scope accuracy the threshold was allowed to cost.
    public var accuracyLoss: Double
    /// How much the in-scope score weighs the neighbour similarity beside the confidence
    /// (`ScopeScorer.similarityWeight`); nil in a fit read from an older report.
    public var similarityWeight: Double?
    /// In-scope accuracy without any fallback (threshold 0).
    public var noFallbackAccuracy: Double
    /// The curve at `threshold`.
    public var chosen: Point
    public var inScopeMessages: Int
    public var outOfScopeMessages: Int
    /// Thresholds 0, 0.01, …, 1 (the chosen one may lie between).
    public var curve: [Point]

    enum CodingKeys: String, CodingKey {
        case threshold, chosen, curve
        case accuracyLoss = "accuracy_loss"
        case similarityWeight = "similarity_weight"
        case noFallbackAccuracy = "no_fallback_accuracy"
        case inScopeMessages = "in_scope_messages"
        case outOfScopeMessages = "out_of_scope_messages"
    }

    /// Fits the threshold to out-of-fold outcomes, allowing `accuracyLoss` points.
    static func fit(_ outcomes: [Evaluator.Outcome], outOfScopeLabel: String, accuracyLoss: Double) -> ThresholdFit {
        let fine = curve(outcomes, outOfScopeLabel: outOfScopeLabel, steps: 1000)
        let floor = fine[0].inScopeAccuracy - accuracyLoss / 100 - 1e-9
        let chosen = fine.last { $0.inScopeAccuracy >= floor } ?? fine[0]
        return ThresholdFit(
            threshold: chosen.threshold, accuracyLoss: accuracyLoss, noFallbackAccuracy: fine[0].inScopeAccuracy,
            chosen: chosen,
            inScopeMessages: outcomes.count { $0.expected != outOfScopeLabel },
            outOfScopeMessages: outcomes.count { $0.expected == outOfScopeLabel },
            curve: curve(outcomes, outOfScopeLabel: outOfScopeLabel))
    }

    /// In-scope accuracy and out-of-scope recall at thresholds 0, 1/`steps`, …, 1. A
    /// message predicted as `outOfScopeLabel` falls back at every threshold.
    static func curve(_ outcomes: [Evaluator.Outcome], outOfScopeLabel: String, steps: Int = 100) -> [Point] {
        // Counts per step of the score, then running sums from the top.
        var rightAt = [Int](repeating: 0, count: steps + 2)
        var missedAt = [Int](repeating: 0, count: steps + 2)
        var inScope = 0
        var outOfScope = 0
        for outcome in outcomes {
            let step = Int((outcome.fallbackScore * Double(steps) + 1e-9).rounded(.down))
            let bucket = min(max(step, 0), steps) + 1
            if outcome.expected == outOfScopeLabel {
                outOfScope += 1
                if outcome.predicted != outOfScopeLabel { missedAt[bucket] += 1 }
            } else {
                inScope += 1
                if outcome.predicted == outcome.expected { rightAt[bucket] += 1 }
            }
        }
        var points: [Point] = []
        var right = 0
        var missed = 0
        for step in stride(from: steps, through: 0, by: -1) {
            right += rightAt[step + 1]
            missed += missedAt[step + 1]
            points.append(
                Point(
                    threshold: Double(step) / Double(steps),
                    inScopeAccuracy: Double(right) / Double(max(inScope, 1)),
                    outOfScopeRecall: outOfScope > 0 ? 1 - Double(missed) / Double(outOfScope) : nil))
        }
        return points.reversed()
    }
}
