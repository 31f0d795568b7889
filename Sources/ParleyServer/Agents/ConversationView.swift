public import ParleyStore

/// Everything an agent needs to pick up a conversation: the transcript (bot
/// turns with their intent and confidence), the customer's profile and earlier
/// conversations, and a summary of entities and sentiment.
public struct ConversationView: Sendable, Codable {
    public var conversation: Conversation
    public var messages: [StoredMessage]
    public var customer: Customer?
    /// The customer's other conversations, most recent first.
    public var previous: [Conversation]
    public var summary: EscalationSummary
    /// Whether a customer connection is open on the conversation now.
    public var customerOnline: Bool
}
