public import ParleyNLP

/// One conversation's dialogue state: who is talking, what the bot is waiting
/// for, and what it remembers. A value the conversation's single owner keeps
/// and passes to `DialoguePolicy.decide` with every message.
public struct ConversationState: Sendable, Hashable {
    /// Who answers the customer.
    public enum Status: String, Sendable, Hashable, Codable {
        /// The bot answers.
        case bot
        /// Waiting for a human agent; the bot stays silent.
        case escalated
        /// A human agent is answering; the bot stays silent.
        case withAgent = "with_agent"
        case closed
    }

    public var id: String
    public var channel: String
    public var status: Status = .bot
    /// Entities the customer mentioned, latest value per type.
    public var slots: [String: Entity] = [:]
    /// The intent whose reply waits for a missing entity or a confirmation.
    public var pendingIntent: String?
    /// What the bot asked for: an entity type, or "confirmation".
    public var awaiting: String?
    public var fallbacksInARow = 0
    public var negativeInARow = 0
    /// Customer messages so far.
    public var turns = 0

    public init(id: String, channel: String = "chat") {
        self.id = id
        self.channel = channel
    }

    /// Hands the conversation back to the bot after an agent is done.
    public mutating func handBack() {
        status = .bot
        pendingIntent = nil
        awaiting = nil
        fallbacksInARow = 0
        negativeInARow = 0
    }
}
