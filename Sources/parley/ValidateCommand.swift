import ArgumentParser
import ParleyBot

/// `parley validate`: check the trainers' files without training.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the intents folder and list every problem as file:line: message."
    )

    @OptionGroup var bot: BotOptions

    func run() throws {
        do {
            let data = try IntentFiles.load(folder: bot.intents)
            print(
                "\(bot.intents): \(data.intents.count) intents, \(data.examples.count) examples, \(data.entities.count) entity types: OK"
            )
        } catch {
            throw fail(error)
        }
    }
}
