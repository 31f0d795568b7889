/// What the server sends a client over a JSON channel: customers'
/// `ServerEvent`s and agents' `AgentEvent`s.
protocol OutboundEvent: Sendable {
    /// An `error` event.
    static func error(_ code: ErrorCode, _ message: String) -> Self
    /// The event as one line of JSON.
    func json() -> String
}

extension ServerEvent: OutboundEvent {}
extension AgentEvent: OutboundEvent {}
