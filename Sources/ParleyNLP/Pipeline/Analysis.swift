/// Everything the pipeline found in one message: what every later component
/// (dialogue policy, CRM store, trainer tools) receives.
public struct Analysis: Sendable, Hashable {
    /// The message as received.
    public var text: String
    public var tokens: [Token]
    /// The stem of each token, parallel to `tokens`.
    public var stems: [String]
    /// Candidate intents, most likely first (empty without a trained model).
    public var intents: [IntentPrediction]
    /// What the customer mentioned, in order of position.
    public var entities: [Entity]
    public var sentiment: Sentiment
    /// The message's sentences or clauses, each with its most likely intent, when
    /// it has two to `Pipeline.maximumParts` of them (`MessageParts`); empty otherwise.
    public var parts: [Part] = []

    /// One sentence or clause of a message, and what it asks for.
    public struct Part: Sendable, Hashable, Codable {
        public var text: String
        /// Offsets in the message, in code points, end exclusive.
        public var start: Int
        public var end: Int
        /// The most likely intent of the part alone, if it has any known feature.
        public var intent: IntentPrediction?

        public init(text: String, start: Int, end: Int, intent: IntentPrediction?) {
            self.text = text
            self.start = start
            self.end = end
            self.intent = intent
        }
    }

    public init(
        text: String, tokens: [Token], stems: [String], intents: [IntentPrediction], entities: [Entity] = [],
        sentiment: Sentiment = Sentiment(score: 0)
    ) {
        self.text = text
        self.tokens = tokens
        self.stems = stems
        self.intents = intents
        self.entities = entities
        self.sentiment = sentiment
    }

    /// The most likely intent, if any.
    public var intent: IntentPrediction? { intents.first }
}

extension Analysis: Codable {
    private enum CodingKeys: String, CodingKey {
        case text, tokens, stems, intent, confidence, intents, entities, sentiment, parts
        case inScope = "in_scope"
    }

    /// Tokens as they appear in JSON: offsets in code points, end exclusive.
    private struct EncodedToken: Codable {
        var text: String
        var normalized: String
        var stem: String
        var kind: Token.Kind
        var start: Int
        var end: Int
    }

    private struct EncodedIntent: Codable {
        var name: String
        var confidence: Double
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(
            zip(tokens, stems).map {
                EncodedToken(
                    text: $0.text, normalized: $0.normalized, stem: $1, kind: $0.kind, start: $0.start, end: $0.end)
            },
            forKey: .tokens
        )
        try container.encode(stems, forKey: .stems)
        try container.encodeIfPresent(intent?.name, forKey: .intent)
        try container.encodeIfPresent(intent?.confidence, forKey: .confidence)
        try container.encodeIfPresent(intent?.inScope, forKey: .inScope)
        try container.encode(intents.map { EncodedIntent(name: $0.name, confidence: $0.confidence) }, forKey: .intents)
        try container.encode(entities, forKey: .entities)
        try container.encode(sentiment, forKey: .sentiment)
        if !parts.isEmpty { try container.encode(parts, forKey: .parts) }
    }

    /// Reads what `encode(to:)` wrote (a client of the API decoding an
    /// analysis). The intents' raw SVM scores are not in the JSON: they read as 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let tokens = try container.decode([EncodedToken].self, forKey: .tokens)
        self.init(
            text: try container.decode(String.self, forKey: .text),
            tokens: tokens.map {
                Token(text: $0.text, normalized: $0.normalized, kind: $0.kind, start: $0.start, end: $0.end)
            },
            stems: try container.decode([String].self, forKey: .stems),
            intents: try container.decode([EncodedIntent].self, forKey: .intents).map {
                IntentPrediction(name: $0.name, confidence: $0.confidence, score: 0)
            },
            entities: try container.decode([Entity].self, forKey: .entities),
            sentiment: try container.decode(Sentiment.self, forKey: .sentiment))
        if !intents.isEmpty { intents[0].inScope = try container.decodeIfPresent(Double.self, forKey: .inScope) }
        parts = try container.decodeIfPresent([Part].self, forKey: .parts) ?? []
    }
}
