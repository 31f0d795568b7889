import ArgumentParser
import ParleyBot

/// `parley validate`: check the trainers' files without training.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the intents and responses folders and the settings; list every problem as file:line: message.",
        discussion: """
            Mistakes stop (exit status 1); warnings (an example that YAML joined to the one above \
            it, an intent with fewer than min_examples_per_intent examples, most examples in a script \
            that the language of the settings given with --config does not use) are printed and do not.
            """
    )

    @OptionGroup var bot: BotOptions

    func run() throws {
        do {
            let files = try BotFiles.read(bot.paths)
            let (data, responses) = (files.data, files.responses)
            for warning in files.warnings { print("\(warning.location): warning: \(warning.message)") }
            print(
                "\(bot.intents): \(data.intents.count) intents, \(data.examples.count) examples, \(data.entities.count) entity types; "
                    + "\(bot.responses): \(responses.byIntent.count) responses: OK"
                    + (files.warnings.isEmpty ? "" : " (\(files.warnings.count) warnings)"))
        } catch {
            throw fail(error)
        }
    }
}
