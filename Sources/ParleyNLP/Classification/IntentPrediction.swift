/// One candidate intent for a message.
public struct IntentPrediction: Sendable, Hashable, Codable {
    /// The intent's name, as in the trainer's files.
    public var name: String
    /// How sure the classifier is, in [0, 1]; the candidates of one message sum to 1.
    public var confidence: Double
    /// The raw decision value of the intent's linear model.
    public var score: Double

    public init(name: String, confidence: Double, score: Double) {
        self.name = name
        self.confidence = confidence
        self.score = score
    }
}
