import Foundation
import ParleyBot
import ParleyServer
import ParleyStore
import ParleyTestSupport
import Testing

/// Reloading a running server's bot (`POST /api/admin/reload`), over real
/// sockets: the new bot answers without a restart, conversations keep their
/// open questions, bad files leave the running bot alone, and only trainers
/// and admins may reload.
@Suite(.timeLimit(.minutes(10))) struct BotReloaderTests {
    struct MessageResponse: Decodable {
        var conversationId: String
        var conversationToken: String?
        var replies: [ServerEvent]
    }

    struct Health: Decodable {
        var modelVersion: String
        var repliesVersion: String
    }

    static let hoursIntent = """
        intent: opening_hours
        examples:
          - when are you open
          - what are your opening hours
          - are you open on sunday
          - what time do you close today
          - opening times please
          - what are your hours of business
        """

    static let hoursResponse = """

          - intent: opening_hours
            replies: ["We are open from 9 to 5."]
        """

    static func decode<Value: Decodable>(_ type: Value.Type, _ exchange: HTTPExchange) throws -> Value {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Value.self, from: Data(exchange.body.utf8))
    }

    static func reload(_ server: TestServer, token: String?) async throws -> (status: Int, result: ReloadResult?) {
        let exchange = try await HTTPExchange.send("POST", "/api/admin/reload", port: server.ports.http, token: token)
        return (exchange.status, try? WireCoding.decode(ReloadResult.self, from: exchange.body))
    }

    static func health(_ server: TestServer) async throws -> Health {
        try decode(Health.self, try await HTTPExchange.send("GET", "/health", port: server.ports.http))
    }

    /// Sends `text` over the REST channel, in `conversation` when given.
    static func say(_ text: String, in conversation: MessageResponse? = nil, _ server: TestServer) async throws
        -> MessageResponse
    {
        var body = ["text": text]
        if let conversation {
            body["conversation_id"] = conversation.conversationId
            body["conversation_token"] = conversation.conversationToken
        }
        let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        let exchange = try await HTTPExchange.send("POST", "/api/messages", port: server.ports.http, body: json)
        var answer = try decode(MessageResponse.self, exchange)
        answer.conversationToken = answer.conversationToken ?? conversation?.conversationToken
        return answer
    }

    @Test func aNewIntentGoesLiveWithoutARestartAndOpenQuestionsSurvive() async throws {
        let server = try await TestServer.start()
        let token = try await server.service.issueToken(.trainer)
        let before = try await Self.health(server)
        let asked = try await Self.say("where is my order", server)
        #expect(asked.replies.last?.text == "What is your order number?")
        #expect(
            try await Self.say("when are you open", server).replies.map(\.text).contains("We are open from 9 to 5.")
                == false)

        try server.folder.write("intents/hours.yml", Self.hoursIntent)
        try server.folder.write("responses/shop.yml", TestServer.responses + Self.hoursResponse)
        let (status, result) = try await Self.reload(server, token: token)
        #expect(status == 200)
        let reloaded = try #require(result)
        #expect(reloaded.status == .reloaded)
        #expect(reloaded.retrained == true)
        #expect(reloaded.previousModelVersion == before.modelVersion)
        let after = try await Self.health(server)
        #expect(after.modelVersion == reloaded.modelVersion)
        #expect(after.modelVersion != before.modelVersion)

        let answered = try await Self.say("A-10234", in: asked, server)
        #expect(answered.replies.map(\.text) == ["Order A-10234 is on its way."])
        #expect(try await Self.say("when are you open", server).replies.last?.text == "We are open from 9 to 5.")

        let transcript = try await server.service.store.transcript(conversationId: asked.conversationId)
        #expect(
            transcript.filter { $0.sender != .system }.map(\.modelVersion) == [
                before.modelVersion, before.modelVersion, before.modelVersion, after.modelVersion, after.modelVersion,
            ])
        let versions = try await server.service.store.modelVersions(limit: 10)
        #expect(versions.map(\.kind) == [.retrained, .started])
        #expect(versions.map(\.version) == [after.modelVersion, before.modelVersion])
        #expect(versions.first?.files.contains("hours.yml") == true)
        let tokenId = try #require(try await server.service.store.accessTokens().first?.id)
        #expect(versions.first?.loadedBy == "token:\(tokenId)")
        let audit = try await server.service.store.auditLog(since: nil, limit: 5)
        #expect(audit.first?.action == .reload)
        #expect(audit.first?.target == after.modelVersion)
        try await server.stop()
    }

    @Test func changedRepliesApplyWithoutRetraining() async throws {
        let server = try await TestServer.start()
        let token = try await server.service.issueToken(.admin)
        let before = try await Self.health(server)
        try server.folder.write(
            "responses/shop.yml",
            TestServer.responses.replacingOccurrences(of: "Refunds take 5 days.", with: "Refunds take 3 days."))
        let (status, result) = try await Self.reload(server, token: token)
        #expect(status == 200)
        #expect(result?.status == .reloaded)
        #expect(result?.retrained == false)
        let after = try await Self.health(server)
        #expect(after.modelVersion == before.modelVersion)
        #expect(after.repliesVersion != before.repliesVersion)
        #expect(try await Self.say("can I get a refund", server).replies.last?.text == "Refunds take 3 days.")
        #expect(try await Self.reload(server, token: token).result?.status == .unchanged)
        #expect(try await server.service.store.modelVersions(limit: 10).map(\.kind) == [.repliesOnly, .started])
        try await server.stop()
    }

    @Test func changedOfficeHoursApplyToTheDeskWithoutARestart() async throws {
        struct Hours: Decodable {
            struct Info: Decodable { var open: Bool }
            var officeHours: Info
        }
        let server = try await TestServer.start(bot: "name: Shop\n")
        let token = try await server.service.issueToken(.trainer)
        let health = {
            try Self.decode(Hours.self, try await HTTPExchange.send("GET", "/health", port: server.ports.http))
        }
        #expect(try await health().officeHours.open)
        // Agents are away today and tomorrow (holidays), whatever the time of day the test runs.
        let day = DateFormatter()
        day.dateFormat = "yyyy-MM-dd"
        day.timeZone = TimeZone(identifier: "UTC")
        let holidays = [Date(), Date().addingTimeInterval(86_400)].map { "\"\(day.string(from: $0))\"" }
        try server.folder.write(
            "bot.yml",
            """
            name: Shop
            office_hours:
              time_zone: UTC
              days: [mon, tue, wed, thu, fri, sat, sun]
              open: "00:00"
              close: "23:59"
              holidays: [\(holidays.joined(separator: ", "))]
            """)
        let (status, result) = try await Self.reload(server, token: token)
        #expect(status == 200)
        #expect(result?.status == .reloaded)
        #expect(result?.warnings.contains { $0.contains("office_hours") } == false)
        #expect(try await health().officeHours.open == false)
        #expect(server.service.desk.officeHours != nil)
        try await server.stop()
    }

    @Test func filesWithMistakesAreRefusedWithEveryOneAndTheRunningBotGoesOn() async throws {
        let server = try await TestServer.start()
        let token = try await server.service.issueToken(.trainer)
        let before = try await Self.health(server)
        try server.folder.write(
            "intents/hours.yml", "intent: opening_hours\nexamples:\n  - when are you open\n  - [oops\n")
        try server.folder.write(
            "responses/shop.yml", TestServer.responses.replacingOccurrences(of: "{{order_id}}", with: "{{#order_id}"))
        let (status, result) = try await Self.reload(server, token: token)
        #expect(status == 422)
        #expect(result?.status == .invalid)
        #expect(result?.errors.contains { $0.contains("intents/hours.yml:") } == true, "\(result?.errors ?? [])")
        #expect(try await Self.health(server).modelVersion == before.modelVersion)
        #expect(try await Self.say("can I get a refund", server).replies.last?.text == "Refunds take 5 days.")
        #expect(try await server.service.store.modelVersions(limit: 10).map(\.kind) == [.started])

        try server.folder.write("intents/hours.yml", Self.hoursIntent)
        let second = try await Self.reload(server, token: token)
        #expect(second.status == 422)
        #expect(
            second.result?.errors.contains { $0.contains("responses/shop.yml:6") } == true,
            "\(second.result?.errors ?? [])")
        #expect(try await Self.health(server).modelVersion == before.modelVersion)
        try await server.stop()
    }

    @Test func onlyTrainersAndAdminsMayReload() async throws {
        let server = try await TestServer.start()
        #expect(try await Self.reload(server, token: nil).status == 401)
        let agent = try await server.service.issueToken(.agent)
        #expect(try await Self.reload(server, token: agent).status == 403)
        let admin = try await server.service.issueToken(.admin)
        #expect(try await Self.reload(server, token: admin).result?.status == .unchanged)
        let refusal = try await server.service.store.auditLog(since: nil, limit: 10).first {
            $0.action == .accessRefused
        }
        #expect(refusal?.detail == "role agent may not train")
        try await server.stop()
    }

    @Test func twoReloadsAtOnceSwapOneBotOnly() async throws {
        let server = try await TestServer.start()
        let token = try await server.service.issueToken(.trainer)
        try server.folder.write("intents/hours.yml", Self.hoursIntent)
        try server.folder.write("responses/shop.yml", TestServer.responses + Self.hoursResponse)
        async let first = Self.reload(server, token: token)
        async let second = Self.reload(server, token: token)
        let statuses = [try await first, try await second].compactMap(\.result?.status)
        #expect(statuses.filter { $0 == .reloaded }.count == 1)
        #expect(statuses.count == 2)
        #expect(Set(statuses).isSubset(of: [.reloaded, .busy, .unchanged]))
        #expect(try await server.service.store.modelVersions(limit: 10).map(\.kind) == [.retrained, .started])
        try await server.stop()
    }
}

