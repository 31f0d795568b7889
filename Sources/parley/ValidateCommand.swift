import ArgumentParser
import ParleyBot

/// `parley validate`: check the trainers' files without training.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the intents and responses folders and the settings; list every problem as file:line: message."
    )

    @OptionGroup var bot: BotOptions

    func run() throws {
        do {
            let configuration = try bot.configuration()
            let data = try IntentFiles.load(folder: bot.intents)
            let responses = try ResponseFiles.load(
                folder: bot.responses, intents: data, actions: Set(configuration.actions.keys))
            print(
                "\(bot.intents): \(data.intents.count) intents, \(data.examples.count) examples, \(data.entities.count) entity types; "
                    + "\(bot.responses): \(responses.byIntent.count) responses: OK")
        } catch {
            throw fail(error)
        }
    }
}
