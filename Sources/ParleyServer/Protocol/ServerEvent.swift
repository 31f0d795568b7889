internal import Foundation
public import ParleyBot
public import ParleyNLP

/// One message from the server to a customer's client. `type` says which fields are set.
///
/// - `welcome`: `conversation_id`, `customer_id`, `resumed`, `status`.
/// - `reply`: `id` (the message's id in the CRM store), `from` (`bot` or
///   `agent`), `text`, `quick_replies`, `action`, `intent`, `in_reply_to` (the
///   customer message's id), and `analysis` and `decision` when asked for.
/// - `received`: the customer message `id` is stored and a human will answer
///   it (the bot stays silent while the conversation waits for or has an agent).
/// - `typing`: `from` (`agent`) is typing.
/// - `waiting`: the conversation waits for a person; `position` in the queue (1 is next).
/// - `agent_joined`: `agent` (their name) answers from now on; the bot is silent.
/// - `agent_left`: the agent handed the conversation back to the bot (`status`
///   `bot`) or left it and it waits again (`status` `queued`).
/// - `closed`: the conversation ended with `outcome`; a good moment for a `rating`.
/// - `rated`: the rating was stored; `score`.
/// - `error`: `code` (see `ErrorCode`) and a readable `message`.
public struct ServerEvent: Sendable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        case welcome, reply, received, typing, waiting, rated, error, closed
        case agentJoined = "agent_joined"
        case agentLeft = "agent_left"
    }

    public var type: Kind
    public var conversationId: String?
    public var customerId: String?
    public var resumed: Bool?
    public var status: String?
    public var id: Int64?
    public var from: String?
    public var text: String?
    public var quickReplies: [String]?
    public var action: String?
    public var intent: String?
    public var inReplyTo: Int64?
    public var analysis: Analysis?
    public var decision: DialogueDecision?
    public var score: Int?
    public var position: Int?
    public var agent: String?
    public var outcome: String?
    public var code: ErrorCode?
    public var message: String?

    public init(_ type: Kind) {
        self.type = type
    }

    /// An `error` event.
    public static func error(_ code: ErrorCode, _ message: String) -> ServerEvent {
        var event = ServerEvent(.error)
        event.code = code
        event.message = message
        return event
    }

    /// The event as one line of JSON.
    public func json() -> String {
        // Every field encodes (strings, numbers, finite scores), so encoding cannot fail.
        let data = (try? JSONEncoder().encode(self)) ?? Data(#"{"type":"error","code":"unavailable"}"#.utf8)
        return String(decoding: data, as: UTF8.self)
    }

    enum CodingKeys: String, CodingKey {
        case type, resumed, status, id, from, text, action, intent, analysis, decision, score, position, agent, outcome,
            code
        case message
        case conversationId = "conversation_id"
        case customerId = "customer_id"
        case quickReplies = "quick_replies"
        case inReplyTo = "in_reply_to"
    }
}
