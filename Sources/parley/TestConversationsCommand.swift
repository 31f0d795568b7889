import ArgumentParser
import ParleyBot

/// `parley test-conversations`: play the scripted conversations against the bot.
struct TestConversationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-conversations",
        abstract: "Play scripted conversations against the bot and report every turn that goes differently."
    )

    @OptionGroup var bot: BotOptions

    @Argument(help: "Conversation script files or folders.")
    var scripts: [String] = ["Tests/Conversations"]

    func run() throws {
        let loaded: Bot
        var all: [ConversationScript] = []
        do {
            loaded = try bot.loadBot()
            for path in scripts { all += try ConversationScripts.load(path: path) }
        } catch {
            throw fail(error)
        }
        let tester = ConversationTester(bot: loaded)
        var failed = 0
        for script in all {
            let failures = tester.run(script)
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
