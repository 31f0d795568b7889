/// One step in a conversation's life, written to the CRM store as one
/// transaction: the conversation's new row, the messages the step adds (in
/// order), and what it changes in the conversation's escalation and its
/// customer's record. Either all of it is stored or none of it.
///
/// Build one with the domain operation it stands for (`start`, `exchange`,
/// `agentMessage`, `takeOver`, `handBack`, `close`, `requeue`, `ticket`,
/// `rating`) and hand it to `CRMStore.record(_:)`.
public struct ConversationTransition: Sendable, Hashable {
    /// Which step of the conversation this is (for logs and metrics).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case start, exchange, rating, close, requeue, ticket
        case agentMessage = "agent_message"
        case takeOver = "take_over"
        case handBack = "hand_back"
    }

    /// What the step changes in the customer's CRM record.
    public enum CustomerChange: Sendable, Hashable {
        /// Inserts the customer, or, when the store knows them, keeps what it
        /// knows (VIP status included) and only fills the name, email and
        /// phone it lacks; `lastSeen` is updated either way.
        case merge(Customer)
        /// Sets the customer's email unless their record has one.
        case fillEmail(String)
    }

    public var kind: Kind
    /// The conversation's row as it is after the step (inserted when new).
    public var conversation: Conversation
    /// Messages the step adds, in order; their ids are assigned by the store.
    public var messages: [StoredMessage]
    /// The conversation's escalation after the step: inserted when it has no
    /// id yet (opened), updated when it has one (taken, released, resolved);
    /// nil when the step leaves escalations alone.
    public var escalation: Escalation?
    public var customer: CustomerChange?

    public init(
        kind: Kind, conversation: Conversation, messages: [StoredMessage], escalation: Escalation? = nil,
        customer: CustomerChange? = nil
    ) {
        self.kind = kind
        self.conversation = conversation
        self.messages = messages
        self.escalation = escalation
        self.customer = customer
    }

    /// A new conversation: its customer (merged with what the store knows), its row and the bot's greeting.
    public static func start(_ conversation: Conversation, customer: Customer, greeting: StoredMessage) -> Self {
        Self(kind: .start, conversation: conversation, messages: [greeting], customer: .merge(customer))
    }

    /// A customer message with the bot's answer (if any), the escalation it
    /// opened (if any) and the email the customer gave (if their record has none).
    public static func exchange(
        _ conversation: Conversation, messages: [StoredMessage], opening escalation: Escalation? = nil,
        customerEmail: String? = nil
    ) -> Self {
        Self(
            kind: .exchange, conversation: conversation, messages: messages, escalation: escalation,
            customer: customerEmail.map(CustomerChange.fillEmail))
    }

    /// The owning agent's message to the customer.
    public static func agentMessage(_ conversation: Conversation, message: StoredMessage) -> Self {
        Self(kind: .agentMessage, conversation: conversation, messages: [message])
    }

    /// An agent takes the conversation over: its escalation marked taken (or
    /// opened, taken at once, when the agent took it from the bot) and a note for the record.
    public static func takeOver(_ conversation: Conversation, escalation: Escalation, note: StoredMessage) -> Self {
        Self(kind: .takeOver, conversation: conversation, messages: [note], escalation: escalation)
    }

    /// The agent hands the conversation back: the escalation resolved and the bot's message.
    public static func handBack(_ conversation: Conversation, resolving escalation: Escalation?, message: StoredMessage)
        -> Self
    {
        Self(kind: .handBack, conversation: conversation, messages: [message], escalation: escalation)
    }

    /// The agent ends the conversation (its outcome is on `conversation`): the escalation resolved and a note.
    public static func close(_ conversation: Conversation, resolving escalation: Escalation?, note: StoredMessage)
        -> Self
    {
        Self(kind: .close, conversation: conversation, messages: [note], escalation: escalation)
    }

    /// The conversation waits for an agent again: the escalation no longer taken and a note.
    public static func requeue(_ conversation: Conversation, releasing escalation: Escalation?, note: StoredMessage)
        -> Self
    {
        Self(kind: .requeue, conversation: conversation, messages: [note], escalation: escalation)
    }

    /// Nobody took the waiting conversation: it becomes a ticket (its status),
    /// its escalation resolved, with the bot's message asking for an email.
    public static func ticket(_ conversation: Conversation, resolving escalation: Escalation?, message: StoredMessage)
        -> Self
    {
        Self(kind: .ticket, conversation: conversation, messages: [message], escalation: escalation)
    }

    /// The customer's rating (on `conversation`) with their comment, if any.
    public static func rating(_ conversation: Conversation, comment: StoredMessage?) -> Self {
        Self(kind: .rating, conversation: conversation, messages: comment.map { [$0] } ?? [])
    }
}
