/// One message from a customer's client: a WebSocket text frame, a line in
/// JSON Lines mode over TCP, or (`hello` and `message`) what the REST
/// channel's body stands for. On the wire, an object whose `type` is the
/// case's name and whose other fields are its payload's.
public enum ClientMessage: Sendable, Hashable {
    /// Starts or resumes the connection's conversation.
    case hello(Hello)
    /// A customer message for the bot or the agent.
    case message(Text)
    /// The customer asks for a person (escalates at once).
    case human
    /// The customer is typing.
    case typing
    /// The customer rates the conversation, usually at the end.
    case rating(Rating)

    /// The `type`s of client messages.
    public enum Kind: String, WireMessageKind {
        case hello, message, human, typing, rating
    }

    /// `hello`: who the customer is (optional), and a conversation to resume.
    public struct Hello: Sendable, Hashable, Codable {
        public var customer: CustomerIdentity?
        /// Resume this conversation instead of starting one (with its `conversationToken`).
        public var conversationId: String?
        /// The secret `welcome` gave when the conversation started.
        public var conversationToken: String?
        /// The last message the client saw: the replies after it are sent again.
        public var lastMessageId: Int64?

        public init(
            customer: CustomerIdentity? = nil, conversationId: String? = nil, conversationToken: String? = nil,
            lastMessageId: Int64? = nil
        ) {
            self.customer = customer
            self.conversationId = conversationId
            self.conversationToken = conversationToken
            self.lastMessageId = lastMessageId
        }
    }

    /// `message`: the text, and `analysis: true` for the bot's analysis in the reply.
    public struct Text: Sendable, Hashable, Codable {
        public var text: String
        public var analysis: Bool?

        public init(text: String, analysis: Bool? = nil) {
            self.text = text
            self.analysis = analysis
        }
    }

    /// `rating`: a `score` from 1 to 5 and an optional `comment`.
    public struct Rating: Sendable, Hashable, Codable {
        public var score: Int
        public var comment: String?

        public init(score: Int, comment: String? = nil) {
            self.score = score
            self.comment = comment
        }
    }

    public var kind: Kind {
        switch self {
        case .hello: .hello
        case .message: .message
        case .human: .human
        case .typing: .typing
        case .rating: .rating
        }
    }
}

extension ClientMessage: Codable {
    public init(from decoder: any Decoder) throws {
        let kind = try TaggedCoding.kind(Kind.self, from: decoder)
        switch kind {
        case .hello: self = .hello(try TaggedCoding.payload(Hello.self, of: kind, from: decoder))
        case .message: self = .message(try TaggedCoding.payload(Text.self, of: kind, from: decoder))
        case .human: self = .human
        case .typing: self = .typing
        case .rating: self = .rating(try TaggedCoding.payload(Rating.self, of: kind, from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        let payload: (any Encodable)? =
            switch self {
            case .hello(let hello): hello
            case .message(let text): text
            case .rating(let rating): rating
            case .human, .typing: nil
            }
        try TaggedCoding.encode(kind, payload, to: encoder)
    }
}

extension ClientMessage.Kind {
    public var requirement: String {
        switch self {
        case .hello: "a hello has an optional \"customer\" object, \"conversation_id\" and \"last_message_id\""
        case .message: "a message needs a non-empty \"text\""
        case .rating: "a rating needs a \"score\" from 1 to 5"
        case .human, .typing: "\"\(rawValue)\" has no fields"
        }
    }
}
