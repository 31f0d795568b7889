/// How a conversation ended. Stored and sent by its raw value.
public enum ConversationOutcome: Sendable, Hashable, RawRepresentable, Codable, CustomStringConvertible {
    /// The customer got what they came for.
    case resolved
    case unresolved
    /// Someone must get back to the customer.
    case followUp
    case spam
    /// Nobody could answer: a person will write to the customer (stored by
    /// older versions; a ticket is now a `Conversation.Status`).
    case ticket
    /// A ticket a person answered (by email, outside the chat).
    case answered
    /// An outcome this Parley does not name: written by an older one, which
    /// took any word an agent typed. Kept as it was.
    case other(String)

    /// The outcomes an agent can choose when closing a conversation.
    public static let agentChoices: [ConversationOutcome] = [.resolved, .unresolved, .followUp, .spam]

    public init(rawValue: String) {
        switch rawValue {
        case "resolved": self = .resolved
        case "unresolved": self = .unresolved
        case "follow_up": self = .followUp
        case "spam": self = .spam
        case "ticket": self = .ticket
        case "answered": self = .answered
        default: self = .other(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .resolved: "resolved"
        case .unresolved: "unresolved"
        case .followUp: "follow_up"
        case .spam: "spam"
        case .ticket: "ticket"
        case .answered: "answered"
        case .other(let text): text
        }
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
