public import ParleyStore

/// Why the agent desk refused what an agent asked for.
public enum AgentDeskError: Error, Sendable, Equatable {
    /// Not signed in, or a wrong name or password.
    case unauthorized
    /// The user's role may not work the desk (a trainer).
    case forbidden(Role)
    /// Too many failed sign-ins for the name or from the address: wait this many seconds.
    case tooManySignIns(seconds: Int)
    /// The sign-in is older than the configured session length.
    case sessionExpired
    /// Another agent (named) has the conversation or is taking it.
    case alreadyTaken(String, by: String)
    /// Only the agent who took the conversation may do that.
    case notYours(String)
    /// The agent has as many conversations as their capacity.
    case atCapacity(Int)
    /// The conversation has ended.
    case closed(String)
    /// No such conversation.
    case unknownConversation(String)
    /// The conversation is not a ticket (any more).
    case notATicket(String)
    /// The CRM store failed; nothing changed.
    case unavailable
    /// A required field is missing or empty (the message says which).
    case invalidMessage(String)

    /// The code an agent's client receives.
    public var code: ErrorCode {
        switch self {
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .tooManySignIns: .rateLimited
        case .sessionExpired: .sessionExpired
        case .alreadyTaken: .alreadyTaken
        case .notYours: .notYours
        case .atCapacity: .atCapacity
        case .closed, .invalidMessage, .notATicket: .invalidMessage
        case .unknownConversation: .unknownConversation
        case .unavailable: .unavailable
        }
    }

    /// What the agent reads.
    public var message: String {
        switch self {
        case .unauthorized: "sign in first, with your agent name and password"
        case .forbidden(let role): "a \(role.rawValue) may not work the desk; ask an admin for the agent role"
        case .tooManySignIns(let seconds):
            "too many failed sign-ins; wait \(seconds) second\(seconds == 1 ? "" : "s") before trying again"
        case .sessionExpired: "your sign-in has expired; sign in again"
        case .alreadyTaken(let id, let agent): "\(agent) already has conversation \(id)"
        case .notYours(let id): "conversation \(id) is not yours; take it first"
        case .atCapacity(let capacity): "you already have \(capacity) conversations; hand one back or close one first"
        case .closed(let id): "conversation \(id) has ended"
        case .unknownConversation(let id): "no conversation \(id)"
        case .notATicket(let id): "conversation \(id) is not an open ticket"
        case .unavailable: "the CRM store could not record that; nothing changed, try again"
        case .invalidMessage(let message): message
        }
    }
}
