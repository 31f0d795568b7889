import ArgumentParser
import ParleyBot

/// Where a command finds the bot's files: intents, responses, settings and the trained model.
struct BotOptions: ParsableArguments {
    @Option(help: "The intents folder.")
    var intents = "intents"

    @Option(help: "The responses folder.")
    var responses = "responses"

    @Option(help: "The model file.")
    var model = ".parley/model.parley"

    @Option(help: "The bot's settings file (optional).")
    var config = "bot.yml"

    /// The bot's settings, or the defaults when the file does not exist.
    func configuration() throws -> BotConfiguration {
        try BotConfiguration.load(path: config)
    }

    var paths: Bot.Paths {
        Bot.Paths(intents: intents, responses: responses, configuration: config, model: model)
    }

    /// The bot, trained first if its model is missing or stale (said on standard error).
    func loadBot() throws -> Bot {
        try loadBuild().bot
    }

    /// The bot with what it was built from, trained first if its model is missing or stale (said on standard error).
    func loadBuild() throws -> BotBuild {
        let build = try BotBuild.load(paths)
        if build.retrained { note("trained model \(build.bot.modelVersion) from \(intents) into \(model)") }
        return build
    }
}
