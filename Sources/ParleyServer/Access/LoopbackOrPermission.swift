internal import Hummingbird

/// Lets a request from the loopback address through when the settings open
/// the route to local clients (`open_metrics_on_loopback`); any other request
/// needs a principal whose role may do `permission` (`PermissionMiddleware`).
struct LoopbackOrPermission: RouterMiddleware {
    typealias Context = ServerRequestContext
    let permission: Permission
    let service: ChatService

    func handle(
        _ request: Request, context: ServerRequestContext,
        next: (Request, ServerRequestContext) async throws -> Response
    ) async throws -> Response {
        if service.access.openMetricsOnLoopback, context.identity == nil,
            let address = context.clientAddress, address == "127.0.0.1" || address == "::1"
        {
            return try await next(request, context)
        }
        return try await PermissionMiddleware(permission: permission, audit: service.audit)
            .handle(request, context: context, next: next)
    }
}
