internal import Hummingbird
internal import ParleyStore

/// Authenticates a request by the console's session cookie (`parley_session`,
/// see `AgentSessionRoutes`) when no API token came with it, so that the
/// console can call the API routes behind it (the trainers' review inbox).
/// A request that changes anything (not `GET` or `HEAD`) must carry the
/// session's CSRF token in `X-CSRF-Token`: 403 (audited) without it. An
/// unknown or expired session is 401; without a cookie the request goes on
/// unauthenticated, for the route's policy to answer.
struct ConsoleSessionAuthenticator: RouterMiddleware {
    typealias Context = ServerRequestContext
    let service: ChatService

    func handle(
        _ request: Request, context: ServerRequestContext,
        next: (Request, ServerRequestContext) async throws -> Response
    ) async throws -> Response {
        guard context.identity == nil, request.cookies[AgentSessionRoutes.cookieName] != nil else {
            return try await next(request, context)
        }
        let token = try AgentSessionRoutes.token(request)
        let session = try await AgentSessionRoutes.refusal { () throws(AgentDeskError) in
            try await service.desk.session(token)
        }
        if request.method != .get, request.method != .head {
            guard let csrf = request.headers[AgentSessionRoutes.csrfHeader],
                AgentSessionRoutes.same(csrf, session.csrf)
            else {
                await service.audit.record(
                    .accessRefused, actor: "user:\(session.agent.id)", target: request.uri.path,
                    address: context.clientAddress, detail: "console request without its CSRF token")
                throw HTTPError(.forbidden, message: "send the session's CSRF token in X-CSRF-Token")
            }
        }
        var context = context
        context.identity = Principal(kind: .user, id: session.agent.id, role: session.role)
        return try await next(request, context)
    }
}
