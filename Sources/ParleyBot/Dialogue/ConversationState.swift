public import ParleyNLP

/// One conversation's dialogue state: what the bot is waiting for and what
/// it remembers. A value the conversation's single owner keeps and passes to
/// `DialoguePolicy.decide` with every message it lets the bot answer; who
/// answers (the bot, or a person) is the owner's to know, not the policy's.
public struct ConversationState: Sendable, Hashable {
    public var id: String
    public var channel: String
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
    /// Nobody could answer and a person will write: an email address the
    /// customer gives is taken for the ticket, whatever else it looks like.
    public var ticketOpen = false

    public init(id: String, channel: String = "chat") {
        self.id = id
        self.channel = channel
    }

    /// A person takes the conversation: what the bot was asking is dropped.
    public mutating func humanTakesOver() {
        pendingIntent = nil
        awaiting = nil
    }

    /// Hands the conversation back to the bot after an agent is done.
    public mutating func handBack() {
        pendingIntent = nil
        awaiting = nil
        fallbacksInARow = 0
        negativeInARow = 0
    }
}
