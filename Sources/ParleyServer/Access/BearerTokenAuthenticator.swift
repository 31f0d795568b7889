internal import Foundation
internal import Hummingbird
internal import HummingbirdAuth
internal import ParleyStore

/// Authenticates API requests by their `Authorization: Bearer …` token
/// (RFC 6750). A request without one goes on unauthenticated (the route's
/// policy answers 401); a token that is unknown or revoked is refused with
/// 401 and an audit entry. A token's last use is recorded at most once a minute.
struct BearerTokenAuthenticator: AuthenticatorMiddleware {
    typealias Context = ServerRequestContext
    let store: any CRMStore
    let audit: AuditTrail

    func authenticate(request: Request, context: ServerRequestContext) async throws -> Principal? {
        guard let bearer = request.headers.bearer else { return nil }
        let token: AccessToken?
        do {
            token = try await store.accessToken(secretHash: AccessTokenSecret.hash(bearer.token))
        } catch {
            throw HTTPError(.serviceUnavailable, message: "the CRM store could not be read; try again later")
        }
        guard let token, token.revokedAt == nil else {
            await audit.record(
                .accessRefused, actor: token.map { "token:\($0.id)" } ?? "anonymous", target: request.uri.path,
                address: context.clientAddress, detail: token == nil ? "unknown token" : "revoked token")
            throw HTTPError(
                .unauthorized, headers: [.wwwAuthenticate: "Bearer error=\"invalid_token\""],
                message: "the token is unknown or revoked")
        }
        let now = Date()
        if token.lastUsedAt.map({ now.timeIntervalSince($0) >= 60 }) ?? true {
            try? await store.markUsed(tokenId: token.id, at: now)
        }
        return Principal(kind: .token, id: token.id, role: token.role)
    }
}
