internal import Foundation
internal import HTTPTypes
internal import Hummingbird

/// Names the client of a request: the peer's address, or — when the peer is
/// a trusted reverse proxy (`trusted_proxies`) — the last address of its
/// `X-Forwarded-For` that is not a trusted proxy itself. Any other peer's
/// `X-Forwarded-For` is ignored, so no client chooses its own address.
struct ForwardedAddressMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let trustedProxies: Set<String>

    func handle(
        _ request: Request, context: ServerRequestContext,
        next: (Request, ServerRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let peer = context.clientAddress, trustedProxies.contains(peer) else {
            return try await next(request, context)
        }
        let forwarded = request.headers[values: .xForwardedFor].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let client = forwarded.last(where: { !trustedProxies.contains($0) }) ?? forwarded.first else {
            return try await next(request, context)
        }
        var context = context
        context.clientAddress = client
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    /// `X-Forwarded-For` (the de facto standard before RFC 7239's `Forwarded`).
    static let xForwardedFor = Self("X-Forwarded-For")!
}
