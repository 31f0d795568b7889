import ArgumentParser
import ParleyBot

/// Where a command finds the trainers' files and the trained model.
struct BotOptions: ParsableArguments {
    @Option(help: "The intents folder.")
    var intents = "intents"

    @Option(help: "The model file.")
    var model = ".parley/model.parley"

    @Option(help: "The bot's settings file (optional).")
    var config = "bot.yml"

    /// The bot's settings, or the defaults when the file does not exist.
    func configuration() throws -> BotConfiguration {
        try BotConfiguration.load(path: config)
    }
}
