internal import Hummingbird
internal import HummingbirdWebSocket
internal import ParleyStore

/// The agents' WebSocket at `/agent/ws`: each text frame is one JSON
/// `AgentMessage`, each event one JSON `AgentEvent` frame (limits and errors
/// as every `JSONWebSocketRoute`). The console opens it with its session's
/// cookie and CSRF token (`/agent/ws?csrf=TOKEN`, see `AgentSessionRoutes`)
/// and is signed in at once; any other client signs in with `login`.
struct AgentWebSocketChannel: Sendable {
    let service: ChatService

    func add(to router: Router<ServerRequestContext>) {
        let service = self.service
        var route = JSONWebSocketRoute<AgentConnection, AgentEvent>(
            path: "/agent/ws", channel: "agent", service: service,
            open: { address, outbox in AgentConnection(service: service, address: address, outbox: outbox) },
            receive: { connection, text, _ in
                await connection.receive(json: text)
                return false
            },
            close: { await $0.close() }
        )
        // A session cookie must come with its CSRF token: the cookie alone opens nothing.
        route.admit = { request, context in
            guard request.cookies[AgentSessionRoutes.cookieName] != nil else { return }
            let token = try AgentSessionRoutes.token(request)
            let session = try await AgentSessionRoutes.refusal { () throws(AgentDeskError) in
                try await service.desk.session(token)
            }
            guard let csrf = request.uri.queryParameters["csrf"], AgentSessionRoutes.same(String(csrf), session.csrf)
            else {
                await service.audit.record(
                    .accessRefused, actor: "user:\(session.agent.id)", address: context.clientAddress,
                    detail: "agent WebSocket without its CSRF token")
                throw HTTPError(.forbidden, message: "open /agent/ws?csrf= with the session's CSRF token")
            }
            guard session.role.may(.desk) else {
                await service.audit.record(
                    .accessRefused, actor: "user:\(session.agent.id)", address: context.clientAddress,
                    detail: "role \(session.role.rawValue) may not \(Permission.desk.rawValue)")
                throw HTTPError(.forbidden, message: AgentDeskError.forbidden(session.role).message)
            }
        }
        route.start = { connection, request in
            guard let token = request.cookies[AgentSessionRoutes.cookieName]?.value, !token.isEmpty else { return }
            await connection.continueSession(token)
        }
        route.add(to: router)
    }
}
