import Foundation
import Testing

@testable import ParleyServer

/// `http_idle_timeout` closes connections whose client has gone silent, not
/// those waiting for a slow answer: a request the server takes longer than
/// the idle time to answer (a slow shop action, a reload retraining a big
/// bot) still gets its answer on its connection. Over real sockets.
@Suite(.timeLimit(.minutes(10))) struct IdleConnectionCloserTests {
    @Test func anAnswerSlowerThanTheIdleTimeStillArrives() async throws {
        try await WebhookActionsTests.withShop { port, _ in
            // The shop's /slow answers after 3 s, past the 2 s idle time (and has finished before
            // the shop stops: a handler still running then may fail the shop's shutdown).
            let (settings, responses) = WebhookActionsTests.bot(port: port, path: "/slow", timeout: 10)
            var limits = ChatLimits()
            limits.httpIdleSeconds = 2
            let server = try await TestServer.start(limits: limits, bot: settings, responses: responses)
            let started = ContinuousClock.now
            let answer = try await HTTPExchange.send(
                "POST", "/api/messages", port: server.ports.http, body: #"{"text":"where is my order A-10234"}"#)
            #expect(ContinuousClock.now - started >= .seconds(3))
            #expect(answer.status == 200, "\(answer.body)")
            #expect(answer.body.contains("I can't find an order A-10234."))
            try await server.stop()
        }
    }
}
