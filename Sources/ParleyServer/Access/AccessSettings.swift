/// Who may reach what: the shop's identity secret, and whether `/metrics` is
/// open to local scrapers without a token.
public struct AccessSettings: Sendable, Hashable {
    /// The secret a shop's backend signs customer ids with
    /// (`identity_hash` = hex HMAC-SHA256(secret, id)); without it no claimed id is trusted.
    public var identitySecret: String?
    /// `/metrics` answers requests from the loopback address without a token.
    public var openMetricsOnLoopback = true

    public init() {}
}
