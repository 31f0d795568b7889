public import Foundation
public import ParleyStore

/// One message from the server to an agent's client. `type` says which fields are set.
///
/// - `signed_in`: `agent`, `token` (send it with `resume` after a reconnect) and `expires_at`.
/// - `signed_out`: after `logout`.
/// - `agent`: the agent's own state changed (`agent`: status, conversations).
/// - `queue`: the queue, most urgent first (its first 100 entries), and
///   `queue_length`, shortly after it changes.
/// - `offer`: `item`, a queued conversation offered to this agent: `take` or `decline` it.
/// - `active`: `conversations` the bot is handling now.
/// - `conversation`: `view` of a conversation just opened or taken; its
///   messages follow live as `message` events.
/// - `message`: `conversation_id` and `entry`, a stored message.
/// - `typing`: the customer of `conversation_id` is typing.
/// - `presence`: the customer of `conversation_id` closed their last
///   connection (`online` false: a closed tab) or came back (`online` true).
/// - `taken`: `conversation_id` is now `agent_id`'s (to everyone on duty).
/// - `released`: `conversation_id` left this agent (`outcome`: `handed_back`, `closed`, `requeued`).
/// - `error`: `code` and a readable `message`.
public struct AgentEvent: Sendable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        case signedIn = "signed_in"
        case signedOut = "signed_out"
        case agent, queue, offer, active, conversation, message, typing, presence, taken, released, error
    }

    /// An agent as their console shows them.
    public struct OnDuty: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var status: Agent.Status
        public var capacity: Int
        public var conversations: [String]
    }

    public var type: Kind
    public var agent: OnDuty?
    public var token: String?
    public var expiresAt: Date?
    public var queue: [QueueItem]?
    public var queueLength: Int?
    public var item: QueueItem?
    public var conversations: [Conversation]?
    public var view: ConversationView?
    public var conversationId: String?
    public var entry: StoredMessage?
    public var agentId: String?
    public var outcome: String?
    public var online: Bool?
    public var code: ErrorCode?
    public var message: String?

    public init(_ type: Kind, conversationId: String? = nil) {
        self.type = type
        self.conversationId = conversationId
    }

    /// An `error` event.
    public static func error(_ code: ErrorCode, _ message: String) -> AgentEvent {
        var event = AgentEvent(.error)
        event.code = code
        event.message = message
        return event
    }

    /// The event as one line of JSON (snake_case keys, ISO 8601 dates).
    public func json() -> String {
        let data = (try? Self.encoder.encode(self)) ?? Data(#"{"type":"error","code":"unavailable"}"#.utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()
}
