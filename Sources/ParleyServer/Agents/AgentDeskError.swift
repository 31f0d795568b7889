/// Why the agent desk refused what an agent asked for.
public enum AgentDeskError: Error, Sendable, Equatable {
    /// Not signed in, or a wrong name or password.
    case unauthorized
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
    /// The CRM store failed; nothing changed.
    case unavailable

    /// The error as an agent's client receives it.
    public var event: AgentEvent {
        switch self {
        case .unauthorized: .error(.unauthorized, "sign in first, with your agent name and password")
        case .sessionExpired: .error(.sessionExpired, "your sign-in has expired; sign in again")
        case .alreadyTaken(let id, let agent): .error(.alreadyTaken, "\(agent) already has conversation \(id)")
        case .notYours(let id): .error(.notYours, "conversation \(id) is not yours; take it first")
        case .atCapacity(let capacity):
            .error(.atCapacity, "you already have \(capacity) conversations; hand one back or close one first")
        case .closed(let id): .error(.invalidMessage, "conversation \(id) has ended")
        case .unknownConversation(let id): .error(.unknownConversation, "no conversation \(id)")
        case .unavailable: .error(.unavailable, "the CRM store could not record that; nothing changed, try again")
        }
    }
}
