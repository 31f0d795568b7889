internal import Foundation
internal import Hummingbird
internal import ParleyStore

/// Lets a request through only when its principal's role may do
/// `permission`: 401 without credentials, 403 (audited) when the role may not.
struct PermissionMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let permission: Permission
    let audit: AuditTrail

    func handle(
        _ request: Request, context: ServerRequestContext,
        next: (Request, ServerRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let principal = context.identity else {
            throw HTTPError(
                .unauthorized, headers: [.wwwAuthenticate: "Bearer"],
                message: "sign in first: send an API token as 'Authorization: Bearer TOKEN'")
        }
        guard principal.role.may(permission) else {
            await audit.record(
                .accessRefused, actor: principal.actor, target: request.uri.path, address: context.clientAddress,
                detail: "role \(principal.role.rawValue) may not \(permission.rawValue)")
            throw HTTPError(
                .forbidden,
                message:
                    "the \(principal.role.rawValue) role may not \(permission.rawValue.replacingOccurrences(of: "_", with: " "))"
            )
        }
        return try await next(request, context)
    }
}
