public import Foundation
public import ParleyStore

/// A message of a conversation as agents (and the API) see it, with every
/// annotation: intent, confidence and alternatives, entities, sentiment, the
/// model version, and the bot's action and rule.
public struct MessageEntry: Sendable, Hashable, Codable {
    public var id: Int64?
    public var conversationId: String
    public var sender: Author
    public var text: String
    public var sentAt: Date
    public var intent: String?
    public var confidence: Double?
    public var alternatives: [StoredMessage.IntentScore]
    public var entities: [StoredMessage.EntityValue]
    public var sentimentScore: Double?
    public var sentimentLabel: String?
    public var modelVersion: String?
    public var action: String?
    public var rule: String?
    /// For an agent's message: the agent who wrote it.
    public var agentId: String?
    public var scores: [String: Double]

    public init(_ message: StoredMessage) {
        id = message.id
        conversationId = message.conversationId
        sender = Author(message.sender)
        text = message.text
        sentAt = message.sentAt
        intent = message.intent
        confidence = message.confidence
        alternatives = message.alternatives
        entities = message.entities
        sentimentScore = message.sentimentScore
        sentimentLabel = message.sentimentLabel
        modelVersion = message.modelVersion
        action = message.action
        rule = message.rule
        agentId = message.agentId
        scores = message.scores
    }
}
