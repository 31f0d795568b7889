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
            // The shop's /never sleeps 4 s; the action gives up after 2.5 s, long past the 1 s idle time.
            let (settings, responses) = WebhookActionsTests.bot(port: port, path: "/never", timeout: 2.5)
            var limits = ChatLimits()
            limits.httpIdleSeconds = 1
            let server = try await TestServer.start(limits: limits, bot: settings, responses: responses)
            let started = ContinuousClock.now
            let answer = try await HTTPExchange.send(
                "POST", "/api/messages", port: server.ports.http, body: #"{"text":"where is my order A-10234"}"#)
            #expect(ContinuousClock.now - started >= .seconds(2))
            #expect(answer.status == 200, "\(answer.body)")
            #expect(answer.body.contains("I can't check orders right now."))
            try await server.stop()
        }
    }
}
