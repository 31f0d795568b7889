import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import ParleyBot
import ParleyStore
import Testing

@testable import ParleyServer

/// Actions over real HTTP on loopback: a webhook server written here checks
/// what Parley sends, and misbehaves in every way a shop's system can.
@Suite(.timeLimit(.minutes(10))) struct WebhookActionsTests {
    /// What the webhook server received.
    final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var requests: [(headers: [String: String], body: Data)] = []

        func append(_ headers: [String: String], _ body: Data) {
            lock.withLock { requests.append((headers, body)) }
        }

        var all: [(headers: [String: String], body: Data)] { lock.withLock { requests } }
    }

    static let secret = "test-secret"

    /// A shop's webhook endpoints: `/hook` checks the signature and answers
    /// from the request; `/slow` answers after 8 s; the others misbehave.
    static func shop(_ received: Received) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            let body = Data(try await request.body.collect(upTo: 1 << 20).readableBytesView)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            received.append(headers, body)
            let signature = headers["x-parley-signature"] ?? ""
            guard WebhookSignature.verify(signature, body: body, secret: secret) else {
                return Response(status: .unauthorized)
            }
            let sent = JSONValue.decode(body)
            let order = sent?["slots"]?["order_id"]?.text ?? "?"
            let answer =
                #"{"status":"on its way","eta":"Friday","order":"\#(order)","items":[{"name":"Mug"},{"name":"Towel"}]}"#
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: answer)))
        }
        router.post("/error") { _, _ in Response(status: .internalServerError) }
        router.post("/html") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/html"],
                body: .init(byteBuffer: ByteBuffer(string: "<html><body>Oops</body></html>")))
        }
        router.post("/huge") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: "[" + String(repeating: "1,", count: 5 << 20) + "1]")))
        }
        router.post("/never") { _, _ -> Response in
            try await Task.sleep(for: .seconds(4))
            return Response(status: .ok)
        }
        router.post("/slow") { _, _ -> Response in
            try await Task.sleep(for: .seconds(8))
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"outcome":"not_found"}"#)))
        }
        router.post("/outcome") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"outcome":"not_found"}"#)))
        }
        return router
    }

    /// Runs `test` with the webhook server's port.
    static func withShop(_ test: @Sendable (_ port: Int, _ received: Received) async throws -> Void) async throws {
        let received = Received()
        let app = Application(router: shop(received), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await test(try #require(client.port), received)
        }
    }

    static func call(_ order: String = "A-10234") -> ActionCall {
        ActionCall(
            name: "order_status", intent: "order_status",
            request: .object([
                "conversation_id": .string("c-1"), "slots": .object(["order_id": .string(order)]),
                "text": .string("where is \(order)"),
            ]))
    }

    @Test func aSignedRequestCarriesTheConversationAndTheAnswerComesBack() async throws {
        try await Self.withShop { port, received in
            let actions = WebhookActions()
            let definition = ActionDefinition(
                name: "order_status", url: "http://127.0.0.1:\(port)/hook", timeout: 30, headers: ["X-Shop": "demo"],
                secret: Self.secret)
            let outcome = await actions.perform(Self.call(), definition: definition)
            guard case .answered(let answer) = outcome else { throw TestFailure("\(outcome)") }
            #expect(answer["order"]?.text == "A-10234")
            let request = try #require(received.all.first)
            #expect(request.headers["x-shop"] == "demo")
            #expect(request.headers["x-parley-action"] == "order_status")
            #expect(request.headers["content-type"] == "application/json")
            #expect(JSONValue.decode(request.body) == Self.call().request)
            // The same request, replayed ten minutes later, is refused.
            let signature = try #require(request.headers["x-parley-signature"])
            #expect(
                !WebhookSignature.verify(
                    signature, body: request.body, secret: Self.secret, now: Date().addingTimeInterval(600)))
            // A wrong secret gets 401, which is a failure, not an answer.
            var wrong = definition
            wrong.secret = "other"
            #expect(await actions.perform(Self.call(), definition: wrong) == .failed(.status(401)))
        }
    }

    @Test func theDocumentedVerifierRefusesReplaysAndTampering() async throws {
        // The verifier docs/ACTIONS.md shows a shop, run as a shop would run it.
        let document = try String(contentsOfFile: ShippedFiles.root + "/docs/ACTIONS.md", encoding: .utf8)
        let start = try #require(document.range(of: "```python\n"))
        let end = try #require(document.range(of: "```", range: start.upperBound..<document.endIndex))
        let verifier = String(document[start.upperBound..<end.lowerBound])
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return }
        let body = Data(#"{"text":"where is my order"}"#.utf8)
        let now = Int(Date().timeIntervalSince1970)
        func accepted(_ header: String, _ body: Data) throws -> Bool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            let script =
                verifier + """

                    import sys
                    print(verify(sys.argv[1], sys.stdin.buffer.read(), sys.argv[2]))
                    """
            process.arguments = ["-c", script, header, Self.secret]
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            input.fileHandleForWriting.write(body)
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return text.trimmingCharacters(in: .whitespacesAndNewlines) == "True"
        }
        #expect(try accepted(WebhookSignature.sign(body, secret: Self.secret, timestamp: now), body))
        #expect(!(try accepted(WebhookSignature.sign(body, secret: Self.secret, timestamp: now - 600), body)))
        #expect(
            !(try accepted(WebhookSignature.sign(body, secret: Self.secret, timestamp: now), body + Data("x".utf8))))
        #expect(!(try accepted(WebhookSignature.sign(body, secret: "wrong", timestamp: now), body)))
    }

    @Test func aShopThatMisbehavesGivesAFailureWithinTheTimeout() async throws {
        try await Self.withShop { port, _ in
            let actions = WebhookActions()
            func outcome(_ path: String, timeout: Double = 10) async -> (ActionOutcome, Duration) {
                let started = ContinuousClock.now
                let result = await actions.perform(
                    Self.call(),
                    definition: ActionDefinition(name: "x", url: "http://127.0.0.1:\(port)\(path)", timeout: timeout))
                return (result, ContinuousClock.now - started)
            }
            #expect(await outcome("/error").0 == .failed(.status(500)))
            #expect(await outcome("/html").0 == .failed(.notJSON))
            #expect(await outcome("/huge").0 == .failed(.tooLarge(bytes: WebhookActions.maxAnswerBytes)))
            let (never, took) = await outcome("/never", timeout: 0.5)
            #expect(never == .failed(.timeout(seconds: 0.5)))
            // How exactly it fires is measured by `parley-bench actions`, not here, beside other tests' load.
            #expect(took < .seconds(10), "the timeout is 0.5 s; took \(took)")
            // Nothing listens on port 1: refused (or, as the client keeps trying to connect, timed out).
            let refused = await actions.perform(
                Self.call(), definition: ActionDefinition(name: "x", url: "http://127.0.0.1:1/hook", timeout: 1))
            switch refused {
            case .failed(.unreachable), .failed(.timeout): break
            default: throw TestFailure("\(refused)")
            }
        }
    }

    /// A bot whose order status asks the webhook server at `port`.
    static func bot(port: Int, path: String, timeout: Double = 10) -> (settings: String, responses: String) {
        (
            """
            secrets:
              shop: "\(secret)"
            actions:
              order_status:
                url: http://127.0.0.1:\(port)\(path)
                timeout: \(timeout)
                secret: shop
            """,
            TestServer.responses.replacingOccurrences(
                of: #"    replies: ["Order {{order_id}} is on its way."]"#,
                with: """
                        action: order_status
                        replies: ["Order {{order_id}} is {{result.status}}, due {{result.eta}}, with{{#result.items}} {{name}};{{/result.items}} {{result.carrier}}"]
                        outcomes:
                          not_found: "I can't find an order {{order_id}}."
                        on_error: "I can't check orders right now."
                    """)
        )
    }

    @Test func theReplyIsFilledWithTheAnswer() async throws {
        try await Self.withShop { port, _ in
            let (settings, responses) = Self.bot(port: port, path: "/hook")
            let server = try await TestServer.start(bot: settings, responses: responses)
            var customer = AgentDeskTests.Customer(server)
            _ = try await customer.start()
            await customer.connection.receive(ClientMessage.message(.init(text: "where is my order A-10234")))
            let reply = try await customer.events.first { $0.inReplyTo != nil }.event
            // A field the answer lacks (carrier) reads "unknown", never {{…}}.
            #expect(reply.text == "Order A-10234 is on its way, due Friday, with Mug; Towel; unknown")
            try await server.stop()
        }
    }

    @Test func aFailingActionGetsTheOnErrorReplyStoresTheWholeExchangeAndTheConnectionGoesOn() async throws {
        try await Self.withShop { port, _ in
            for path in ["/error", "/html", "/huge", "/never"] {
                let (settings, responses) = Self.bot(port: port, path: path, timeout: 0.5)
                let server = try await TestServer.start(bot: settings, responses: responses)
                var customer = AgentDeskTests.Customer(server)
                let id = try await customer.start()
                await customer.connection.receive(ClientMessage.message(.init(text: "where is my order A-10234")))
                let reply = try await customer.events.first { $0.inReplyTo != nil }.event
                #expect(reply.text == "I can't check orders right now.", "\(path)")
                await customer.connection.receive(ClientMessage.message(.init(text: "I want a refund")))
                let next = try await customer.events.first { $0.text == "Refunds take 5 days." }.event
                #expect(next.from == .bot)
                let transcript = try await server.service.store.transcript(conversationId: id)
                #expect(transcript.map(\.sender) == [.bot, .customer, .bot, .customer, .bot])
                #expect(transcript[2].rule == "action_error")
                try await server.stop()
            }
        }
    }

    @Test func anAnsweredOutcomePicksItsReply() async throws {
        try await Self.withShop { port, _ in
            let (settings, responses) = Self.bot(port: port, path: "/outcome")
            let server = try await TestServer.start(bot: settings, responses: responses)
            var customer = AgentDeskTests.Customer(server)
            _ = try await customer.start()
            await customer.connection.receive(ClientMessage.message(.init(text: "where is my order A-55555")))
            let reply = try await customer.events.first { $0.inReplyTo != nil }.event
            #expect(reply.text == "I can't find an order A-55555.")
            try await server.stop()
        }
    }

    @Test func anOrderNumberGivenWhenAskedIsStoredAsTheAnswerItIs() async throws {
        try await Self.withShop { port, _ in
            let (settings, responses) = Self.bot(port: port, path: "/outcome")
            let server = try await TestServer.start(bot: settings, responses: responses)
            var customer = AgentDeskTests.Customer(server)
            let id = try await customer.start()
            await customer.connection.receive(ClientMessage.message(.init(text: "where is my order")))
            _ = try await customer.events.first { $0.inReplyTo != nil }
            await customer.connection.receive(ClientMessage.message(.init(text: "A-55555")))
            let reply = try await customer.events.first { $0.text == "I can't find an order A-55555." }.event
            #expect(reply.from == .bot)
            let transcript = try await server.service.store.transcript(conversationId: id)
            // The customer's message filled the slot; the bot's reply is the action's outcome.
            #expect(transcript.suffix(2).map(\.rule) == ["slot_filled", "outcome_not_found"])
            let inbox = try await server.service.store.reviewInbox(lowConfidenceBelow: 1.01, limit: 10)
            #expect(!inbox.map(\.message.text).contains("A-55555"))
            try await server.stop()
        }
    }

    @Test func theDemoShopIsServedAndChecksSignatures() async throws {
        // A generous timeout: this is about the route and its signatures, and the whole suite's
        // training shares the two cores with this call (it once took over 10 s there).
        let settings = """
            demo_shop: true
            secrets:
              demo: "demo-secret"
            actions:
              order_status: {url: /demo/shop/orders/status, secret: demo, timeout: 60}
            """
        let orders = """
            orders:
              - {id: A-10234, name: Ana, status: shipped, placed: 5 days ago, eta: in 2 days, carrier: DPD, address: "1 High St", total: 10 euros}
            """
        let responses = TestServer.responses.replacingOccurrences(
            of: #"    replies: ["Order {{order_id}} is on its way."]"#,
            with: """
                    action: order_status
                    replies: ["Order {{order_id}}: {{result.status}}."]
                    outcomes:
                      shipped: "Order {{order_id}} is with {{result.carrier}}, due {{result.eta}}."
                      not_found: "I can't find an order {{order_id}}."
                """)
        let server = try await TestServer.start(bot: settings, responses: responses, files: ["demo-shop.yml": orders])
        var customer = AgentDeskTests.Customer(server)
        _ = try await customer.start()
        await customer.connection.receive(ClientMessage.message(.init(text: "where is my order A-10234")))
        // The shop answers its relative dates as days of the calendar (DemoShopTests checks the formats).
        let due = RelativeDay(offset: 2).formatted(from: Date(), timeZone: .current, language: "en")
        #expect(
            try await customer.events.first(within: 90) { $0.inReplyTo != nil }.event.text
                == "Order A-10234 is with DPD, due \(due).")
        await customer.connection.receive(ClientMessage.message(.init(text: "where is my order A-55555")))
        #expect(
            try await customer.events.first(within: 90) { $0.text?.contains("A-55555") == true }.event.text
                == "I can't find an order A-55555.")
        let unsigned = try await HTTPExchange.send(
            "POST", "/demo/shop/orders/status", port: server.ports.http, body: #"{"slots":{"order_id":"A-10234"}}"#)
        #expect(unsigned.status == 401)
        try await server.stop()
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The repository's own files.
enum ShippedFiles {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()
}
