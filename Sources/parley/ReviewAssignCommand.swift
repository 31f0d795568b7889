import ArgumentParser
import ParleyBot
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
            let messages = try await storeOptions.open().messages(ids: ids)
            let missing = Set(ids).subtracting(messages.compactMap(\.id))
            guard missing.isEmpty else {
                throw ValidationError(
                    "no message \(missing.sorted().map { "#\($0)" }.joined(separator: ", ")) in the store; no file was changed"
                )
            }
            let customers = messages.filter { $0.sender == .customer }
            guard customers.count == messages.count else {
                throw ValidationError("only customers' messages can become examples; no file was changed")
            }
            let (file, lines) = try IntentFileEditor(folder: bot.intents).append(customers.map(\.text), to: intent)
            print(
                "added \(lines.count) example\(lines.count == 1 ? "" : "s") to '\(intent)' in \(file) "
                    + "(line\(lines.count == 1 ? "" : "s") \(lines.map(String.init).joined(separator: ", "))); "
                    + "parley reload puts them live")
        } catch {
            throw fail(error)
        }
    }
}
