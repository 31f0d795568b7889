internal import Foundation

/// Which web pages' scripts may talk to the server: its own pages, and the
/// shop's sites in `allowed_origins`. Browsers send `Origin` (a page's
/// `http(s)://` origin, or `null`) with every WebSocket upgrade and cross-site
/// request; a client that sends none, or a `ws(s)://` one as some WebSocket
/// libraries do, is no page and is let through: the check protects customers'
/// browsers, not the server from programs, which the limits do.
struct OriginPolicy: Sendable {
    /// Origins as `scheme://host[:port]`, lowercased, without a trailing slash.
    let allowed: Set<String>

    init(allowed: [String]) {
        self.allowed = Set(allowed.map(Self.normalised))
    }

    /// Whether a request from page `origin` (its `Origin` header) to
    /// `authority` (the host it was asked for) may go on: no `Origin`, the
    /// server's own, or one of `allowed` (unless `sameOriginOnly`, as for the
    /// agents' console).
    func admits(origin: String?, authority: String?, sameOriginOnly: Bool = false) -> Bool {
        guard let origin, !origin.lowercased().hasPrefix("ws://"), !origin.lowercased().hasPrefix("wss://") else {
            return true
        }
        if Self.isSameOrigin(origin, host: authority) { return true }
        return !sameOriginOnly && allowed.contains(Self.normalised(origin))
    }

    /// Whether `origin` is one of the shop's sites (for CORS answers).
    func isAllowed(_ origin: String) -> Bool {
        allowed.contains(Self.normalised(origin))
    }

    /// `origin`'s host and port are the `Host` the request was made to (the
    /// scheme may differ behind a proxy that ends TLS).
    private static func isSameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, let url = URL(string: origin), let originHost = url.host else { return false }
        let originAuthority = url.port.map { "\(originHost):\($0)" } ?? originHost
        let defaultPort = url.scheme == "https" ? ":443" : ":80"
        let requested = host.lowercased()
        return requested == originAuthority.lowercased() || requested == (originAuthority + defaultPort).lowercased()
    }

    private static func normalised(_ origin: String) -> String {
        var text = origin.trimmingCharacters(in: .whitespaces).lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
