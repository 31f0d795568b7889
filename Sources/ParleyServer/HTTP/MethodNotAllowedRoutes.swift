internal import HTTPTypes
internal import Hummingbird

/// A method a resource does not support gets 405 with the `Allow` header
/// listing those it does (RFC 9110 §15.5.6), rather than the 404 of a path
/// that does not exist.
enum MethodNotAllowedRoutes {
    /// The methods a client may try on any path: RFC 9110's and PATCH (RFC 5789), and QUERY
    /// (draft-ietf-httpbis-safe-method-w-body). CONNECT is not for origin servers.
    static let methods: [HTTPRequest.Method] = [
        .get, .head, .post, .put, .delete, .patch, .options, .trace, HTTPRequest.Method("QUERY")!,
    ]

    /// Answers 405 on `path` for every method of `methods` but `allowed`.
    static func add(to router: Router<ServerRequestContext>, path: RouterPath, allowed: [HTTPRequest.Method]) {
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        // HEAD follows GET (the router answers it).
        for method in methods where !allowed.contains(method) && !(method == .head && allowed.contains(.get)) {
            router.on(path, method: method) { _, _ in
                Response(status: .methodNotAllowed, headers: [.allow: allow])
            }
        }
    }
}
