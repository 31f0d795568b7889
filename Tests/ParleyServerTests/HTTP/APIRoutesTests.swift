import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyServer
import ParleyStore
import Testing

@Suite(.timeLimit(.minutes(10))) struct APIRoutesTests {
    struct MessageResponse: Decodable {
        var conversationId: String
        var conversationToken: String?
        var customerId: String?
        var replies: [ServerEvent]
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ exchange: HTTPExchange) throws -> Value {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Value.self, from: Data(exchange.body.utf8))
    }

    @Test func theRESTChannelStartsAndContinuesAConversation() async throws {
        try await InProcessApp.test { (service, send) async throws in
            let token = try await service.issueToken(.agent)
            let first = try await send(
                "POST", "/api/messages",
                body:
                    #"{"text":"where is my order","customer":{"id":"c-7","identity_hash":"\#(TestServer.identityHash("c-7"))","name":"Cy"}}"#
            )
            #expect(first.status == 200)
            let opened = try Self.decode(MessageResponse.self, first)
            #expect(opened.customerId == "c-7")
            #expect(opened.replies.count == 2)
            #expect(opened.replies.first?.text?.contains("Cy") == true)
            #expect(opened.replies.last?.text == "What is your order number?")
            let second = try await send(
                "POST", "/api/messages",
                body:
                    #"{"conversation_id":"\#(opened.conversationId)","conversation_token":"\#(opened.conversationToken ?? "")","text":"A-10234","analysis":true}"#
            )
            let answer = try Self.decode(MessageResponse.self, second)
            #expect(answer.conversationId == opened.conversationId)
            #expect(answer.replies.map(\.text) == ["Order A-10234 is on its way."])
            #expect(answer.replies.first?.analysis != nil)

            let conversation = try await send("GET", "/api/conversations/\(opened.conversationId)", token: token)
            #expect(conversation.status == 200)
            #expect(conversation.body.contains(#""order_id""#))
            #expect(try await send("GET", "/api/customers/c-7", token: token).body.contains("Cy"))
            #expect(try await send("GET", "/api/customers?q=Cy", token: token).body.contains("c-7"))
            #expect(try await send("GET", "/api/conversations?status=bot", token: token).status == 200)
        }
    }

    @Test func parseHealthAndMetrics() async throws {
        let server = try await TestServer.start()
        let port = server.ports.http
        let parse = try await HTTPExchange.send("POST", "/api/parse", port: port, body: #"{"text":"refund B-55555"}"#)
        #expect(parse.status == 200)
        #expect(parse.body.contains(#""intent":"refund""#))
        #expect(parse.body.contains("B-55555"))
        _ = try await HTTPExchange.send("POST", "/api/messages", port: port, body: #"{"text":"hello"}"#)
        let health = try await HTTPExchange.send("GET", "/health", port: port)
        #expect(health.status == 200)
        #expect(health.body.contains(#""status":"ok""#))
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(health.body.utf8)) as? [String: Any])
        #expect((figures["rss_bytes"] as? Int ?? 0) > 0)
        #expect((figures["cpu_seconds"] as? Double ?? 0) > 0)
        let metrics = try await HTTPExchange.send("GET", "/metrics", port: port)
        #expect(metrics.body.contains(#"parley_messages_total{channel="api"} 1"#))
        #expect(metrics.body.contains(#"parley_intents_total{intent="greet"} 1"#))
        #expect(metrics.body.contains("parley_reply_seconds_count 1"))
        try await server.stop()
    }

    @Test func badRequestsGetClearErrors() async throws {
        var limits = ChatLimits()
        limits.maxMessageBytes = 512
        try await InProcessApp.test(limits: limits) { (service, send) async throws in
            let token = try await service.issueToken(.admin)
            #expect(try await send("POST", "/api/parse", body: "{nope").status == 400)
            #expect(try await send("POST", "/api/messages", body: #"{"txt":"hi"}"#).status == 400)
            // The body's mistake in the API's words: the field as the wire names it, never Swift's.
            let explained = [
                (#"{"txt":"hi"}"#, #"missing "text""#),
                (#"{"text":"hi","analysis":"yes"}"#, #""analysis" must be true or false"#),
                (#"{"text":"hi","customer":{"email":7}}"#, #""customer.email" must be a string"#),
                (#"{"text":null}"#, #""text" must not be null"#),
                ("{nope", "the body is not JSON"),
            ]
            for (body, says) in explained {
                let answer = try await send("POST", "/api/messages", body: body)
                #expect(answer.status == 400)
                let json = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any]
                let message = (json?["error"] as? [String: Any])?["message"] as? String ?? ""
                #expect(message.hasSuffix(says), "\(message)")
                #expect(!message.contains("CodingKeys") && !message.contains("DecodingError"), "\(message)")
            }
            #expect(try await send("POST", "/api/messages", body: #"{"text":"  "}"#).status == 400)
            #expect(
                try await send("POST", "/api/messages", body: #"{"conversation_id":"missing","text":"hi"}"#).status
                    == 404)
            let large = String(repeating: "a", count: 2000)
            #expect(try await send("POST", "/api/parse", body: #"{"text":"\#(large)"}"#).status == 413)
            #expect(try await send("GET", "/api/conversations/missing", token: token).status == 404)
            #expect(try await send("GET", "/api/conversations?limit=0", token: token).status == 400)
            #expect(try await send("GET", "/api/customers", token: token).status == 400)
        }
    }

    /// The refusal names the body's own field (`text`, not the chat protocol's `message`), and a
    /// refused body opens no conversation.
    @Test func controlCharactersAreRefusedNamingTheBodysField() async throws {
        try await InProcessApp.test { (service, send) async throws in
            let refused = [
                (#"{"text":"red \u009b31mALERT"}"#, #""text" must not contain control characters such as U+009B"#),
                (#"{"text":"next\u0085line"}"#, #""text" must not contain control characters such as U+0085"#),
                (#"{"text":"bell \u0007"}"#, #""text" must not contain control characters such as U+0007"#),
                (
                    #"{"text":"hi","customer":{"name":"Eve\u009b2J"}}"#,
                    #""customer.name" must not contain control characters such as U+009B"#
                ),
                (
                    #"{"text":"hi","conversation_id":"c\u0080","conversation_token":"t"}"#,
                    #""conversation_id" must not contain control characters such as U+0080"#
                ),
                (#"{"text":" \u3000"}"#, #"a message needs a non-empty "text""#),
            ]
            for (body, says) in refused {
                let answer = try await send("POST", "/api/messages", body: body)
                #expect(answer.status == 400)
                let json = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any]
                let message = (json?["error"] as? [String: Any])?["message"] as? String ?? ""
                #expect(message.hasPrefix(says), "\(message)")
            }
            #expect(try await service.store.conversations(status: nil, limit: 10).isEmpty)
        }
    }

    @Test func aMethodARouteDoesNotTakeIs405WithTheMethodsItDoes() async throws {
        try await InProcessApp.test { (_, send) async throws in
            let trace = try await send.raw("TRACE", "/health", headers: [:])
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers[.allow] == "GET")
            let put = try await send.raw("PUT", "/api/messages", headers: [:])
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers[.allow] == "POST")
            #expect(try await send.raw("QUERY", "/api/conversations/x", headers: [:]).status == .methodNotAllowed)
            #expect(try await send.raw("HEAD", "/health", headers: [:]).status == .ok)
            #expect(try await send.raw("HEAD", "/api/messages", headers: [:]).status == .methodNotAllowed)
            #expect(try await send.raw("GET", "/api/nothing-here", headers: [:]).status == .notFound)
        }
    }

    @Test func messagesOfOneConversationAreHandledInOrderWhileOthersRunInParallel() async throws {
        let server = try await TestServer.start()
        let port = server.ports.http
        let opened = try Self.decode(
            MessageResponse.self,
            try await HTTPExchange.send("POST", "/api/messages", port: port, body: #"{"text":"hello"}"#))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<15 {
                group.addTask {
                    let text = index.isMultiple(of: 2) ? "refund please" : "where is my order A-10234"
                    _ = try await HTTPExchange.send(
                        "POST", "/api/messages", port: port,
                        body:
                            #"{"conversation_id":"\#(opened.conversationId)","conversation_token":"\#(opened.conversationToken ?? "")","text":"\#(text)"}"#
                    )
                }
            }
            try await group.waitForAll()
        }
        let transcript = try await server.service.store.transcript(conversationId: opened.conversationId)
        #expect(transcript.count == 1 + 2 * 16)
        // Every customer message is followed by its own answer.
        for index in stride(from: 1, to: transcript.count, by: 2) {
            #expect(transcript[index].sender == .customer)
            #expect(transcript[index + 1].sender == .bot)
            #expect(transcript[index + 1].intent == transcript[index].intent)
        }
        try await server.stop()
    }
}
