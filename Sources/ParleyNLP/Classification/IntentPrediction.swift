/// One candidate intent for a message.
public struct IntentPrediction: Sendable, Hashable, Codable {
    /// The intent's name, as in the trainer's files.
    public var name: String
    /// How sure the classifier is, in [0, 1]; the candidates of one message sum to 1.
    public var confidence: Double
    /// The raw decision value of the intent's linear model.
    public var score: Double
    /// For the top intent of a model whose fallback threshold was fitted: how surely the message
    /// is one of the bot's intents, in (0, 1) (`ScopeScorer`); nil otherwise.
    public var inScope: Double?

    /// What the fallback threshold is compared with: `inScope` when there is one, else `confidence`.
    public var fallbackScore: Double { inScope ?? confidence }

    public init(name: String, confidence: Double, score: Double, inScope: Double? = nil) {
        self.name = name
        self.confidence = confidence
        self.score = score
        self.inScope = inScope
    }

    enum CodingKeys: String, CodingKey {
        case name, confidence, score
        case inScope = "in_scope"
    }
}