/// The checks before a new bot goes live: its model against the running one,
/// and the conversation tests.
@Suite(.timeLimit(.minutes(10))) struct ReloadCheckTests {
    /// An intent that takes refund's words: both become hard to tell apart.
    static let refundTwin = """
        intent: refund_question
        examples:
          - I want my money back please
          - can I get a refund for it
          - please refund my order
          - how long does a refund take
          - I returned it but got no refund yet
          - give me a refund today
          - when am I refunded
          - refund please
        """

    @Test func aModelThatScoresWorseIsRefusedWithTheComparisonUnlessForced() async throws {
        let server = try await TestServer.start()
        let token = try await server.service.issueToken(.trainer)
        let before = try await BotReloaderTests.health(server)
        try server.folder.write("intents/twin.yml", Self.refundTwin)
        try server.folder.write(
            "responses/shop.yml",
            TestServer.responses + "\n  - intent: refund_question\n    replies: [\"Refunds take 5 days.\"]\n")
        let (status, result) = try await BotReloaderTests.reload(server, token: token)
        #expect(status == 422)
        let refused = try #require(result)
        #expect(refused.status == .refused)
        #expect(refused.message.contains("macro-F1"))
        let comparison = try #require(refused.comparison)
        #expect(comparison.macroF1After < comparison.macroF1Before - 0.01)
        #expect(comparison.sharedMacroF1After < comparison.sharedMacroF1Before - 0.01)
        let refund = try #require(comparison.perIntent.first { $0.intent == "refund" })
        #expect((refund.after ?? 1) < (refund.before ?? 0))
        #expect(comparison.perIntent.contains { $0.intent == "refund_question" && $0.before == nil })
        #expect(comparison.changedPredictions.contains { $0.intent == "refund_question" || $0.before == "refund" })
        #expect(try await BotReloaderTests.health(server).modelVersion == before.modelVersion)

        let forced = try await HTTPExchange.send(
            "POST", "/api/admin/reload", port: server.ports.http, body: #"{"force":true}"#, token: token)
        let result2 = try WireCoding.decode(ReloadResult.self, from: forced.body)
        #expect(forced.status == 200)
        #expect(result2.status == .reloaded)
        #expect(result2.warnings.contains { $0.hasPrefix("forced past: macro-F1") })
        let stored = try #require(try await server.service.store.modelVersions(limit: 1).first)
        #expect(stored.macroF1 == result2.comparison?.macroF1After)
        #expect(stored.evaluation?.contains("\"per_intent\"") == true)
        try await server.stop()
    }

    @Test func aFailingConversationTestRefusesTheReload() async throws {
        let server = try await TestServer.start()
        let token = try await server.service.issueToken(.trainer)
        try server.folder.write(
            "conversations/refunds.yml",
            """
            conversations:
              - name: refunds are quick
                turns:
                  - customer: can I get a refund
                    intent: refund
                    reply_contains: 5 days
            """)
        try server.folder.write(
            "responses/shop.yml",
            TestServer.responses.replacingOccurrences(of: "Refunds take 5 days.", with: "Refunds take a week."))
        let (status, result) = try await BotReloaderTests.reload(server, token: token)
        #expect(status == 422)
        #expect(result?.status == .refused)
        #expect(result?.conversationTests == 1)
        #expect(result?.errors.contains { $0.contains("refunds.yml:") && $0.contains("5 days") } == true)
        #expect(
            try await BotReloaderTests.say("can I get a refund", server).replies.last?.text == "Refunds take 5 days.")
        try await server.stop()
    }
}
