import Foundation
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import Logging
import NIOCore
import NIOWebSocket
import ParleyBot
import ParleyNLP
import ParleyServer
import ParleyStore
import ParleyTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct WebSocketChannelTests {
    static let logger = Logger(label: "ws-test")

    /// Reads the next text frame as an event.
    static func next(_ messages: inout WebSocketInboundMessageStream.AsyncIterator) async throws -> ServerEvent {
        guard let message = try await messages.next() else { throw CancellationError() }
        guard case .text(let text) = message else { throw CancellationError() }
        return try ServerEvent(json: text)
    }

    /// In process, in HummingbirdTesting's live mode (the application on a free port, its own client).
    @Test func startsAConversationAndRepliesAfterStoringEachMessage() async throws {
        let folder = try TemporaryFolder()
        let (service, configuration) = try await TestServer.service(in: folder)
        let app = try await buildApplication(configuration: configuration, service: service, logger: service.logger)
        try await app.test(.live) { client in
            try await client.ws("/ws") { inbound, outbound, _ in
                try await Self.chat(inbound, outbound, store: service.store)
            }
        }
    }

    /// Says hello as customer c-42, then two messages, checking each answer against what was stored.
    static func chat(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter, store: any CRMStore)
        async throws
    {
        var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
        let hash = TestServer.identityHash("c-42")
        try await outbound.write(
            .text(#"{"type":"hello","customer":{"id":"c-42","identity_hash":"\#(hash)","name":"Ana"}}"#))
        let welcome = try await Self.next(&messages)
        #expect(welcome.type == .welcome)
        #expect(welcome.customerId == "c-42")
        #expect(welcome.resumed == false)
        let greeting = try await Self.next(&messages)
        #expect(greeting.type == .reply)
        #expect(greeting.text?.contains("Ana") == true)
        try await outbound.write(.text(#"{"type":"message","text":"hello","analysis":true}"#))
        let hello = try await Self.next(&messages)
        #expect(hello.intent == "greet")
        #expect(hello.quickReplies == ["Where is my order?", "Refunds"])
        #expect(hello.analysis?.intent?.name == "greet")
        try await outbound.write(.text(#"{"type":"message","text":"where is my order A-10234"}"#))
        let reply = try await Self.next(&messages)
        #expect(reply.text == "Order A-10234 is on its way.")
        #expect(reply.analysis == nil)
        let transcript = try await store.transcript(conversationId: welcome.conversationId ?? "")
        #expect(transcript.map(\.sender) == [.bot, .customer, .bot, .customer, .bot])
        #expect(transcript.last?.id == reply.id)
        #expect(transcript[3].id == reply.inReplyTo)
        #expect(try await store.customer(id: "c-42")?.name == "Ana")
    }

    @Test func aCustomerWhoReconnectsResumesAndReceivesWhatTheyMissed() async throws {
        let server = try await TestServer.start()
        let (conversationId, token, greetingId) = try await Self.firstVisit(server)
        try await WebSocketClient.connect(url: server.webSocketURL, logger: Self.logger) { inbound, outbound, _ in
            var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
            try await outbound.write(
                .text(
                    #"{"type":"hello","conversation_id":"\#(conversationId)","conversation_token":"\#(token)","last_message_id":\#(greetingId)}"#
                ))
            let welcome = try await Self.next(&messages)
            #expect(welcome.resumed == true)
            #expect(welcome.conversationId == conversationId)
            // The question asked while the customer was away.
            let missed = try await Self.next(&messages)
            #expect(missed.text == "What is your order number?")
            // The conversation remembers what it was waiting for.
            try await outbound.write(.text(#"{"type":"message","text":"it is A-10234"}"#))
            #expect(try await Self.next(&messages).text == "Order A-10234 is on its way.")
            try await outbound.write(.text(#"{"type":"hello","conversation_id":"nope"}"#))
            #expect(try await Self.next(&messages).code == .alreadyStarted)
        }
        try await WebSocketClient.connect(url: server.webSocketURL, logger: Self.logger) { inbound, outbound, _ in
            var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
            try await outbound.write(.text(#"{"type":"hello","conversation_id":"no-such-conversation"}"#))
            #expect(try await Self.next(&messages).code == .unknownConversation)
        }
        try await server.stop()
    }

    /// Says hello, asks where the order is, and leaves before reading the bot's question.
    static func firstVisit(_ server: TestServer) async throws -> (conversation: String, token: String, greeting: Int64)
    {
        let ids = Handed<(conversation: String, token: String, greeting: Int64)>()
        try await WebSocketClient.connect(url: server.webSocketURL, logger: Self.logger) { inbound, outbound, _ in
            var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
            try await outbound.write(.text(#"{"type":"hello"}"#))
            let welcome = try await Self.next(&messages)
            let greeting = try await Self.next(&messages)
            ids.value = (welcome.conversationId ?? "", welcome.conversationToken ?? "", greeting.id ?? 0)
            try await outbound.write(.text(#"{"type":"message","text":"where is my order"}"#))
        }
        // The reply is stored before it is sent: wait until it is there.
        let (conversation, token, greeting) = ids.value ?? ("", "", 0)
        for _ in 0..<200 {
            if try await server.service.store.transcript(conversationId: conversation).count == 3 { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        return (conversation, token, greeting)
    }

    @Test func badFramesGetClearErrorsAndTheConversationGoesOn() async throws {
        let server = try await TestServer.start()
        try await WebSocketClient.connect(url: server.webSocketURL, logger: Self.logger) { inbound, outbound, _ in
            var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
            try await outbound.write(.binary(ByteBuffer(bytes: [0xFF, 0x00])))
            #expect(try await Self.next(&messages).code == .binaryFrame)
            try await outbound.write(.text("not json"))
            #expect(try await Self.next(&messages).code == .invalidJSON)
            try await outbound.write(.text(#"{"type":"shout","text":"hi"}"#))
            #expect(try await Self.next(&messages).code == .unknownType)
            try await outbound.write(.text(#"{"type":"message","text":"   "}"#))
            #expect(try await Self.next(&messages).code == .invalidMessage)
            try await outbound.write(.text(#"{"type":"rating","score":5}"#))
            #expect(try await Self.next(&messages).code == .invalidMessage)
            try await outbound.write(.text(#"{"type":"message","text":"refund please"}"#))
            #expect(try await Self.next(&messages).type == .welcome)
            _ = try await Self.next(&messages)
            #expect(try await Self.next(&messages).text == "Refunds take 5 days.")
            try await outbound.write(.text(#"{"type":"rating","score":9}"#))
            #expect(try await Self.next(&messages).code == .invalidMessage)
            try await outbound.write(.text(#"{"type":"rating","score":4,"comment":"quick"}"#))
            #expect(try await Self.next(&messages).type == .rated)
        }
        let rated = try await server.service.store.conversations(status: nil, limit: 10)
        #expect(rated.first?.rating == 4)
        try await server.stop()
    }

    @Test func aFrameOverTheLimitClosesTheConnectionWithMessageTooBig() async throws {
        var limits = ChatLimits()
        limits.maxMessageBytes = 1024
        let server = try await TestServer.start(limits: limits)
        let close = try await WebSocketClient.connect(url: server.webSocketURL, logger: Self.logger) {
            inbound, outbound, _ in
            try await outbound.write(.text(String(repeating: "a", count: 4096)))
            for try await _ in inbound {}
        }
        #expect(close?.closeCode == .messageTooLarge)
        try await server.stop()
    }

    @Test func afterAHandoverTheBotStaysSilentAndSaysTheMessageIsReceived() async throws {
        let server = try await TestServer.start()
        try await WebSocketClient.connect(url: server.webSocketURL, logger: Self.logger) { inbound, outbound, _ in
            var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
            try await outbound.write(.text(#"{"type":"human"}"#))
            _ = try await Self.next(&messages)
            _ = try await Self.next(&messages)
            let handover = try await Self.next(&messages)
            #expect(handover.action == .escalate)
            let waiting = try await Self.next(&messages)
            #expect(waiting.type == .waiting)
            #expect(waiting.position == 1)
            try await outbound.write(.text(#"{"type":"message","text":"hello?"}"#))
            let received = try await Self.next(&messages)
            #expect(received.type == .received)
            #expect(received.status == .queued)
        }
        #expect(try await server.service.store.escalationQueue().first?.rule == "human_request")
        try await server.stop()
    }
}
