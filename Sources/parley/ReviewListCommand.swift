import ArgumentParser
import Foundation
import ParleyBot
import ParleyServer

/// `parley review [list]`: the review inbox, grouped by similarity, biggest group first.
struct ReviewListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Messages the bot fell back on, answered unsure, or answered just before an agent took over.",
        discussion: """
            Grouped by the content words' stems the bot's classifier reads (most of the shorter \
            message's in the other), the biggest group first, with counts, dates and why each \
            message is here. Messages that are already examples in the intents folder, and those \
            decided on (assigned, out of scope, dismissed), are left out. Add messages to an intent with \
            'parley review assign INTENT ID…', then 'parley reload'.
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var bot: BotOptions
    @Option(help: "A bot answer below this confidence (0 to 1) is reviewed.") var below = 0.6
    @Option(help: "Look at this many of the latest messages to review.") var limit = 1000
    @Option(help: "Messages shown per group (text output).") var shown = 5
    @Option(help: "Output format: text or json.") var format = OutputFormat.text

    func run() async throws {
        do {
            let inbox = ReviewInbox(
                store: try storeOptions.openExisting(), paths: bot.paths, configuration: try bot.configuration())
            let (groups, knownChecked, truncated) = try await inbox.groups(lowConfidenceBelow: below, window: limit)
            if !knownChecked {
                note("\(bot.intents) does not validate, so messages already added as examples may be listed")
            }
            if truncated { note("only the latest \(limit) messages to review are grouped; see more with --limit") }
            if format == .json { return try printJSON(groups) }
            if groups.isEmpty { printText("nothing to review") }
            let day = Date.ISO8601FormatStyle().year().month().day()
            for group in groups {
                let reasons = group.reasons.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                printText(
                    "\(group.count)×  \(group.label)   \(reasons.joined(separator: ", "))   "
                        + "\(group.first.formatted(day)) – \(group.last.formatted(day))")
                for message in group.messages.prefix(shown) {
                    printText("      #\(message.id ?? 0)  \(message.text)")
                }
            }
            if !groups.isEmpty { printText("Assign messages to an intent: parley review assign INTENT ID…") }
        } catch {
            throw fail(error)
        }
    }
}
