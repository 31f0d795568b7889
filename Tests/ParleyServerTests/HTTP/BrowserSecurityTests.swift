import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ParleyServer
import Testing

/// What browsers are told: CORS for the shop's sites only, the usual security
/// headers, and WebSockets only from admitted pages.
@Suite(.timeLimit(.minutes(10))) struct BrowserSecurityTests {
    static var access: AccessSettings {
        var access = TestServer.access
        access.allowedOrigins = ["https://shop.example.com"]
        return access
    }

    @Test func theShopsSiteMayCallTheAPIAndOthersGetNoCORS() async throws {
        try await InProcessApp.test(access: Self.access) { (_, send) async throws in
            let preflight = try await send.raw(
                "OPTIONS", "/api/messages",
                headers: [.origin: "https://shop.example.com", .accessControlRequestMethod: "POST"])
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowOrigin] == "https://shop.example.com")
            #expect(preflight.headers[.accessControlAllowMethods] == "GET, POST")
            let allowed = try await send.raw("GET", "/health", headers: [.origin: "https://shop.example.com"])
            #expect(allowed.headers[.accessControlAllowOrigin] == "https://shop.example.com")
            let other = try await send.raw("GET", "/health", headers: [.origin: "https://evil.example"])
            #expect(other.headers[.accessControlAllowOrigin] == nil)
            #expect(other.headers[.xContentTypeOptions] == "nosniff")
            #expect(other.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(other.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            let refused = try await send.raw("GET", "/api/conversations", headers: [.origin: "https://evil.example"])
            #expect(refused.status == .unauthorized && refused.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test func webSocketsOpenOnlyFromAdmittedPages() async throws {
        let server = try await TestServer.start(access: Self.access)
        func upgrade(_ path: String, origin: String) async throws -> Int {
            try await HTTPExchange.send(
                "GET", path, port: server.ports.http,
                headers: [
                    "Origin": origin, "Upgrade": "websocket", "Connection": "Upgrade",
                    "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version": "13",
                ]
            ).status
        }
        // The upgrade is refused: no WebSocket is set up (HummingbirdWebSocket answers a refused upgrade 400).
        #expect(try await upgrade("/ws", origin: "https://evil.example") == 400)
        #expect(try await upgrade("/agent/ws", origin: "https://shop.example.com") == 400)
        let metrics = try await HTTPExchange.send("GET", "/metrics", port: server.ports.http)
        #expect(metrics.body.contains(#"parley_errors_total{code="forbidden"} 2"#))
        try await server.stop()
    }
}
