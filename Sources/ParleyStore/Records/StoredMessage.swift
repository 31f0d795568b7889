public import Foundation

/// A message of a conversation with everything the bot made of it.
public struct StoredMessage: Sendable, Hashable, Codable {
    /// Who wrote the message.
    public enum Sender: String, Sendable, Hashable, Codable {
        case customer, bot, agent, system
    }

    /// An intent candidate and its confidence.
    public struct IntentScore: Sendable, Hashable, Codable {
        public var name: String
        public var confidence: Double

        public init(name: String, confidence: Double) {
            self.name = name
            self.confidence = confidence
        }
    }

    /// An entity found in the message.
    public struct EntityValue: Sendable, Hashable, Codable {
        public var type: String
        public var value: String
        public var text: String
        public var start: Int
        public var end: Int

        public init(type: String, value: String, text: String, start: Int, end: Int) {
            self.type = type
            self.value = value
            self.text = text
            self.start = start
            self.end = end
        }
    }

    /// Assigned by the store; nil before the message is stored.
    public var id: Int64?
    public var conversationId: String
    public var sender: Sender
    public var text: String
    public var sentAt: Date
    public var intent: String?
    public var confidence: Double?
    /// The ranked alternatives, the chosen intent first.
    public var alternatives: [IntentScore]
    public var entities: [EntityValue]
    public var sentimentScore: Double?
    public var sentimentLabel: String?
    public var modelVersion: String?
    /// For bot messages: the policy's action and rule (a `DialogueRule`'s raw value).
    public var action: String?
    public var rule: String?
    /// For agent messages: the agent who wrote it.
    public var agentId: String?
    /// The numbers behind the decision.
    public var scores: [String: Double]

    public init(
        id: Int64? = nil, conversationId: String, sender: Sender, text: String, sentAt: Date = Date(),
        intent: String? = nil, confidence: Double? = nil, alternatives: [IntentScore] = [],
        entities: [EntityValue] = [],
        sentimentScore: Double? = nil, sentimentLabel: String? = nil, modelVersion: String? = nil,
        action: String? = nil,
        rule: String? = nil, agentId: String? = nil, scores: [String: Double] = [:]
    ) {
        self.id = id
        self.conversationId = conversationId
        self.sender = sender
        self.text = text
        self.sentAt = sentAt
        self.intent = intent
        self.confidence = confidence
        self.alternatives = alternatives
        self.entities = entities
        self.sentimentScore = sentimentScore
        self.sentimentLabel = sentimentLabel
        self.modelVersion = modelVersion
        self.action = action
        self.rule = rule
        self.agentId = agentId
        self.scores = scores
    }
}
