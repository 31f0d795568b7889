import Foundation
import NIOCore
import NIOEmbedded
import Testing

@testable import ParleyServer

/// `http_idle_timeout` closes connections whose client has gone silent, not
/// those waiting for a slow answer: a request the server takes longer than
/// the idle time to answer (a slow shop action, a reload retraining a big
/// bot) still gets its answer on its connection.
@Suite(.timeLimit(.minutes(10))) struct IdleConnectionCloserTests {
    /// The closer's rule, event by event, on an embedded channel.
    @Test func silenceClosesButNotWhileAnsweringNorRightAfter() throws {
        let silent = EmbeddedChannel(handler: IdleConnectionCloser())
        try silent.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 80)).wait()
        silent.pipeline.fireUserInboundEventTriggered(IdleStateHandler.IdleStateEvent.read)
        #expect(!silent.isActive)

        let answering = EmbeddedChannel(handler: IdleConnectionCloser())
        try answering.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 80)).wait()
        IdleConnectionCloser.count(1, on: answering)
        answering.embeddedEventLoop.run()
        answering.pipeline.fireUserInboundEventTriggered(IdleStateHandler.IdleStateEvent.read)
        #expect(answering.isActive, "a request is being answered")
        IdleConnectionCloser.count(-1, on: answering)
        answering.embeddedEventLoop.run()
        answering.pipeline.fireUserInboundEventTriggered(IdleStateHandler.IdleStateEvent.read)
        #expect(answering.isActive, "the idle time counts again from the answer")
        answering.pipeline.fireUserInboundEventTriggered(IdleStateHandler.IdleStateEvent.read)
        #expect(!answering.isActive)
    }

    /// The same over real sockets, through the server's middleware. The times are wide: in a
    /// full parallel test run the client's task may wait seconds between connecting and sending.
    @Test func anAnswerSlowerThanTheIdleTimeStillArrives() async throws {
        try await WebhookActionsTests.withShop { port, _ in
            // The shop's /slow answers after 8 s, past the 5 s idle time (and has finished before
            // the shop stops: a handler still running then may fail the shop's shutdown).
            let (settings, responses) = WebhookActionsTests.bot(port: port, path: "/slow", timeout: 20)
            var limits = ChatLimits()
            limits.httpIdleSeconds = 5
            let server = try await TestServer.start(limits: limits, bot: settings, responses: responses)
            let started = ContinuousClock.now
            let answer = try await HTTPExchange.send(
                "POST", "/api/messages", port: server.ports.http, body: #"{"text":"where is my order A-10234"}"#)
            #expect(ContinuousClock.now - started >= .seconds(8))
            #expect(answer.status == 200, "\(answer.body)")
            #expect(answer.body.contains("I can't find an order A-10234."))
            try await server.stop()
        }
    }
}
