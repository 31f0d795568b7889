/// Everything an agent needs to pick up a conversation: the transcript (bot
/// turns with their intent and confidence), the customer's profile and earlier
/// conversations, and a summary of entities and sentiment.
public struct ConversationView: Sendable, Codable {
    public var conversation: ConversationInfo
    public var messages: [MessageEntry]
    public var customer: CustomerInfo?
    /// The customer's other conversations, most recent first.
    public var previous: [ConversationInfo]
    public var summary: EscalationSummary
    /// Whether a customer connection is open on the conversation now.
    public var customerOnline: Bool
}
