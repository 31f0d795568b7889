public import ParleyBot
public import ParleyNLP
public import ParleyStore

/// One event from the server to a customer's client. On the wire, an object
/// whose `type` is the case's name and whose other fields are its payload's.
public enum ServerEvent: Sendable {
    /// The conversation started or resumed.
    case welcome(Welcome)
    /// A bot's or agent's message.
    case reply(Reply)
    /// The customer message is stored and a person will answer it (the bot is
    /// silent while the conversation waits for or has an agent).
    case received(Received)
    /// The agent is typing.
    case typing(Typing)
    /// The conversation waits for a person.
    case waiting(Waiting)
    /// An agent answers from now on; the bot is silent.
    case agentJoined(AgentPresence)
    /// The agent handed the conversation back to the bot (`status` `bot`) or
    /// left it and it waits again (`status` `queued`).
    case agentLeft(AgentPresence)
    /// The conversation ended; a good moment for a `rating`.
    case closed(Closed)
    /// The rating was stored.
    case rated(Rated)
    case error(ErrorEvent)

    /// The `type`s of customer events.
    public enum Kind: String, WireMessageKind {
        case welcome, reply, received, typing, waiting, closed, rated, error
        case agentJoined = "agent_joined"
        case agentLeft = "agent_left"
    }

    public struct Welcome: Sendable, Hashable, Codable {
        public var conversationId: String
        /// The secret that resumes the conversation (`hello` with `conversation_token`): sent
        /// once, when the conversation starts; keep it where only this customer can read it.
        public var conversationToken: String?
        /// The customer's id: the id the client gave when the shop vouched for it, else a new anonymous one.
        public var customerId: String
        public var resumed: Bool
        public var status: Conversation.Status
    }

    public struct Reply: Sendable, Codable {
        /// The message's id in the CRM store.
        public var id: Int64?
        public var from: Author
        public var text: String
        public var quickReplies: [String]?
        public var action: DialogueDecision.Action?
        public var intent: String?
        /// The customer message it answers.
        public var inReplyTo: Int64?
        /// The bot's analysis and decision, when the client asked for them.
        public var analysis: Analysis?
        public var decision: DialogueDecision?
        /// The agent's name, for an agent's message.
        public var agent: String?
    }

    public struct Received: Sendable, Hashable, Codable {
        public var id: Int64?
        public var status: Conversation.Status
    }

    public struct Typing: Sendable, Hashable, Codable {
        public var from: Author
        public var agent: String?
    }

    public struct Waiting: Sendable, Hashable, Codable {
        /// The place in the queue; 1 is next.
        public var position: Int
    }

    /// `agent_joined` and `agent_left`: the agent's name and the conversation's status after.
    public struct AgentPresence: Sendable, Hashable, Codable {
        public var agent: String
        public var status: Conversation.Status
    }

    public struct Closed: Sendable, Hashable, Codable {
        public var outcome: ConversationOutcome
        public var status: Conversation.Status
    }

    public struct Rated: Sendable, Hashable, Codable {
        public var score: Int
    }

    public var kind: Kind {
        switch self {
        case .welcome: .welcome
        case .reply: .reply
        case .received: .received
        case .typing: .typing
        case .waiting: .waiting
        case .agentJoined: .agentJoined
        case .agentLeft: .agentLeft
        case .closed: .closed
        case .rated: .rated
        case .error: .error
        }
    }

    /// An `error` event.
    public static func error(_ code: ErrorCode, _ message: String) -> ServerEvent {
        .error(ErrorEvent(code: code, message: message))
    }

    /// The event as one line of JSON.
    public func json() -> String {
        WireCoding.line(self)
    }
}

extension ServerEvent: Codable {
    public init(from decoder: any Decoder) throws {
        let kind = try TaggedCoding.kind(Kind.self, from: decoder)
        switch kind {
        case .welcome: self = .welcome(try TaggedCoding.payload(Welcome.self, of: kind, from: decoder))
        case .reply: self = .reply(try TaggedCoding.payload(Reply.self, of: kind, from: decoder))
        case .received: self = .received(try TaggedCoding.payload(Received.self, of: kind, from: decoder))
        case .typing: self = .typing(try TaggedCoding.payload(Typing.self, of: kind, from: decoder))
        case .waiting: self = .waiting(try TaggedCoding.payload(Waiting.self, of: kind, from: decoder))
        case .agentJoined: self = .agentJoined(try TaggedCoding.payload(AgentPresence.self, of: kind, from: decoder))
        case .agentLeft: self = .agentLeft(try TaggedCoding.payload(AgentPresence.self, of: kind, from: decoder))
        case .closed: self = .closed(try TaggedCoding.payload(Closed.self, of: kind, from: decoder))
        case .rated: self = .rated(try TaggedCoding.payload(Rated.self, of: kind, from: decoder))
        case .error: self = .error(try TaggedCoding.payload(ErrorEvent.self, of: kind, from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        let payload: any Encodable =
            switch self {
            case .welcome(let welcome): welcome
            case .reply(let reply): reply
            case .received(let received): received
            case .typing(let typing): typing
            case .waiting(let waiting): waiting
            case .agentJoined(let presence), .agentLeft(let presence): presence
            case .closed(let closed): closed
            case .rated(let rated): rated
            case .error(let error): error
            }
        try TaggedCoding.encode(kind, payload, to: encoder)
    }
}
