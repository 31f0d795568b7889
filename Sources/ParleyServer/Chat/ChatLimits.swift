/// The bounds every client lives within.
public struct ChatLimits: Sendable, Hashable {
    /// The longest line, WebSocket message or request body, in bytes.
    public var maxMessageBytes = 16 * 1024
    /// Open customer connections (WebSocket and TCP together) beyond which new ones are refused.
    public var maxConnections = 16_384
    /// Messages a conversation may send per second, sustained.
    public var messagesPerSecond = 10.0
    /// Messages a conversation may send at once before the rate applies.
    public var burst = 20.0
    /// A conversation no client has used for this long leaves memory (it stays in the store and can be resumed).
    public var idleSeconds = 30 * 60

    public init() {}
}
