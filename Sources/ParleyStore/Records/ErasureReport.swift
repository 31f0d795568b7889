/// What erasing a customer removed.
public struct ErasureReport: Sendable, Hashable, Codable {
    public var customers: Int
    public var conversations: Int
    public var messages: Int
    public var escalations: Int

    public init(customers: Int, conversations: Int, messages: Int, escalations: Int) {
        self.customers = customers
        self.conversations = conversations
        self.messages = messages
        self.escalations = escalations
    }
}
