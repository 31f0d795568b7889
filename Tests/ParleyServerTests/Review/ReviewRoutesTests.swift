import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ParleyBot
import ParleyServer
import ParleyStore
import Testing

/// The trainers' review inbox over HTTP (`/api/admin/review`), in process:
/// groups paged biggest first, each decision and what it writes, the
/// refusals that change nothing, and the console's session with its CSRF token.
@Suite(.timeLimit(.minutes(10))) struct ReviewRoutesTests {
    struct Page: Decodable {
        var page: Int
        var limit: Int
        var groupsTotal: Int
        var messagesTotal: Int
        var groups: [Group]
    }

    struct Group: Decodable {
        var label: String
        var count: Int
        var reasons: [String: Int]
        var messages: [Message]
    }

    struct Message: Decodable {
        var id: Int64
        var text: String
    }

    struct Outcome: Decodable {
        var decision: String
        var intent: String?
        var messageIds: [Int64]
        var files: [File]

        struct File: Decodable {
            var path: String
            var lines: [Int]?
        }
    }

    struct Answer: Decodable {
        var replies: [Reply]

        struct Reply: Decodable {
            var text: String?
        }
    }

    /// Words the shop bot never saw: it falls back on them.
    static let gnomes = ["garden gnomes sold", "cheap garden gnomes", "garden gnomes catalogue"]
    static let mars = ["weather forecast tomorrow"]

    static func decode<Value: Decodable>(_ type: Value.Type, _ exchange: HTTPExchange) throws -> Value {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Value.self, from: Data(exchange.body.utf8))
    }

    /// Each text in a conversation of its own over the REST channel.
    static func chat(_ texts: [String], _ send: InProcessApp.Send) async throws {
        for text in texts {
            let body = String(decoding: try JSONEncoder().encode(["text": text]), as: UTF8.self)
            #expect(try await send("POST", "/api/messages", body: body).status == 200)
        }
    }

    static func inbox(_ send: InProcessApp.Send, token: String, query: String = "") async throws -> Page {
        let exchange = try await send("GET", "/api/admin/review" + query, token: token)
        #expect(exchange.status == 200, "\(exchange.body)")
        return try decode(Page.self, exchange)
    }

    /// Assigns the group's messages to `intent`, which must work; the decision and the lines it added.
    static func assign(_ group: Group, to intent: String, token: String, _ send: InProcessApp.Send) async throws
        -> (outcome: Outcome, added: [String])
    {
        let exchange = try await send(
            "POST", "/api/admin/review/assign", body: #"{"message_ids":\#(ids(group)),"intent":"\#(intent)"}"#,
            token: token)
        #expect(exchange.status == 200, "\(exchange.body)")
        let outcome = try decode(Outcome.self, exchange)
        let file = try String(contentsOfFile: outcome.files[0].path, encoding: .utf8)
        let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
        return (outcome, try #require(outcome.files[0].lines).map { String(lines[$0 - 1]) })
    }

    static func ids(_ group: Group) -> String {
        "[" + group.messages.map { String($0.id) }.joined(separator: ",") + "]"
    }

    /// Every file of the bot's folders with its contents.
    static func files(_ service: ChatService) throws -> [String: String] {
        let paths = try #require(service.review).paths
        var files: [String: String] = [:]
        for folder in [paths.intents, paths.responses] {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
                files[folder + "/" + name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            }
        }
        return files
    }

    @Test func groupsArePagedBiggestFirstForTrainersAndAdminsOnly() async throws {
        try await InProcessApp.test { (service, send) async throws in
            try await Self.chat(Self.gnomes + Self.mars, send)
            let trainer = try await service.issueToken(.trainer)
            let page = try await Self.inbox(send, token: trainer)
            try #require(page.groupsTotal == 2 && page.messagesTotal == 4)
            #expect(page.groups.map(\.count) == [3, 1])
            #expect(Set(page.groups[0].messages.map(\.text)) == Set(Self.gnomes))
            #expect(page.groups[0].reasons.values.reduce(0, +) == 3)

            let second = try await Self.inbox(
                send, token: try await service.issueToken(.admin), query: "?page=2&limit=1")
            #expect(second.page == 2 && second.limit == 1 && second.groupsTotal == 2)
            #expect(second.groups.map(\.messages).map { $0.map(\.text) } == [Self.mars])
            #expect(try await Self.inbox(send, token: trainer, query: "?page=3&limit=1").groups.isEmpty)

            #expect(try await send("GET", "/api/admin/review?page=0", token: trainer).status == 400)
            #expect(try await send("GET", "/api/admin/review?limit=101", token: trainer).status == 400)
            #expect(try await send("GET", "/api/admin/review").status == 401)
            let agent = try await service.issueToken(.agent)
            #expect(try await send("GET", "/api/admin/review", token: agent).status == 403)
            let body = #"{"message_ids":[\#(page.groups[1].messages[0].id)]}"#
            #expect(try await send("POST", "/api/admin/review/dismiss", body: body, token: agent).status == 403)
            #expect(try await send("POST", "/api/admin/review/dismiss", body: body).status == 401)
            #expect(try await Self.inbox(send, token: trainer).messagesTotal == 4)
        }
    }

    @Test func assigningAppendsTheMessagesToTheIntentsFileAndTakesThemOutOfTheInbox() async throws {
        try await InProcessApp.test { (service, send) async throws in
            try await Self.chat(Self.gnomes + Self.mars, send)
            let trainer = try await service.issueToken(.trainer)
            let group = try #require(try await Self.inbox(send, token: trainer).groups.first)
            let (outcome, added) = try await Self.assign(group, to: "refund", token: trainer, send)
            #expect(outcome.decision == "assigned" && outcome.intent == "refund")
            #expect(Set(added) == Set(group.messages.map { "      - " + $0.text }))
            let data = try IntentFiles.load(folder: try #require(service.review).paths.intents)
            #expect(Set(Self.gnomes).isSubset(of: Set(data.examples.filter { $0.intent == "refund" }.map(\.text))))

            let after = try await Self.inbox(send, token: trainer)
            #expect(after.groups.map(\.count) == [1])
            let decisions = try await service.store.reviewDecisions(messageIds: group.messages.map(\.id))
            #expect(decisions.map(\.kind) == [.assigned, .assigned, .assigned])
            #expect(decisions.allSatisfy { $0.intent == "refund" && $0.decidedBy.hasPrefix("token:") })
            // The audit log says who taught the bot what, naming message ids, never their words.
            let audit = try #require(try await service.store.auditLog(since: nil, limit: 10).first)
            #expect(audit.action == .review && audit.target == "refund" && audit.actor.hasPrefix("token:"))
            #expect(
                audit.detail == "assigned: messages " + group.messages.map { String($0.id) }.joined(separator: ", "))
        }
    }

    @Test func anAssignedMessageKeepsTheEntitiesTheTrainersDefineAnnotated() async throws {
        try await InProcessApp.test { (service, send) async throws in
            // The order number is an entity the trainers defined (order_id); the email is a built-in type.
            try await Self.chat(["garden gnomes for A-10234 to ana@example.com"], send)
            let trainer = try await service.issueToken(.trainer)
            let group = try #require(try await Self.inbox(send, token: trainer).groups.first)
            let (_, added) = try await Self.assign(group, to: "refund", token: trainer, send)
            #expect(added == ["      - garden gnomes for [A-10234](order_id) to ana@example.com"])
            let data = try IntentFiles.load(folder: try #require(service.review).paths.intents)
            let example = try #require(
                data.examples.first { $0.text == "garden gnomes for A-10234 to ana@example.com" })
            #expect(example.entities.map(\.entity) == ["order_id"])
        }
    }

    @Test func aMessageThatReadsAsAnAnnotationIsNotWrittenAsOne() async throws {
        try await InProcessApp.test { (service, send) async throws in
            // Written as an example, "[gnome](order_id)" would teach that "gnome" is an order number.
            try await Self.chat(["garden gnomes [gnome](order_id) blorp"], send)
            let trainer = try await service.issueToken(.trainer)
            let conversation = try #require(try await service.store.conversations(status: nil, limit: 1).first)
            let message = try #require(
                try await service.store.transcript(conversationId: conversation.id).first { $0.sender == .customer })
            let intents = try #require(service.review).paths.intents
            let before = try IntentFiles.load(folder: intents).examples.count
            let exchange = try await send(
                "POST", "/api/admin/review/assign", body: #"{"message_ids":[\#(message.id ?? 0)],"intent":"refund"}"#,
                token: trainer)
            #expect(exchange.status == 422, "\(exchange.body)")
            #expect(exchange.body.contains("reads as an entity annotation"))
            #expect(try IntentFiles.load(folder: intents).examples.count == before)
        }
    }

    @Test func aMessageInAScriptTheBotsLanguageDoesNotUseIsNotWrittenToItsFiles() async throws {
        try await InProcessApp.test { (service, send) async throws in
            // A Chinese store's message reviewed against the English bot's files (a forgotten --intents).
            try await Self.chat(["花园小矮人多少钱"], send)
            let trainer = try await service.issueToken(.trainer)
            let group = try #require(try await Self.inbox(send, token: trainer).groups.first)
            let before = try Self.files(service)
            for (path, body) in [
                ("/api/admin/review/assign", #"{"message_ids":\#(Self.ids(group)),"intent":"refund"}"#),
                (
                    "/api/admin/review/intents",
                    #"{"message_ids":\#(Self.ids(group)),"intent":"gnomes","description":"Gnomes.","reply":"No gnomes."}"#
                ),
            ] {
                let exchange = try await send("POST", path, body: body, token: trainer)
                #expect(exchange.status == 422, "\(exchange.body)")
                #expect(exchange.body.contains("script the bot's language (en) does not use"), "\(exchange.body)")
            }
            #expect(try Self.files(service) == before)
        }
    }

    @Test func assigningToAnIntentDeletedMeanwhileIsAClearErrorAndChangesNoFile() async throws {
        try await InProcessApp.test { (service, send) async throws in
            try await Self.chat(Self.mars, send)
            let trainer = try await service.issueToken(.trainer)
            let group = try #require(try await Self.inbox(send, token: trainer).groups.first)
            let before = try Self.files(service)
            let body = #"{"message_ids":\#(Self.ids(group)),"intent":"space_weather"}"#
            let exchange = try await send("POST", "/api/admin/review/assign", body: body, token: trainer)
            #expect(exchange.status == 404)
            #expect(
                exchange.body.contains("no intent 'space_weather'") && exchange.body.contains("no file was changed"))
            #expect(try Self.files(service) == before)
            #expect(try await Self.inbox(send, token: trainer).messagesTotal == 1)

            let unknown = #"{"message_ids":[999999],"intent":"refund"}"#
            #expect(try await send("POST", "/api/admin/review/assign", body: unknown, token: trainer).status == 404)
            let twice = #"{"message_ids":\#(Self.ids(group)),"intent":"refund"}"#
            #expect(try await send("POST", "/api/admin/review/assign", body: twice, token: trainer).status == 200)
            let again = try await send("POST", "/api/admin/review/assign", body: twice, token: trainer)
            #expect(again.status == 409 && again.body.contains("already an example"))
            #expect(try await send("POST", "/api/admin/review/assign", body: "{}", token: trainer).status == 400)
        }
    }

    @Test func aNewIntentFromAGroupAnswersAfterAReload() async throws {
        try await InProcessApp.test { (service, send) async throws in
            try await Self.chat(Self.gnomes, send)
            let trainer = try await service.issueToken(.trainer)
            let group = try #require(try await Self.inbox(send, token: trainer).groups.first)
            let before = try Self.files(service)
            func create(_ intent: String, reply: String = "We sell gnomes in the garden section.") async throws
                -> HTTPExchange
            {
                let body = """
                    {"message_ids":\(Self.ids(group)),"intent":"\(intent)","description":"Garden gnomes.","reply":"\(reply)"}
                    """
                return try await send("POST", "/api/admin/review/intents", body: body, token: trainer)
            }
            #expect(try await create("../gnomes").status == 400)
            #expect(try await create("refund").status == 409)
            let broken = try await create("garden_gnomes", reply: "{{#broken}")
            #expect(broken.status == 422, "\(broken.body)")
            #expect(try Self.files(service) == before)

            let created = try await create("garden_gnomes")
            #expect(created.status == 201, "\(created.body)")
            let outcome = try Self.decode(Outcome.self, created)
            #expect(outcome.decision == "new_intent" && outcome.files.count == 2)
            #expect(try await Self.inbox(send, token: trainer).groups.isEmpty)

            let reload = try await send("POST", "/api/admin/reload", body: #"{"force":true}"#, token: trainer)
            #expect(reload.status == 200, "\(reload.body)")
            let body = #"{"text":"cheap garden gnomes"}"#
            let answer = try Self.decode(Answer.self, try await send("POST", "/api/messages", body: body))
            #expect(answer.replies.compactMap(\.text).last == "We sell gnomes in the garden section.")
        }
    }

    @Test func outOfScopeAndDismissedMessagesLeaveTheInboxAndNoFileChanges() async throws {
        try await InProcessApp.test { (service, send) async throws in
            try await Self.chat(Self.gnomes + Self.mars, send)
            let trainer = try await service.issueToken(.trainer)
            let page = try await Self.inbox(send, token: trainer)
            try #require(page.groups.count == 2)
            let before = try Self.files(service)
            let outOfScope = try await send(
                "POST", "/api/admin/review/out-of-scope", body: #"{"message_ids":\#(Self.ids(page.groups[1]))}"#,
                token: trainer)
            #expect(outOfScope.status == 200)
            let dismissed = try await send(
                "POST", "/api/admin/review/dismiss", body: #"{"message_ids":\#(Self.ids(page.groups[0]))}"#,
                token: trainer)
            #expect(dismissed.status == 200)
            #expect(try Self.decode(Outcome.self, dismissed).files.isEmpty)
            #expect(try await Self.inbox(send, token: trainer).groups.isEmpty)
            #expect(try Self.files(service) == before)
            let ids = page.groups.flatMap(\.messages).map(\.id)
            let kinds = try await service.store.reviewDecisions(messageIds: ids).map(\.kind)
            #expect(kinds.filter { $0 == .outOfScope }.count == 1 && kinds.filter { $0 == .dismissed }.count == 3)
            #expect(
                try await send("POST", "/api/admin/review/dismiss", body: #"{"message_ids":[]}"#, token: trainer)
                    .status == 400)
        }
    }

    @Test func theConsolesTrainerReviewsWithTheSessionAndItsCSRFToken() async throws {
        try await InProcessApp.test { (service, send) async throws in
            try await Self.chat(Self.mars, send)
            let (hash, salt) = try AgentPassword.hash("correct horse")
            try await service.store.save(User(id: "tess", name: "Tess", passwordHash: hash, salt: salt, role: .trainer))
            try await service.store.save(User(id: "ana", name: "Ana", passwordHash: hash, salt: salt, role: .agent))
            func signIn(_ name: String) async throws -> (cookie: HTTPFields, csrf: String, body: String) {
                let answer = try await send.client.execute(
                    uri: "/agent/session", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: #"{"agent":"\#(name)","password":"correct horse"}"#))
                #expect(answer.status == .ok)
                let body = String(buffer: answer.body)
                return (
                    [.cookie: AgentSessionRoutesTests.cookie(answer.headers[.setCookie])],
                    try AgentSessionRoutesTests.csrf(body), body
                )
            }
            let tess = try await signIn("tess")
            #expect(tess.body.contains(#""role":"trainer""#))
            let page = try await send.raw("GET", "/api/admin/review", headers: tess.cookie)
            #expect(page.status == .ok)
            let id = try #require(
                try Self.decode(Page.self, HTTPExchange(status: 200, body: String(buffer: page.body)))
                    .groups.first?.messages.first?.id)

            var post = tess.cookie
            post[.contentType] = "application/json"
            let body = ByteBuffer(string: #"{"message_ids":[\#(id)]}"#)
            let withoutCSRF = try await send.client.execute(
                uri: "/api/admin/review/dismiss", method: .post, headers: post, body: body)
            #expect(withoutCSRF.status == .forbidden)
            post[HTTPField.Name("X-CSRF-Token")!] = tess.csrf
            let withCSRF = try await send.client.execute(
                uri: "/api/admin/review/dismiss", method: .post, headers: post, body: body)
            #expect(withCSRF.status == .ok)

            let ana = try await signIn("ana")
            #expect(try await send.raw("GET", "/api/admin/review", headers: ana.cookie).status == .forbidden)
            let refusals = try await service.store.auditLog(since: nil, limit: 20).filter {
                $0.action == .accessRefused
            }
            #expect(refusals.map(\.actor).sorted() == ["user:ana", "user:tess"])
        }
    }
}
