import ArgumentParser
import ParleyBot
import ParleyServer

/// `parley test-conversations`: play the scripted conversations against the bot.
struct TestConversationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-conversations",
        abstract: "Play scripted conversations against the bot and report every turn that goes differently.",
        discussion: """
            Actions on the demo shop (bot.yml demo_shop: true) are called in process, on a fresh copy of \
            the shop's orders for each conversation ('actions: down' in a script: as if the shop did not \
            answer); other actions are called over HTTP.
            """
    )

    @OptionGroup var bot: BotOptions

    @Argument(help: "Conversation script files or folders.")
    var scripts: [String] = ["Tests/Conversations"]

    func run() async throws {
        let loaded: Bot
        var all: [ConversationScript] = []
        do {
            loaded = try bot.loadBot()
            for path in scripts { all += try ConversationScripts.load(path: path) }
        } catch {
            throw fail(error)
        }
        let tester = ConversationTester(bot: loaded, others: WebhookActions())
        var failed = 0
        for script in all {
            let failures = await tester.run(script)
            if failures.isEmpty {
                print("ok    \(script.name)")
            } else {
                failed += 1
                print("FAIL  \(script.name)")
                for failure in failures { print("      \(failure)") }
            }
        }
        print("\(all.count - failed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode.failure }
    }
}
