/// One message from an agent's client: a WebSocket text frame at
/// `/agent/ws` (a terminal's commands on the line protocol become the same
/// messages). On the wire, an object whose `type` is the case's name and
/// whose other fields are its payload's.
public enum AgentMessage: Sendable, Hashable {
    /// Signs in → `signed_in` with a `token`.
    case login(Login)
    /// Continues an earlier sign-in (a reconnecting console).
    case resume(Resume)
    /// `available` or `away`.
    case status(StatusChange)
    /// The queue now.
    case queue
    /// The conversations the bot is handling now.
    case active
    /// The conversation's `conversation` view, then its messages live.
    case open(ConversationReference)
    /// Stops following a conversation.
    case closeView(ConversationReference)
    /// Takes a conversation, from the queue or from the bot.
    case take(ConversationReference)
    /// Declines an offer.
    case decline(ConversationReference)
    /// Writes to the customer (owner only).
    case say(Say)
    /// The agent is typing in a conversation.
    case typing(ConversationReference)
    /// Hands the conversation back to the bot (owner only).
    case handback(ConversationReference)
    /// Ends the conversation with an outcome (owner only; any agent for an open ticket).
    case close(Close)
    /// The open tickets → `tickets`.
    case tickets
    /// Marks an open ticket answered (a person wrote to the customer by email), with a note for the record.
    case answer(Answer)
    /// Ends the sign-in.
    case logout

    /// The `type`s of agent messages.
    public enum Kind: String, WireMessageKind {
        case login, resume, status, queue, active, open, take, decline, say, typing, handback, close, logout
        case tickets, answer
        case closeView = "close_view"
    }

    public struct Login: Sendable, Hashable, Codable {
        /// The sign-in name.
        public var agent: String
        public var password: String

        public init(agent: String, password: String) {
            self.agent = agent
            self.password = password
        }
    }

    public struct Resume: Sendable, Hashable, Codable {
        public var token: String
    }

    public struct StatusChange: Sendable, Hashable, Codable {
        /// `available` or `away` (anything else is refused).
        public var status: String

        public init(status: String) {
            self.status = status
        }
    }

    public struct ConversationReference: Sendable, Hashable, Codable {
        public var conversationId: String

        public init(conversationId: String) {
            self.conversationId = conversationId
        }
    }

    public struct Say: Sendable, Hashable, Codable {
        public var conversationId: String
        public var text: String

        public init(conversationId: String, text: String) {
            self.conversationId = conversationId
            self.text = text
        }
    }

    public struct Close: Sendable, Hashable, Codable {
        public var conversationId: String
        /// `resolved` (the default), `unresolved`, `follow_up` or `spam`.
        public var outcome: String?

        public init(conversationId: String, outcome: String? = nil) {
            self.conversationId = conversationId
            self.outcome = outcome
        }
    }

    public struct Answer: Sendable, Hashable, Codable {
        public var conversationId: String
        /// What was written to the customer, or anything the record should keep.
        public var note: String?

        public init(conversationId: String, note: String? = nil) {
            self.conversationId = conversationId
            self.note = note
        }
    }

    public var kind: Kind {
        switch self {
        case .login: .login
        case .resume: .resume
        case .status: .status
        case .queue: .queue
        case .active: .active
        case .open: .open
        case .closeView: .closeView
        case .take: .take
        case .decline: .decline
        case .say: .say
        case .typing: .typing
        case .handback: .handback
        case .close: .close
        case .logout: .logout
        case .tickets: .tickets
        case .answer: .answer
        }
    }
}

extension AgentMessage: Codable {
    public init(from decoder: any Decoder) throws {
        let kind = try TaggedCoding.kind(Kind.self, from: decoder)
        func reference() throws -> ConversationReference {
            try TaggedCoding.payload(ConversationReference.self, of: kind, from: decoder)
        }
        switch kind {
        case .login: self = .login(try TaggedCoding.payload(Login.self, of: kind, from: decoder))
        case .resume: self = .resume(try TaggedCoding.payload(Resume.self, of: kind, from: decoder))
        case .status: self = .status(try TaggedCoding.payload(StatusChange.self, of: kind, from: decoder))
        case .queue: self = .queue
        case .active: self = .active
        case .open: self = .open(try reference())
        case .closeView: self = .closeView(try reference())
        case .take: self = .take(try reference())
        case .decline: self = .decline(try reference())
        case .say: self = .say(try TaggedCoding.payload(Say.self, of: kind, from: decoder))
        case .typing: self = .typing(try reference())
        case .handback: self = .handback(try reference())
        case .close: self = .close(try TaggedCoding.payload(Close.self, of: kind, from: decoder))
        case .logout: self = .logout
        case .tickets: self = .tickets
        case .answer: self = .answer(try TaggedCoding.payload(Answer.self, of: kind, from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        let payload: (any Encodable)? =
            switch self {
            case .login(let login): login
            case .resume(let resume): resume
            case .status(let status): status
            case .open(let reference), .closeView(let reference), .take(let reference), .decline(let reference),
                .typing(let reference), .handback(let reference):
                reference
            case .say(let say): say
            case .close(let close): close
            case .answer(let answer): answer
            case .queue, .active, .logout, .tickets: nil
            }
        try TaggedCoding.encode(kind, payload, to: encoder)
    }
}
