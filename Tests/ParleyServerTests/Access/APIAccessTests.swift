import Foundation
import ParleyServer
import ParleyStore
import Testing

/// Reads of the CRM over the HTTP API need a token whose role may read them;
/// every refusal with credentials lands in the audit log.
@Suite(.timeLimit(.minutes(10))) struct APIAccessTests {
    static let crmReads = [
        "/api/conversations", "/api/conversations/some-id", "/api/customers?q=a", "/api/customers/c-1",
    ]

    @Test func theCRMIsClosedToRequestsWithoutAToken() async throws {
        try await InProcessApp.test { (_, send) async throws in
            for path in Self.crmReads {
                let exchange = try await send("GET", path)
                #expect(exchange.status == 401, "\(path)")
                #expect(exchange.body.contains("Authorization: Bearer"), "\(path)")
            }
            #expect(try await send("GET", "/metrics").status == 401)
        }
    }

    @Test func forgedAndRevokedTokensAreRefusedAndAudited() async throws {
        try await InProcessApp.test { (service, send) async throws in
            #expect(try await send("GET", "/api/conversations", token: "parley_forged").status == 401)
            let secret = try await service.issueToken(.admin)
            #expect(try await send("GET", "/api/conversations", token: secret).status == 200)
            var token = try #require(try await service.store.accessTokens().first)
            #expect(token.lastUsedAt != nil)
            token.revokedAt = Date()
            try await service.store.save(token)
            #expect(try await send("GET", "/api/customers/c-1", token: secret).status == 401)
            let log = try await service.store.auditLog(since: nil, limit: 10)
            #expect(log.map(\.detail) == ["revoked token", "unknown token"])
            #expect(log.allSatisfy { $0.action == .accessRefused })
            #expect(log.first?.actor == "token:\(token.id)")
        }
    }

    @Test func eachRoleReadsWhatItMay() async throws {
        try await InProcessApp.test { (service, send) async throws in
            let trainer = try await service.issueToken(.trainer)
            let agent = try await service.issueToken(.agent)
            let admin = try await service.issueToken(.admin)
            #expect(try await send("GET", "/api/conversations", token: trainer).status == 200)
            #expect(try await send("GET", "/api/customers?q=a", token: trainer).status == 403)
            #expect(try await send("GET", "/api/customers?q=a", token: agent).status == 200)
            #expect(try await send("GET", "/metrics", token: agent).status == 403)
            #expect(try await send("GET", "/metrics", token: admin).status == 200)
            let refusals = try await service.store.auditLog(since: nil, limit: 10)
            #expect(
                refusals.map(\.detail) == ["role agent may not read_metrics", "role trainer may not read_customers"])
        }
    }

    @Test func metricsStayOpenToTheLoopbackAddressOnlyWhenSetSo() async throws {
        let server = try await TestServer.start()
        #expect(try await HTTPExchange.send("GET", "/metrics", port: server.ports.http).status == 200)
        #expect(try await HTTPExchange.send("GET", "/api/conversations", port: server.ports.http).status == 401)
        try await server.stop()
        var access = AccessSettings()
        access.openMetricsOnLoopback = false
        let closed = try await TestServer.start(access: access)
        #expect(try await HTTPExchange.send("GET", "/metrics", port: closed.ports.http).status == 401)
        try await closed.stop()
    }
}
