/// The result of `parley evaluate`: what trainers read and CI checks.
public struct EvaluationReport: Sendable, Encodable {
    /// Precision, recall and F1 of one intent or entity type.
    public struct Scores: Sendable, Encodable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    /// How often messages of one intent were taken for another.
    public struct Confusion: Sendable, Encodable {
        public var expected: String
        public var predicted: String
        public var count: Int
    }

    /// How many evaluated messages had a top confidence in [`lower`, `upper`)
    /// (the last bin includes 1), split by whether the top intent was right.
    public struct HistogramBin: Sendable, Encodable {
        public var lower: Double
        public var upper: Double
        public var correct: Int
        public var wrong: Int
    }

    /// A message the bot got wrong.
    public struct Mistake: Sendable, Encodable {
        public var text: String
        public var expected: String
        public var predicted: String
        public var confidence: Double
    }

    /// "cross_validation" or "test".
    public var mode: String
    public var folds: Int?
    public var trainExamples: Int
    public var testExamples: Int
    public var accuracy: Double
    public var macroF1: Double
    /// Seconds to train one model (the mean over folds in cross-validation).
    public var trainSeconds: Double
    public var perIntent: [String: Scores]
    /// The most frequent mistakes, most frequent first (at most 10).
    public var confusedPairs: [Confusion]
    /// Every pair of an intent and another taken for it, most frequent first: the confusion matrix off its diagonal.
    public var confusions: [Confusion] = []
    /// The top confidences of the evaluated messages in 20 bins of 0.05, before the fallback threshold.
    public var confidenceHistogram: [HistogramBin] = []
    /// The confidence below which the bot falls back, fitted on the training data.
    public var threshold: Double
    /// How `threshold` was fitted: the out-of-fold curve on the training data
    /// (with the built-in generic sentences as out-of-scope messages) and the chosen point.
    public var thresholdFit: ThresholdFit
    /// Misunderstood messages, the most confident mistakes first (at most 100).
    public var mistakes: [Mistake]
    /// Present when test messages carry the out-of-scope label.
    public var outOfScopeLabel: String?
    public var inScopeAccuracy: Double?
    public var oosRecall: Double?
    public var oosPrecision: Double?
    /// In-scope accuracy and out-of-scope recall of the evaluated messages per
    /// threshold (0, 0.01, …, 1); present when they carry the out-of-scope label.
    public var outOfScopeCurve: [ThresholdFit.Point]?
    /// Entity extraction against the examples' `[value](entity)` annotations,
    /// per annotated type, exact spans; present when examples are annotated.
    public var entities: [String: Scores]?

    enum CodingKeys: String, CodingKey {
        case mode, folds, accuracy, threshold
        case trainExamples = "train_examples"
        case testExamples = "test_examples"
        case macroF1 = "macro_f1"
        case trainSeconds = "train_seconds"
        case perIntent = "per_intent"
        case mistakes
        case confusedPairs = "confused_pairs"
        case confusions
        case confidenceHistogram = "confidence_histogram"
        case outOfScopeLabel = "out_of_scope_label"
        case inScopeAccuracy = "in_scope_accuracy"
        case oosRecall = "oos_recall"
        case oosPrecision = "oos_precision"
        case thresholdFit = "threshold_fit"
        case outOfScopeCurve = "out_of_scope_curve"
        case entities
    }
}
