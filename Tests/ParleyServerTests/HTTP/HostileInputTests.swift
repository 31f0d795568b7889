import Foundation
import ParleyServer
import ParleyStore
import Testing

/// What an attacker sends through every field: SQL stays text, paths stay
/// inside the pages the server serves.
@Suite(.timeLimit(.minutes(10))) struct HostileInputTests {
    static let injections = [
        "' OR '1'='1", "x'); DROP TABLE message; --", "\" OR 1=1 --", "%' UNION SELECT passwordHash FROM user --",
    ]

    @Test func sqlInEveryTextFieldIsStoredAsTextAndFindsNothingElse() async throws {
        let server = try await TestServer.start()
        let port = server.ports.http
        try await server.addAgent("ana", name: "Ana")
        _ = try await HTTPExchange.send("POST", "/api/messages", port: port, body: #"{"text":"hello"}"#)
        for injection in Self.injections {
            let id = "shop-" + injection
            let customer: [String: Any] = [
                "id": id, "identity_hash": TestServer.identityHash(id), "name": injection, "email": injection,
                "phone": injection,
            ]
            let body = try JSONSerialization.data(withJSONObject: ["text": injection, "customer": customer])
            let answer = try await HTTPExchange.send(
                "POST", "/api/messages", port: port, body: String(decoding: body, as: UTF8.self))
            #expect(answer.status == 200, "\(answer.body)")
            let stored = try #require(try await server.service.store.customer(id: id))
            #expect(stored.name == injection && stored.email == injection && stored.phone == injection)
        }
        let token = try await server.service.issueToken(.admin)
        for injection in Self.injections {
            let query = try #require(injection.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let found = try await HTTPExchange.send("GET", "/api/customers?q=\(query)", port: port, token: token)
            #expect(found.status == 200)
            // Each injection is found as the text of its own customer, and matches no other one.
            let customers = try JSONSerialization.jsonObject(with: Data(found.body.utf8)) as? [[String: Any]] ?? []
            #expect(!customers.isEmpty)
            #expect(customers.allSatisfy { ($0["name"] as? String ?? "").contains(injection) })
        }
        // Every table is still there, and so is the first conversation's transcript.
        let conversations = try await server.service.store.conversations(status: nil, limit: 100)
        #expect(conversations.count == 1 + Self.injections.count)
        #expect(try await server.service.store.user(id: "ana") != nil)
        try await server.stop()
    }

    @Test(arguments: [
        "/../Package.swift", "/%2e%2e/Package.swift", "/agent/../../Package.swift", "/agent/..%2f..%2fPackage.swift",
        "/widget.js/../../../etc/passwd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/agent/console.js%00.html",
        "//etc/passwd",
    ])
    func pathsOutsideThePagesFindNothing(_ path: String) async throws {
        let server = try await TestServer.start()
        let answer = try await HTTPExchange.send("GET", path, port: server.ports.http)
        #expect([400, 404].contains(answer.status), "\(path): \(answer.status)")
        #expect(!answer.body.contains("swift-tools-version") && !answer.body.contains("root:"))
        try await server.stop()
    }
}
