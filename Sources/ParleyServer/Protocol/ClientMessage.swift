/// One message from a customer's client: a WebSocket text frame, or a line in
/// JSON Lines mode over TCP. `type` says which fields matter.
///
/// - `hello`: `customer` (optional identity), `conversation_id` and
///   `last_message_id` to resume a conversation.
/// - `message`: `text`, and `analysis: true` for the bot's analysis in the reply.
/// - `human`: the customer asks for a person (escalates at once).
/// - `typing`: the customer is typing.
/// - `rating`: `score` 1–5 and an optional `comment`, usually at the end.
public struct ClientMessage: Sendable, Codable, Hashable {
    public var type: String
    public var customer: CustomerIdentity?
    public var conversationId: String?
    public var lastMessageId: Int64?
    public var text: String?
    public var analysis: Bool?
    public var score: Int?
    public var comment: String?

    public init(
        type: String, customer: CustomerIdentity? = nil, conversationId: String? = nil, lastMessageId: Int64? = nil,
        text: String? = nil, analysis: Bool? = nil, score: Int? = nil, comment: String? = nil
    ) {
        self.type = type
        self.customer = customer
        self.conversationId = conversationId
        self.lastMessageId = lastMessageId
        self.text = text
        self.analysis = analysis
        self.score = score
        self.comment = comment
    }

    enum CodingKeys: String, CodingKey {
        case type, customer, text, analysis, score, comment
        case conversationId = "conversation_id"
        case lastMessageId = "last_message_id"
    }
}
