import ArgumentParser
import ParleyServer
import ParleyStore

/// `parley review assign INTENT ID…`: reviewed messages become examples of an intent.
struct ReviewAssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Add messages (by id, from 'parley review') as examples of an intent, in its file.",
        discussion: """
            Each message becomes a '- ' line after the intent's last example, indented like it; \
            the rest of the file stays as it was. An unknown intent or message id, or a message \
            that is already an example, changes no file. 'parley reload' puts the examples live.
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var bot: BotOptions
    @Argument(help: "The intent the messages belong to.") var intent: String
    @Argument(help: "Message ids, as 'parley review' shows them.") var ids: [Int64]

    func run() async throws {
        do {
            let store = try storeOptions.openExisting()
            let inbox = ReviewInbox(store: store, paths: bot.paths, configuration: try bot.configuration())
            let outcome = try await inbox.assign(ids, to: intent, by: CommandLineAudit.actor)
            try await CommandLineAudit.record(.review, target: intent, detail: outcome.auditDetail, in: store)
            let (file, lines) = (outcome.files[0].path, outcome.files[0].lines ?? [])
            print(
                "added \(lines.count) example\(lines.count == 1 ? "" : "s") to '\(intent)' in \(file) "
                    + "(line\(lines.count == 1 ? "" : "s") \(lines.map(String.init).joined(separator: ", "))); "
                    + "parley reload puts them live")
        } catch {
            throw fail(error)
        }
    }
}
