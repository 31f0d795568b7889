/// Who may reach what: the shop's identity secret, the sites whose pages may
/// talk to the server, and whether `/metrics` is open to local scrapers without a token.
public struct AccessSettings: Sendable, Hashable {
    /// The secret a shop's backend signs customer ids with
    /// (`identity_hash` = hex HMAC-SHA256(secret, id)); without it no claimed id is trusted.
    public var identitySecret: String?
    /// `/metrics` answers requests from the loopback address without a token.
    public var openMetricsOnLoopback = true
    /// The shop's sites (`https://shop.example.com`) whose pages may open the
    /// customers' WebSocket and call the API; the server's own pages always may.
    public var allowedOrigins: [String] = []

    public init() {}
}
