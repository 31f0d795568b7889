/// Why the server refused something a client sent; sent as `code` in `error` events.
public enum ErrorCode: String, Sendable, Codable, Hashable, CaseIterable {
    /// The frame or line was not a JSON object of the documented schema.
    case invalidJSON = "invalid_json"
    /// The line was not valid UTF-8.
    case invalidUTF8 = "invalid_utf8"
    /// The line, frame or body was over the size limit; it was dropped.
    case tooLarge = "too_large"
    /// A binary WebSocket frame; only text frames carry JSON.
    case binaryFrame = "binary_frame"
    /// A WebSocket frame broke RFC 6455 (a client frame without a mask): the
    /// connection is failed with close status 1002 (counted; no event is sent).
    case protocolError = "protocol_error"
    /// `type` is not one the server knows.
    case unknownType = "unknown_type"
    /// A required field is missing or out of range (e.g. a message without text, a rating outside 1–5).
    case invalidMessage = "invalid_message"
    /// `hello` named a conversation the server does not know.
    case unknownConversation = "unknown_conversation"
    /// `hello` came after the conversation had started on this connection.
    case alreadyStarted = "already_started"
    /// Too many messages too fast; the message was not taken: send it again later.
    case rateLimited = "rate_limited"
    /// The server has as many connections as it is set to take.
    case serverBusy = "server_busy"
    /// The CRM store could not record the message; it was not taken: send it again later.
    case unavailable
    /// Agents: not signed in, or a wrong name or password.
    case unauthorized
    /// Agents: signed in, but the user's role may not do that (a trainer at the desk).
    case forbidden
    /// Agents: the sign-in is too old; sign in again.
    case sessionExpired = "session_expired"
    /// Agents: another agent has the conversation (`message` names them).
    case alreadyTaken = "already_taken"
    /// Agents: only the agent who took a conversation writes into it, hands it back or closes it.
    case notYours = "not_yours"
    /// Agents: the agent already has as many conversations as their capacity.
    case atCapacity = "at_capacity"
}
