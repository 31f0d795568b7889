import ArgumentParser
import ParleyBot
import ParleyStore

/// `parley inbox`: what the bot did not understand, grouped for trainers.
struct InboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "Messages the bot did not understand, grouped by similarity: ideas for new examples or intents."
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Look at this many of the latest misunderstood messages.") var limit = 500
    @Option(help: "Output format: text or json.") var format = OutputFormat.text

    func run() async throws {
        do {
            let messages = try await storeOptions.openExisting().fallbackInbox(limit: limit)
            let groups = FallbackInbox().group(messages, text: \.text)
            if format == .json { return try printJSON(groups) }
            if groups.isEmpty { printText("nothing misunderstood") }
            for group in groups {
                printText("\(group.messages.count)×  \(group.label)")
                for message in group.messages.prefix(5) { printText("      \(message.text)") }
            }
        } catch {
            throw fail(error)
        }
    }
}
