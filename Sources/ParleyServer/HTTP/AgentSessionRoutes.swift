internal import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import NIOCore
internal import ParleyStore

/// The console's sessions, at `/agent/session`: signing in sets a cookie
/// (`parley_session`: HttpOnly, `SameSite=Strict`, `Path=/` so that the
/// trainers' `/api/admin/review` gets it too, `Secure` over HTTPS, expiring
/// with the session) and answers with the session's CSRF token, which every
/// state-changing request must carry in `X-CSRF-Token` and the agents'
/// WebSocket as `?csrf=`. Agents and admins work the desk; trainers sign in
/// for the review inbox only (`ConsoleSessionAuthenticator`).
///
/// - `POST /agent/session` `{"agent", "password"}` → 200 `{"agent", "role", "csrf_token", "expires_at"}`
///   and the cookie; 401 wrong name or password, 403 a role that may neither desk nor train
///   or a page of another origin, 429 too many failures (`Retry-After`).
/// - `GET /agent/session` → the same answer for the cookie's session; 401 without one.
/// - `DELETE /agent/session` with `X-CSRF-Token` → 204, the session ended and the cookie
///   cleared; 403 without the right CSRF token (audited).
struct AgentSessionRoutes: Sendable {
    let service: ChatService
    /// Whether the server speaks HTTPS itself (the cookie is then `Secure`).
    let tls: Bool

    static let cookieName = "parley_session"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    /// `POST /agent/session` body.
    struct SignInRequest: Decodable, Sendable {
        var agent: String
        var password: String
    }

    /// The session's answer.
    struct SessionResponse: ResponseEncodable {
        var agent: AgentProfile
        /// What the console shows: the desk (agent, admin), the review inbox (trainer, admin).
        var role: Role
        var csrfToken: String
        var expiresAt: Date
    }

    func add(to router: Router<ServerRequestContext>) {
        router.post("/agent/session") { request, context in try await signIn(request, context) }
        router.get("/agent/session") { request, context in
            let token = try Self.token(request)
            let session = try await Self.refusal { () throws(AgentDeskError) in try await service.desk.session(token) }
            return try Self.response(session, request, context)
        }
        router.delete("/agent/session") { request, context in try await signOut(request, context) }
        MethodNotAllowedRoutes.add(to: router, path: "/agent/session", allowed: [.get, .post, .delete])
    }

    private func signIn(_ request: Request, _ context: ServerRequestContext) async throws -> Response {
        // Signing in from another site's page (login CSRF) is refused like the console's WebSocket.
        guard
            service.origins.admits(
                origin: request.headers[.origin], authority: request.head.authority, sameOriginOnly: true)
        else {
            await service.audit.record(
                .accessRefused, actor: "anonymous", address: context.clientAddress,
                detail: "sign-in from another origin")
            throw HTTPError(.forbidden, message: "sign in from the console's own page")
        }
        let buffer = try await request.body.collect(upTo: service.limits.maxMessageBytes)
        let body: SignInRequest
        do {
            body = try context.requestDecoder.decode(SignInRequest.self, from: Data(buffer.readableBytesView))
        } catch {
            throw HTTPError(.badRequest, message: #"send {"agent": NAME, "password": PASSWORD}"#)
        }
        let user = try await Self.refusal { () throws(AgentDeskError) in
            try await PasswordSignIn(service: service).check(
                body.agent, password: body.password, address: context.clientAddress, via: "console",
                permissions: [.desk, .train])
        }
        // A new session, never the one the browser came with (so no one can fix a session on it).
        if let previous = request.cookies[Self.cookieName]?.value, !previous.isEmpty {
            await service.desk.signOut(previous)
        }
        let session = await service.desk.openSession(user)
        var response = try Self.response((session.agent, user.role, session.csrf, session.expires), request, context)
        response.setCookie(
            cookie(session.token, maxAge: max(1, Int(session.expires.timeIntervalSinceNow)), request))
        return response
    }

    /// The session's agent, role and CSRF token, which no cache on the way may keep (`Cache-Control: no-store`).
    private static func response(
        _ session: (agent: AgentProfile, role: Role, csrf: String, expires: Date), _ request: Request,
        _ context: ServerRequestContext
    ) throws -> Response {
        var response = try SessionResponse(
            agent: session.agent, role: session.role, csrfToken: session.csrf, expiresAt: session.expires
        ).response(from: request, context: context)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func signOut(_ request: Request, _ context: ServerRequestContext) async throws -> Response {
        let token = try Self.token(request)
        let session = try await Self.refusal { () throws(AgentDeskError) in try await service.desk.session(token) }
        guard let csrf = request.headers[Self.csrfHeader], Self.same(csrf, session.csrf) else {
            await service.audit.record(
                .accessRefused, actor: "user:\(session.agent.id)", address: context.clientAddress,
                detail: "sign-out without its CSRF token")
            throw HTTPError(.forbidden, message: "send the session's CSRF token in X-CSRF-Token")
        }
        await service.desk.signOut(token)
        await service.audit.record(
            .signOut, actor: "user:\(session.agent.id)", address: context.clientAddress, detail: "console")
        var response = Response(status: .noContent)
        response.setCookie(cookie("", maxAge: 0, request))
        return response
    }

    private func cookie(_ value: String, maxAge: Int, _ request: Request) -> Cookie {
        let https = tls || request.headers[.xForwardedProto]?.lowercased() == "https"
        return Cookie(
            name: Self.cookieName, value: value, maxAge: maxAge, path: "/", secure: https, httpOnly: true,
            sameSite: .strict)
    }

    /// The session token of the request's cookie; 401 without one.
    static func token(_ request: Request) throws -> String {
        guard let token = request.cookies[cookieName]?.value, !token.isEmpty else {
            throw HTTPError(.unauthorized, message: "sign in first: POST /agent/session")
        }
        return token
    }

    /// Whether two tokens are equal, in a time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Runs `body`, turning a desk refusal into its HTTP answer.
    static func refusal<Value>(_ body: () async throws(AgentDeskError) -> Value) async throws -> Value {
        do {
            return try await body()
        } catch {
            guard case .tooManySignIns(let seconds) = error else {
                throw HTTPError(error.code.httpStatus, message: error.message)
            }
            throw HTTPError(error.code.httpStatus, headers: [.retryAfter: "\(seconds)"], message: error.message)
        }
    }
}

extension HTTPField.Name {
    /// `X-Forwarded-Proto`: the scheme a reverse proxy was reached by.
    static let xForwardedProto = Self("X-Forwarded-Proto")!
}
