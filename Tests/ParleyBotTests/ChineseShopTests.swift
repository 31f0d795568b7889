import Foundation
import ParleyBot
import ParleyNLP
import ParleyTestSupport
import Testing

/// The Chinese demo bot (`examples/zh-shop`) and its scripted conversations, as
/// `parley test-conversations` plays them.
@Suite struct ChineseShopTests {
    static let folder = ShippedBotTests.root + "/examples/zh-shop"

    static func loadBot() throws -> Bot {
        let model = try TemporaryFolder()
        let paths = Bot.Paths(
            intents: folder + "/intents", responses: folder + "/responses", configuration: folder + "/bot.yml",
            model: model.path + "/model.parley")
        return try Bot.load(paths).bot
    }

    /// Trained once for the suite, on a thread of its own.
    static let trained = Task { try await OwnThread.run { try loadBot() } }

    @Test func scriptedConversationsPass() async throws {
        let bot = try await Self.trained.value
        let scripts = try ConversationScripts.load(path: Self.folder + "/conversations")
        #expect(scripts.count >= 10)
        var failures: [ConversationTester.Failure] = []
        for script in scripts { failures += await ConversationTester(bot: bot).run(script) }
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyIntentHasEnoughExamples() throws {
        let data = try IntentFiles.load(folder: Self.folder + "/intents")
        #expect(data.intents.count >= 20)
        for intent in data.intents { #expect(intent.examples.count >= 20, "\(intent.name)") }
    }

    @Test func crossValidatedAccuracyReachesNinetyPercent() async throws {
        let report = try await OwnThread.run {
            let data = try IntentFiles.load(folder: Self.folder + "/intents")
            let configuration = try BotConfiguration.load(path: Self.folder + "/bot.yml")
            return try Evaluator(configuration: configuration.nlu).crossValidate(data.examples)
        }
        #expect(report.accuracy >= 0.90)
    }

    @Test func theBotReadsChinese() async throws {
        let bot = try await Self.trained.value
        let analysis = bot.pipeline.analyze("订单A-10234还没到，退我¥200")
        #expect(analysis.entities.map(\.value) == ["A-10234", "200 CNY"])
        #expect(analysis.sentiment.label == .negative)
        #expect(bot.pipeline.preprocessor.language == "zh")
    }

    /// What `bot` does with `text` as the first message of a conversation, on a Wednesday at 10:00 in London.
    static func firstDecision(_ text: String, by bot: Bot) throws -> DialogueDecision {
        let now = try #require(ISO8601DateFormatter().date(from: "2026-11-25T10:00:00Z"))
        var state = ConversationState(id: "c-1")
        return bot.policy.decide(bot.pipeline.analyze(text), state: &state, customer: CustomerProfile(), now: now)
    }

    @Test func theConfirmationButtonsSpeakChineseAndAreUnderstood() async throws {
        let bot = try await Self.trained.value
        let asked = try Self.firstDecision("请取消订单A-30456", by: bot)
        #expect(asked.action == .confirm)
        // The widget sends a button's label as the customer's message: each must read as its answer.
        #expect(asked.quickReplies.count == 2)
        let intents = asked.quickReplies.map { bot.pipeline.analyze($0).intent?.name }
        #expect(intents == ["affirm", "deny"], "\(asked.quickReplies)")
    }

    @Test func aMessageInAnotherScriptGetsTheOtherLanguageReply() async throws {
        let english = try Self.firstDecision("where is my order?", by: try await Self.trained.value)
        #expect(english.rule == .otherLanguage)
        #expect(english.text?.contains("只会说中文") == true)
        let answer = try Self.firstDecision("我的订单在哪里", by: try await ShippedBotTests.trained.value)
        #expect(answer.rule == .otherLanguage)
        #expect(answer.text == "Sorry, I only speak English.")
    }

    @Test func englishSentencesGetTheOtherLanguageReplyAndTrainedEnglishWordsTheirIntent() async throws {
        let now = try #require(ISO8601DateFormatter().date(from: "2026-11-25T10:00:00Z"))
        let chinese = try await Self.trained.value
        // Letters shared by chance with the few English examples ("bye", "thx") are no reading of a sentence.
        for text in [
            "I want to cancel my order", "My parcel never arrived, this is a week late", "Can I pay by bank transfer?",
            "How do I return these shoes", "Do you ship to Germany", "I need an invoice for my company",
            "What are your opening hours", "The mug arrived broken", "Thank you so much for your help",
        ] {
            var state = ConversationState(id: "c-1")
            let decision = chinese.policy.decide(
                chinese.pipeline.analyze(text), state: &state, customer: CustomerProfile(), now: now)
            #expect(decision.rule == .otherLanguage, "\(text): \(decision.intent ?? "none")")
        }
        // Words the bot was trained on keep their intent, inside English too.
        for (text, intent) in [
            ("hello", "greet"), ("bye", "goodbye"), ("thx", "thanks"), ("PayPal?", "payment_methods"),
        ] {
            #expect(chinese.pipeline.analyze(text).intent?.name == intent, "\(text)")
        }
    }

    @Test func theOtherLanguageReplyIsASetting() throws {
        let configuration = try BotConfiguration.parse(
            "language: zh\nmessages:\n  other_language: \"抱歉，请用中文。\"\n", path: "bot.yml")
        #expect(configuration.messages.otherLanguage?.render([:]) == "抱歉，请用中文。")
        #expect(throws: TrainingDataError.self) {
            try BotConfiguration.parse("messages:\n  other_language: [a]\n", path: "bot.yml")
        }
    }
}
