import Foundation
import ParleyBot
import ParleyNLP
import ParleyTestSupport
import Testing

/// The shipped demo bot (`intents/`, `responses/`, `bot.yml`) and its scripted
/// conversations (`Tests/Conversations`), as `parley test-conversations` plays them.
@Suite struct ShippedBotTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The shipped bot, trained once for the suite on a thread of its own (training blocks).
    static let shipped = Task { try await OwnThread.run { try loadBot() } }

    static func loadBot(extraSettings: String = "") throws -> Bot {
        let folder = try TemporaryFolder()
        var configuration = root + "/bot.yml"
        if !extraSettings.isEmpty {
            let settings = try String(contentsOfFile: configuration, encoding: .utf8)
            configuration = try folder.write("bot.yml", settings + "\n" + extraSettings + "\n")
        }
        let paths = Bot.Paths(
            intents: root + "/intents", responses: root + "/responses", configuration: configuration,
            model: folder.path + "/model.parley")
        return try Bot.load(paths).bot
    }

    @Test func scriptedConversationsPass() async throws {
        let bot = try await Self.shipped.value
        let scripts = try ConversationScripts.load(path: Self.root + "/Tests/Conversations")
        #expect(scripts.count >= 10)
        var failures: [ConversationTester.Failure] = []
        for script in scripts { failures += await ConversationTester(bot: bot).run(script) }
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyIntentHasEnoughExamples() throws {
        let data = try IntentFiles.load(folder: Self.root + "/intents")
        #expect(data.intents.count >= 25)
        for intent in data.intents { #expect(intent.examples.count >= 20, "\(intent.name)") }
    }

    @Test func twoQuestionsGetOneAnswerWhenTheSettingIsOff() async throws {
        let message = "When are you open? Also, which payment methods do you take?"
        let customer = CustomerProfile()
        let now = try #require(ISO8601DateFormatter().date(from: "2026-11-25T10:00:00Z"))
        var state = ConversationState(id: "c-1")
        let on = try await Self.shipped.value
        let both = on.policy.decide(on.pipeline.analyze(message), state: &state, customer: customer, now: now)
        #expect(both.rule == .twoIntents)
        #expect(both.text?.contains("PayPal") == true && both.text?.contains("Monday to Friday") == true)
        let off = try await OwnThread.run { try Self.loadBot(extraSettings: "answer_two_intents: false") }
        state = ConversationState(id: "c-2")
        let one = off.policy.decide(off.pipeline.analyze(message), state: &state, customer: customer, now: now)
        #expect(one.rule != .twoIntents)
        #expect(!(one.text?.contains("PayPal") == true && one.text?.contains("Monday to Friday") == true))
    }

    @Test func emojiAloneAreUnderstood() async throws {
        let bot = try await Self.shipped.value
        #expect(bot.pipeline.analyze("👍").intent?.name == "affirm")
        #expect(bot.pipeline.analyze("👍🏼").intent?.name == "affirm")
        #expect(bot.pipeline.analyze("🙂").intent?.name == "thanks")
        #expect(bot.pipeline.analyze("😡").intent?.name == "abuse")
        #expect(bot.pipeline.analyze("😡").sentiment.label == .negative)
        #expect(bot.pipeline.analyze("wat is ur retrun polcy").intent?.name == "return_item")
    }
}
