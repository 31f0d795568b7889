import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ParleyServer
import ParleyStore
import Testing

/// The console's sessions: a cookie the page's scripts cannot read, a CSRF
/// token every state-changing request needs, and sign-out.
@Suite(.timeLimit(.minutes(10))) struct AgentSessionRoutesTests {
    static let password = #"{"agent":"ana","password":"correct horse"}"#

    static func addAna(_ service: ChatService) async throws {
        let (hash, salt) = try AgentPassword.hash("correct horse")
        try await service.store.save(User(id: "ana", name: "Ana", passwordHash: hash, salt: salt))
    }

    /// The `name=value` part of a `Set-Cookie` header.
    static func cookie(_ setCookie: String?) -> String {
        String(setCookie?.split(separator: ";").first ?? "")
    }

    static func csrf(_ body: String) throws -> String {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        return try #require(json["csrf_token"] as? String)
    }

    /// Signs in to the console over a real socket: the session's cookie (`name=value`) and CSRF token.
    static func signIn(_ server: TestServer, _ body: String) async throws -> (cookie: String, csrf: String) {
        let signedIn = try await HTTPExchange.send("POST", "/agent/session", port: server.ports.http, body: body)
        #expect(signedIn.status == 200, "\(signedIn.body)")
        let setCookie = signedIn.headerLines.first { $0.lowercased().hasPrefix("set-cookie:") }
        let cookie = Self.cookie(
            setCookie.map { String($0.dropFirst("set-cookie:".count)).trimmingCharacters(in: .whitespaces) })
        return (cookie, try Self.csrf(signedIn.body))
    }

    /// A WebSocket upgrade request's headers, with the session's cookie.
    static func upgrade(_ cookie: String) -> [String: String] {
        [
            "Cookie": cookie, "Upgrade": "websocket", "Connection": "Upgrade",
            "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version": "13",
        ]
    }

    @Test func aSessionIsAStrictHttpOnlyCookieAndEndsOnlyWithItsCSRFToken() async throws {
        try await InProcessApp.test { (service, send) async throws in
            try await Self.addAna(service)
            let json: HTTPFields = [.contentType: "application/json"]
            func post(_ body: String, _ headers: HTTPFields = json) async throws -> TestResponse {
                try await send.client.execute(
                    uri: "/agent/session", method: .post, headers: headers, body: .init(string: body))
            }
            #expect(try await post(#"{"agent":"ana","password":"wrong"}"#).status == .unauthorized)
            var fromElsewhere = json
            fromElsewhere[.origin] = "https://evil.example"
            #expect(try await post(Self.password, fromElsewhere).status == .forbidden)

            let signedIn = try await post(Self.password)
            #expect(signedIn.status == .ok)
            let setCookie = try #require(signedIn.headers[.setCookie])
            #expect(setCookie.hasPrefix("parley_session="))
            // Its attributes, in whatever order they come.
            let attributes = Set(
                setCookie.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
            for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
                #expect(attributes.contains(attribute), "\(setCookie)")
            }
            #expect(attributes.contains { $0.hasPrefix("Max-Age=") }, "\(setCookie)")
            let csrf = try Self.csrf(String(buffer: signedIn.body))
            let cookie: HTTPFields = [.cookie: Self.cookie(setCookie)]

            let current = try await send.raw("GET", "/agent/session", headers: cookie)
            #expect(current.status == .ok)
            // The CSRF token is never kept by a cache on the way.
            #expect(signedIn.headers[.cacheControl] == "no-store")
            #expect(current.headers[.cacheControl] == "no-store")
            #expect(try Self.csrf(String(buffer: current.body)) == csrf)
            #expect(try await send.raw("GET", "/agent/session", headers: [:]).status == .unauthorized)

            #expect(try await send.raw("DELETE", "/agent/session", headers: cookie).status == .forbidden)
            var wrong = cookie
            wrong[HTTPField.Name("X-CSRF-Token")!] = String(csrf.reversed())
            #expect(try await send.raw("DELETE", "/agent/session", headers: wrong).status == .forbidden)
            #expect(try await send.raw("GET", "/agent/session", headers: cookie).status == .ok)

            var right = cookie
            right[HTTPField.Name("X-CSRF-Token")!] = csrf
            let signedOut = try await send.raw("DELETE", "/agent/session", headers: right)
            #expect(signedOut.status == .noContent)
            #expect(signedOut.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(try await send.raw("GET", "/agent/session", headers: cookie).status == .unauthorized)

            let audit = try await service.store.auditLog(since: nil, limit: 50).map(\.action)
            #expect(audit.filter { $0 == .accessRefused }.count == 3)
            #expect(audit.contains(.signOut) && audit.contains(.signIn) && audit.contains(.signInRefused))
        }
    }

    @Test func theConsolesWebSocketOpensWithTheSessionAndItsCSRFTokenAndNotWithTheCookieAlone() async throws {
        let server = try await TestServer.start()
        try await Self.addAna(server.service)
        let (cookie, csrf) = try await Self.signIn(server, Self.password)
        // HummingbirdWebSocket answers a refused upgrade with 400: no WebSocket is set up.
        let withoutToken = try await HTTPExchange.send(
            "GET", "/agent/ws", port: server.ports.http, headers: Self.upgrade(cookie))
        #expect(withoutToken.status == 400)

        let console = WebSocketPeer<AgentEvent>(
            url: server.agentURL + "?csrf=\(csrf)", headers: [.cookie: cookie])
        let welcome = try await console.first { $0.kind == .signedIn }
        guard case .signedIn(let session) = welcome else { throw CancellationError() }
        #expect(session.agent.id == "ana")
        #expect(session.token == nil, "the session's token stays in its HttpOnly cookie")

        let signOut = try await HTTPExchange.send(
            "DELETE", "/agent/session", port: server.ports.http,
            headers: ["Cookie": cookie, "X-CSRF-Token": csrf])
        #expect(signOut.status == 204)
        // The open console is told at once, and its WebSocket closes: no more offers, queue or messages.
        _ = try await console.first { $0.kind == .signedOut }
        var metrics = ""
        for _ in 0..<100 where !metrics.contains(#"parley_connections{channel="agent"} 0"#) {
            try await Task.sleep(for: .milliseconds(100))
            metrics = try await HTTPExchange.send("GET", "/metrics", port: server.ports.http).body
        }
        #expect(
            metrics.contains(#"parley_connections{channel="agent"} 0"#), "the server closed the console's WebSocket")
        try await console.close()
        try await server.stop()
    }

    /// A trainer signs in to the console for the review inbox, but the desk's
    /// WebSocket stays shut to them, even with the session and its CSRF token.
    @Test func aTrainersSessionOpensTheConsoleButNotTheDesk() async throws {
        let server = try await TestServer.start()
        try await server.addAgent("tess", name: "Tess", role: .trainer)
        let (cookie, csrf) = try await Self.signIn(
            server, #"{"agent":"tess","password":"\#(TestServer.agentPassword)"}"#)
        // The same request with an agent's session upgrades (the test above); a trainer's is refused
        // (400: no WebSocket is set up), for the role, and audited as such.
        let desk = try await HTTPExchange.send(
            "GET", "/agent/ws?csrf=\(csrf)", port: server.ports.http, headers: Self.upgrade(cookie))
        #expect(desk.status == 400)
        let refusal = try #require(try await server.service.store.auditLog(since: nil, limit: 1).first)
        #expect(refusal.action == .accessRefused && refusal.actor == "user:tess")
        #expect(refusal.detail == "role trainer may not desk")
        try await server.stop()
    }
}
