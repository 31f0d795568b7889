import Foundation
import NIOCore
import ParleyClient
import ParleyStore
import Testing

@testable import ParleyServer

/// The per-address limits over real sockets. The tests' client is the
/// loopback address, so each server here turns `exemptLoopback` off.
@Suite(.timeLimit(.minutes(10))) struct AbuseLimitsTests {
    static func limits(_ change: (inout ChatLimits) -> Void) -> ChatLimits {
        var limits = ChatLimits()
        limits.exemptLoopback = false
        change(&limits)
        return limits
    }

    @Test func oneAddressHoldsNoMoreLineConnectionsThanItsShare() async throws {
        let server = try await TestServer.start(
            limits: Self.limits {
                $0.maxConnectionsPerAddress = 2
                $0.refusalHoldSeconds = 1
            })
        let port = server.ports.line
        try await LineClient.withConnection(host: "127.0.0.1", port: port) { first in
            try await first.send("hello")
            _ = try await first.readLine()
            try await LineClient.withConnection(host: "127.0.0.1", port: port) { second in
                try await second.send("hello")
                _ = try await second.readLine()
                // Timed from before connecting: the server cannot start the hold before it accepts.
                let started = ContinuousClock.now
                try await LineClient.withConnection(host: "127.0.0.1", port: port) { third in
                    let refusal = try await third.readLine()
                    #expect(refusal == "error> too many connections from your address; close some and try again")
                    // Closed only after the hold (`refusal_hold_seconds`, 1 here).
                    #expect(try await third.readLine() == nil)
                    #expect(ContinuousClock.now - started >= .seconds(1))
                }
            }
        }
        let metrics = try await HTTPExchange.send("GET", "/metrics", port: server.ports.http)
        #expect(metrics.body.contains(#"parley_limited_total{limit="connections_per_address"} 1"#))
        try await server.stop()
    }

    @Test func aConnectionRefusedANewConversationIsHeldUnreadThenClosed() async throws {
        let server = try await TestServer.start(
            limits: Self.limits {
                $0.conversationsPerAddress = 1
                $0.refusalHoldSeconds = 1
            })
        let port = server.ports.line
        try await LineClient.withConnection(host: "127.0.0.1", port: port) { first in
            try await first.send(#"{"type":"hello"}"#)
            #expect(try await first.readLine()?.contains(#""type":"welcome""#) == true)
        }
        // A flooding client writes a hello and a burst of messages at once.
        let (lines, waited) = try await LineClient.withConnection(host: "127.0.0.1", port: port) { second in
            let message = #"{"type":"message","text":"where is my order"}"#
            try await second.send(
                ([#"{"type":"hello"}"#] + Array(repeating: message, count: 5)).joined(separator: "\n"))
            let started = ContinuousClock.now
            var lines: [String] = []
            while let line = try await second.readLine() { lines.append(line) }
            return (lines, ContinuousClock.now - started)
        }
        // One refusal, nothing after it read or answered, and the connection closed only after the hold.
        #expect(lines.count == 1)
        #expect(lines.first?.contains("too many new conversations from your address") == true)
        #expect(waited >= .seconds(1))
        let metrics = try await HTTPExchange.send("GET", "/metrics", port: server.ports.http)
        #expect(metrics.body.contains(#"parley_limited_total{limit="conversations_per_address"} 1"#))
        try await server.stop()
    }

    @Test func halfSentHeadersDoNotHoldAPlaceForEver() async throws {
        let server = try await TestServer.start(
            limits: Self.limits {
                $0.maxConnectionsPerAddress = 1
                $0.httpIdleSeconds = 10
            })
        let port = server.ports.http
        try await LineClient.withConnection(host: "127.0.0.1", port: port) { slow in
            try await slow.send(bytes: Array("GET /health HTTP/1.1\r\nHost: x\r\n".utf8))
            // Once the server has taken the connection (it may accept later than the client connected).
            for _ in 0..<500 where server.service.addressLimiter.addressCount == 0 {
                try await Task.sleep(for: .milliseconds(10))
            }
            // Over the limit meanwhile: the next connection is refused with 429.
            let refused = try await HTTPExchange.send("GET", "/health", port: port)
            #expect(refused.status == 429)
            // The silent connection is closed after the header deadline (reading it then ends or fails).
            let ended: Bool
            do { ended = try await slow.readLine() == nil } catch { ended = true }
            #expect(ended)
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(try await HTTPExchange.send("GET", "/health", port: port).status == 200)
        try await server.stop()
    }

    /// A customer at a terminal (plain lines) whose first message is refused a new
    /// conversation reads the refusal once, not again for the message itself.
    @Test func aTerminalCustomerRefusedAConversationReadsTheRefusalOnce() async throws {
        let server = try await TestServer.start(
            limits: Self.limits {
                $0.conversationsPerAddress = 1
                $0.refusalHoldSeconds = 0
            })
        let port = server.ports.line
        try await LineClient.withConnection(host: "127.0.0.1", port: port) { first in
            try await first.send("hello")
            #expect(try await first.readLine()?.hasPrefix("parley> conversation") == true)
        }
        let lines = try await LineClient.withConnection(host: "127.0.0.1", port: port) { second in
            try await second.send("where is my order")
            var lines: [String] = []
            while let line = try await second.readLine() { lines.append(line) }
            return lines
        }
        #expect(
            lines == [
                "error> too many new conversations from your address; try again later, or go on with the one you have"
            ])
        try await server.stop()
    }

    @Test func aSilentLineConnectionIsClosedAndToldWhy() async throws {
        let server = try await TestServer.start(limits: Self.limits { $0.lineIdleSeconds = 1 })
        try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { client in
            let notice = try await client.readLine()
            #expect(notice == "error> closed: nothing was sent for too long; connect again to go on")
            #expect(try await client.readLine() == nil)
        }
        try await server.stop()
    }

    @Test func newConversationsPerAddressAreLimitedButGoingOnIsNot() async throws {
        let server = try await TestServer.start(limits: Self.limits { $0.conversationsPerAddress = 2 })
        let port = server.ports.http
        let first = try APIRoutesTests.decode(
            APIRoutesTests.MessageResponse.self,
            try await HTTPExchange.send("POST", "/api/messages", port: port, body: #"{"text":"hi"}"#))
        #expect(try await HTTPExchange.send("POST", "/api/messages", port: port, body: #"{"text":"hi"}"#).status == 200)
        let third = try await HTTPExchange.send("POST", "/api/messages", port: port, body: #"{"text":"hi"}"#)
        #expect(third.status == 429)
        #expect(third.body.contains("too many new conversations from your address"))
        // RFC 9110's Retry-After: one conversation's allowance comes back every 12 h / 2 = 21,600 s.
        #expect(third.headerLines.contains("Retry-After: 21600"))
        let goingOn = try await HTTPExchange.send(
            "POST", "/api/messages", port: port,
            body:
                #"{"conversation_id":"\#(first.conversationId)","conversation_token":"\#(first.conversationToken ?? "")","text":"refund please"}"#
        )
        #expect(goingOn.status == 200)
        #expect(try await server.service.store.conversations(status: nil, limit: 10).count == 2)
        try await server.stop()
    }

    @Test func requestsAreCountedForTheClientATrustedProxyNamesAndNoOtherPeersClaim() async throws {
        let proxied = try await TestServer.start(
            limits: Self.limits {
                $0.requestsPerMinutePerAddress = 2
                $0.trustedProxies = ["127.0.0.1"]
            })
        func health(_ port: Int, forwardedFor: String) async throws -> Int {
            try await HTTPExchange.send("GET", "/health", port: port, headers: ["X-Forwarded-For": forwardedFor])
                .status
        }
        let port = proxied.ports.http
        #expect(try await health(port, forwardedFor: "198.51.100.1, 203.0.113.5") == 200)
        #expect(try await health(port, forwardedFor: "203.0.113.5") == 200)
        #expect(try await health(port, forwardedFor: "203.0.113.5") == 429)
        #expect(try await health(port, forwardedFor: "203.0.113.6") == 200)
        try await proxied.stop()

        let direct = try await TestServer.start(limits: Self.limits { $0.requestsPerMinutePerAddress = 2 })
        let statuses = [
            try await health(direct.ports.http, forwardedFor: "203.0.113.1"),
            try await health(direct.ports.http, forwardedFor: "203.0.113.2"),
            try await health(direct.ports.http, forwardedFor: "203.0.113.3"),
        ]
        #expect(statuses == [200, 200, 429])
        try await direct.stop()
    }

    @Test func agentsKeepTheirPlacesWhenCustomersTakeAllOfTheirs() async throws {
        let server = try await TestServer.start(limits: Self.limits { $0.maxConnections = 1 })
        try await server.addAgent("ana", name: "Ana")
        let customer = WebSocketPeer<ServerEvent>(url: server.webSocketURL)
        customer.send(#"{"type":"hello"}"#)
        _ = try await customer.first { $0.type == .welcome }
        let agent = WebSocketPeer<AgentEvent>(url: server.agentURL)
        agent.send(#"{"type":"login","agent":"ana","password":"\#(TestServer.agentPassword)"}"#)
        #expect(try await agent.first { $0.type == .signedIn || $0.type == .error }.type == .signedIn)
        try await server.stop()
    }
}
