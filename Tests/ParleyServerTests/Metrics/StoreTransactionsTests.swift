import Foundation
import ParleyBot
import ParleyClient
import ParleyServer
import Testing

/// How many store transactions a conversation's steps cost, read from
/// `GET /metrics` (`parley_store_transactions_total`) over real sockets.
@Suite(.timeLimit(.minutes(10))) struct StoreTransactionsTests {
    static func transactions(_ server: TestServer) async throws -> Int {
        let metrics = try await HTTPExchange.send("GET", "/metrics", port: server.ports.http)
        let line = try #require(
            metrics.body.split(separator: "\n").first { $0.hasPrefix("parley_store_transactions_total ") })
        return try #require(Int(line.split(separator: " ").last ?? ""))
    }

    @Test func aNewConversationCostsTwoTransactionsAndAnEscalationOne() async throws {
        let server = try await TestServer.start()
        try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { client in
            let before = try await Self.transactions(server)
            try await client.send(
                #"{"type":"hello","customer":{"id":"shop-7","identity_hash":"\#(TestServer.identityHash("shop-7"))","name":"Bo"}}"#
            )
            #expect(try ServerEvent(json: try await client.readLine() ?? "").type == .welcome)
            #expect(try ServerEvent(json: try await client.readLine() ?? "").type == .reply)
            try await client.send(#"{"type":"message","text":"I want a refund"}"#)
            #expect(try ServerEvent(json: try await client.readLine() ?? "").type == .reply)
            let started = try await Self.transactions(server)
            try await client.send(#"{"type":"message","text":"I want to talk to a person"}"#)
            #expect(try ServerEvent(json: try await client.readLine() ?? "").action == .escalate)
            let escalated = try await Self.transactions(server)
            print(
                "store transactions: hello + first message \(started - before), escalating exchange \(escalated - started)"
            )
            #expect(started - before <= 2)
            #expect(escalated - started == 1)
        }
        try await server.stop()
    }
}
