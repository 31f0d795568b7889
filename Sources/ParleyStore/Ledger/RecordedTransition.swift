/// What the store wrote for a `ConversationTransition`, with the ids it assigned.
public struct RecordedTransition: Sendable, Hashable {
    /// The transition's messages, in order, with their ids.
    public var messages: [StoredMessage]
    /// The escalation as stored (with its id), when the transition changed one.
    public var escalation: Escalation?
    /// The customer's record as stored, when the transition merged it (`start`).
    public var customer: Customer?

    public init(messages: [StoredMessage], escalation: Escalation? = nil, customer: Customer? = nil) {
        self.messages = messages
        self.escalation = escalation
        self.customer = customer
    }
}
