/// What the server sends a client over a JSON channel: customers'
/// `ServerEvent`s and agents' `AgentEvent`s.
protocol OutboundEvent: Sendable {
    /// An `error` event.
    static func error(_ code: ErrorCode, _ message: String) -> Self
    /// The event as one line of JSON.
    func json() -> String
    /// Whether a WebSocket closes once the event is written (an agent's `signed_out`).
    var endsConnection: Bool { get }
}

extension ServerEvent: OutboundEvent {
    var endsConnection: Bool { false }
}

extension AgentEvent: OutboundEvent {
    var endsConnection: Bool { kind == .signedOut }
}
