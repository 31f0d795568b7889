/// The bounds every client lives within. Per-address limits apply to the
/// client's address (behind `trustedProxies`, the one their
/// `X-Forwarded-For` names); the server's own machine (127.0.0.1, ::1) is
/// exempt while `exemptLoopback` is on.
public struct ChatLimits: Sendable, Hashable {
    /// The longest line, WebSocket message or request body, in bytes.
    public var maxMessageBytes = 16 * 1024
    /// Open customer connections (WebSocket and TCP together) beyond which new ones are refused.
    public var maxConnections = 16_384
    /// Open agent connections, counted apart: customers never take an agent's place.
    public var maxAgentConnections = 1_024
    /// Messages a conversation may send per second, sustained.
    public var messagesPerSecond = 10.0
    /// Messages a conversation may send at once before the rate applies.
    public var burst = 20.0
    /// A conversation no client has used for this long leaves memory (it stays in the store and can be resumed).
    public var idleSeconds = 30 * 60
    /// Connections one address may hold open at once (HTTP, WebSocket and line connections alike).
    public var maxConnectionsPerAddress = 20
    /// New conversations one address may start per `conversationPeriodHours`
    /// (Chatwoot's widget limit: 6 in 12 hours); resuming one is not starting one.
    public var conversationsPerAddress = 6
    public var conversationPeriodHours = 12.0
    /// Seconds until an address refused a new conversation has one back (its allowance refills one at a time).
    public var secondsPerConversation: Double { conversationPeriodHours * 3_600 / Double(conversationsPerAddress) }
    /// HTTP requests one address may make per minute (Chatwoot's `req/ip`: 3,000).
    public var requestsPerMinutePerAddress = 3_000
    /// Seconds a connection refused for a per-address limit, or for `burst`
    /// messages in a row over its rate, waits unread before it is closed
    /// (`RefusalHold`); 0 closes it at once.
    public var refusalHoldSeconds = 2
    /// Refused connections that may wait at once; past this they are closed at once.
    public var maxHeldRefusals = 1_024
    /// Seconds an HTTP connection may stay silent (half-sent headers, a promised body, between requests).
    public var httpIdleSeconds = 60
    /// Seconds a line connection may stay silent before it is closed.
    public var lineIdleSeconds = 30 * 60
    /// Whether the server's own machine (127.0.0.1, ::1) is exempt from the per-address limits.
    public var exemptLoopback = true
    /// Reverse proxies (IP addresses) whose `X-Forwarded-For` names the client; any other peer's is ignored.
    public var trustedProxies: [String] = []

    public init() {}
}
