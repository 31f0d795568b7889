import Foundation
import HummingbirdWSClient
import Logging
import ParleyClient
import ParleyServer
import ParleyStore
import Testing

@Suite(.timeLimit(.minutes(10))) struct ChatServiceTests {
    @Test func idleConversationsLeaveMemoryAndComeBackFromTheStore() async throws {
        var limits = ChatLimits()
        limits.idleSeconds = 0
        let server = try await TestServer.start(limits: limits)
        let (id, resume) = try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { client in
            try await client.send("hello")
            let opening = try await LineServerTests.lines(4, &client)
            return (String(opening[0].split(separator: " ")[2]), try LineServerTests.resumeCommand(opening[0]))
        }
        // The connection has closed; wait until the conversation has let go of it.
        for _ in 0..<100 where server.service.activeConversations > 0 {
            await server.service.forgetIdleConversations()
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(server.service.activeConversations == 0)
        try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { client in
            try await client.send(resume)
            #expect(try await client.readLine() == "parley> resumed conversation \(id)")
            _ = try await LineServerTests.lines(2, &client)
            // Rebuilt from the store, the bot goes on.
            try await client.send("refund please")
            #expect(try await client.readLine() == "bot> Refunds take 5 days.")
        }
        #expect(server.service.activeConversations == 1)
        try await server.stop()
    }

    @Test func connectionsBeyondTheLimitAreToldTheServerIsBusy() async throws {
        var limits = ChatLimits()
        limits.maxConnections = 1
        let server = try await TestServer.start(limits: limits)
        try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { first in
            try await first.send("hello")
            _ = try await LineServerTests.lines(4, &first)
            let refusal = try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { second in
                [try await second.readLine(), try await second.readLine()]
            }
            #expect(refusal == ["error> the server is busy; try again later", nil])
            await #expect(throws: (any Error).self) {
                try await WebSocketClient.connect(url: server.webSocketURL, logger: Logger(label: "busy")) { _, _, _ in
                }
            }
            let metrics = try await HTTPExchange.send("GET", "/metrics", port: server.ports.http)
            #expect(metrics.body.contains(#"parley_errors_total{code="server_busy"} 2"#))
            // The first customer is still served.
            try await first.send("refund please")
            #expect(try await first.readLine() == "bot> Refunds take 5 days.")
        }
        try await server.stop()
    }
}
