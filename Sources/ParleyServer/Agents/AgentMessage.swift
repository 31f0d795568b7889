/// One message from an agent's client: a WebSocket text frame at `/agent/ws`
/// (the same JSON the line protocol's agent commands send). `type` says which
/// fields matter.
///
/// - `login`: `agent` (the sign-in name) and `password` → `signed_in` with a `token`.
/// - `resume`: `token` of an earlier sign-in (a reconnecting console).
/// - `status`: `status` `available` or `away`.
/// - `queue`: the queue now; `active`: conversations the bot is handling now.
/// - `open`: `conversation_id` → its `conversation` view, then its messages
///   live; `close_view` stops following it.
/// - `take`: `conversation_id`, from the queue or from the bot; `decline` an offer.
/// - `say`: `conversation_id` and `text`; `typing`: `conversation_id`.
/// - `handback`: `conversation_id` back to the bot; `close`: with an `outcome`.
/// - `logout`: ends the sign-in.
public struct AgentMessage: Sendable, Codable, Hashable {
    public var type: String
    public var agent: String?
    public var password: String?
    public var token: String?
    public var status: String?
    public var conversationId: String?
    public var text: String?
    public var outcome: String?

    public init(
        type: String, agent: String? = nil, password: String? = nil, token: String? = nil, status: String? = nil,
        conversationId: String? = nil, text: String? = nil, outcome: String? = nil
    ) {
        self.type = type
        self.agent = agent
        self.password = password
        self.token = token
        self.status = status
        self.conversationId = conversationId
        self.text = text
        self.outcome = outcome
    }

    enum CodingKeys: String, CodingKey {
        case type, agent, password, token, status, text, outcome
        case conversationId = "conversation_id"
    }
}
