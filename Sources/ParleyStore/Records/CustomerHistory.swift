/// A customer's profile with their conversations, most recent first.
public struct CustomerHistory: Sendable, Hashable, Codable {
    public var customer: Customer
    public var conversations: [Conversation]
    /// The latest messages across those conversations, most recent first.
    public var recentMessages: [StoredMessage]

    public init(customer: Customer, conversations: [Conversation], recentMessages: [StoredMessage]) {
        self.customer = customer
        self.conversations = conversations
        self.recentMessages = recentMessages
    }
}
