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

    static func loadBot() throws -> Bot {
        let folder = try TemporaryFolder()
        let paths = Bot.Paths(
            intents: root + "/intents", responses: root + "/responses", configuration: root + "/bot.yml",
            model: folder.path + "/model.parley")
        return try Bot.load(paths).bot
    }

    /// The demo bot, trained once for the tests of this suite, on a thread of its own (training
    /// blocks, and the tests' tasks share two threads).
    static let trained = Task { try await OwnThread.run { try loadBot() } }

    @Test func scriptedConversationsPass() async throws {
        let bot = try await Self.trained.value
        let scripts = try ConversationScripts.load(path: Self.root + "/Tests/Conversations")
        #expect(scripts.count >= 10)
        var failures: [ConversationTester.Failure] = []
        for script in scripts { failures += await ConversationTester(bot: bot).run(script) }
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    @Test func theShippedBotHasItsIntents() async throws {
        let data = try IntentFiles.load(folder: Self.root + "/intents")
        #expect(data.intents.count >= 25)
    }

    @Test func twoQuestionsGetOneAnswerWhenTheSettingIsOff() async throws {
        let message = "When are you open? Also, which payment methods do you take?"
        let customer = CustomerProfile()
        let now = try #require(ISO8601DateFormatter().date(from: "2026-11-25T10:00:00Z"))
        var state = ConversationState(id: "c-1")
        let bot = try await Self.trained.value
        let analysis = bot.pipeline.analyze(message)
        let both = bot.policy.decide(analysis, state: &state, customer: customer, now: now)
        #expect(both.rule == .twoIntents)
        #expect(both.text?.contains("PayPal") == true && both.text?.contains("Monday to Friday") == true)
        var settings = bot.policy.configuration
        settings.answersTwoIntents = false
        let off = DialoguePolicy(configuration: settings, responses: bot.policy.responses)
        state = ConversationState(id: "c-2")
        let one = off.decide(analysis, state: &state, customer: customer, now: now)
        #expect(one.rule != .twoIntents)
        #expect(!(one.text?.contains("PayPal") == true && one.text?.contains("Monday to Friday") == true))
    }

    @Test func onlyAnEntityAloneThatAnIntentRequiresIsAskedAbout() async throws {
        let bot = try await Self.trained.value
        let now = try #require(ISO8601DateFormatter().date(from: "2026-11-25T10:00:00Z"))
        func rule(_ message: String) -> DialogueRule {
            var state = ConversationState(id: "c-1")
            return bot.policy.decide(
                bot.pipeline.analyze(message), state: &state, customer: CustomerProfile(), now: now
            )
            .rule
        }
        // Also the order numbers of the training examples, which the classifier has seen with an intent.
        for message in ["A-10234", " #A-10234. ", "(A-10234)", "D-10001", "E-12345", "B-20931"] {
            #expect(rule(message) == .entityOnly, "\(message)")
        }
        // Words or a second number beside it, or a type no intent requires: no such question.
        for message in ["A-10234 blah", "A-10234 7", "ana@example.com"] {
            #expect(rule(message) != .entityOnly, "\(message)")
        }
    }

    @Test func emojiAloneAreUnderstood() async throws {
        let bot = try await Self.trained.value
        #expect(bot.pipeline.analyze("👍").intent?.name == "affirm")
        #expect(bot.pipeline.analyze("👍🏼").intent?.name == "affirm")
        #expect(bot.pipeline.analyze("🙂").intent?.name == "thanks")
        #expect(bot.pipeline.analyze("😡").intent?.name == "abuse")
        #expect(bot.pipeline.analyze("😡").sentiment.label == .negative)
        #expect(bot.pipeline.analyze("wat is ur retrun polcy").intent?.name == "return_item")
    }

    @Test func numericDatesAreReadAsInTheUK() async throws {
        // bot.yml's locale is en-GB: "3/12" is 3 December, as its customers write it.
        let bot = try await Self.trained.value
        let date = bot.pipeline.analyze("I ordered it on 3/12/2026").entities.first { $0.type == "datetime" }
        #expect(date?.value == "2026-12-03")
    }
}
