import Foundation
import ParleyBot
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

    @Test func scriptedConversationsPass() async throws {
        let bot = try Self.loadBot()
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
}
