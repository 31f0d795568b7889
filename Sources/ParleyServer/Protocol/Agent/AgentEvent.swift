public import Foundation

/// One event from the server to an agent's client. On the wire, an object
/// whose `type` is the case's name and whose other fields are its payload's.
public enum AgentEvent: Sendable {
    /// Signed in: send `token` with `resume` after a reconnect.
    case signedIn(SignedIn)
    /// After `logout`.
    case signedOut
    /// The agent's own state changed.
    case agent(AgentState)
    /// The queue, most urgent first (its first 100 entries), shortly after it changes.
    case queue(Queue)
    /// A queued conversation offered to this agent: `take` or `decline` it.
    case offer(Offer)
    /// The conversations the bot is handling now.
    case active(Active)
    /// A conversation just opened or taken; its messages follow live as `message` events.
    case conversation(Opened)
    /// A stored message of a conversation the agent follows.
    case message(Entry)
    /// The customer of `conversation_id` is typing.
    case typing(ConversationEvent)
    /// The customer closed their last connection (`online` false: a closed tab) or came back.
    case presence(Presence)
    /// A conversation is now an agent's (to everyone on duty).
    case taken(Taken)
    /// A conversation left its agent.
    case released(Released)
    /// The open tickets, oldest first (the first 100), after `tickets` and shortly after they change.
    case tickets(Tickets)
    /// Whether agents are in (office hours): at sign-in and when it changes.
    case officeHours(OfficeHoursInfo)
    case error(ErrorEvent)

    /// The `type`s of agent events.
    public enum Kind: String, WireMessageKind {
        case agent, queue, offer, active, conversation, message, typing, presence, taken, released, tickets, error
        case officeHours = "office_hours"
        case signedIn = "signed_in"
        case signedOut = "signed_out"
    }

    public struct SignedIn: Sendable, Hashable, Codable {
        public var agent: AgentProfile
        /// What `resume` takes; absent for a console session, whose token only its cookie holds.
        public var token: String?
        public var expiresAt: Date
    }

    public struct AgentState: Sendable, Hashable, Codable {
        public var agent: AgentProfile
    }

    public struct Queue: Sendable, Hashable, Codable {
        public var queue: [QueueItem]
        /// How many conversations wait in all.
        public var queueLength: Int
    }

    public struct Offer: Sendable, Hashable, Codable {
        public var conversationId: String
        public var item: QueueItem
    }

    public struct Active: Sendable, Hashable, Codable {
        public var conversations: [ConversationInfo]
    }

    public struct Opened: Sendable, Codable {
        public var conversationId: String
        public var view: ConversationView
    }

    public struct Entry: Sendable, Hashable, Codable {
        public var conversationId: String
        public var entry: MessageEntry
    }

    public struct ConversationEvent: Sendable, Hashable, Codable {
        public var conversationId: String
    }

    public struct Presence: Sendable, Hashable, Codable {
        public var conversationId: String
        public var online: Bool
    }

    public struct Taken: Sendable, Hashable, Codable {
        public var conversationId: String
        public var agentId: String
    }

    public struct Tickets: Sendable, Hashable, Codable {
        public var tickets: [TicketItem]
        /// How many tickets are open in all.
        public var count: Int
    }

    public struct Released: Sendable, Hashable, Codable {
        /// Why the conversation left its agent.
        public enum Reason: String, Sendable, Hashable, Codable {
            case handedBack = "handed_back"
            case closed, requeued
        }

        public var conversationId: String
        public var outcome: Reason
        public var agentId: String
    }

    public var kind: Kind {
        switch self {
        case .signedIn: .signedIn
        case .signedOut: .signedOut
        case .agent: .agent
        case .queue: .queue
        case .offer: .offer
        case .active: .active
        case .conversation: .conversation
        case .message: .message
        case .typing: .typing
        case .presence: .presence
        case .taken: .taken
        case .released: .released
        case .tickets: .tickets
        case .officeHours: .officeHours
        case .error: .error
        }
    }

    /// An `error` event.
    public static func error(_ code: ErrorCode, _ message: String) -> AgentEvent {
        .error(ErrorEvent(code: code, message: message))
    }

    /// The event as one line of JSON.
    public func json() -> String {
        WireCoding.line(self)
    }
}

extension AgentEvent: Codable {
    public init(from decoder: any Decoder) throws {
        let kind = try TaggedCoding.kind(Kind.self, from: decoder)
        func payload<Payload: Decodable>(_ type: Payload.Type) throws -> Payload {
            try TaggedCoding.payload(type, of: kind, from: decoder)
        }
        switch kind {
        case .signedIn: self = .signedIn(try payload(SignedIn.self))
        case .signedOut: self = .signedOut
        case .agent: self = .agent(try payload(AgentState.self))
        case .queue: self = .queue(try payload(Queue.self))
        case .offer: self = .offer(try payload(Offer.self))
        case .active: self = .active(try payload(Active.self))
        case .conversation: self = .conversation(try payload(Opened.self))
        case .message: self = .message(try payload(Entry.self))
        case .typing: self = .typing(try payload(ConversationEvent.self))
        case .presence: self = .presence(try payload(Presence.self))
        case .taken: self = .taken(try payload(Taken.self))
        case .released: self = .released(try payload(Released.self))
        case .tickets: self = .tickets(try payload(Tickets.self))
        case .officeHours: self = .officeHours(try payload(OfficeHoursInfo.self))
        case .error: self = .error(try payload(ErrorEvent.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        let payload: (any Encodable)? =
            switch self {
            case .signedIn(let signedIn): signedIn
            case .signedOut: nil
            case .agent(let state): state
            case .queue(let queue): queue
            case .offer(let offer): offer
            case .active(let active): active
            case .conversation(let opened): opened
            case .message(let entry): entry
            case .typing(let event): event
            case .presence(let presence): presence
            case .taken(let taken): taken
            case .released(let released): released
            case .tickets(let tickets): tickets
            case .officeHours(let hours): hours
            case .error(let error): error
            }
        try TaggedCoding.encode(kind, payload, to: encoder)
    }
}
