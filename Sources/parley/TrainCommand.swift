import ArgumentParser
import Foundation
import ParleyBot

/// `parley train`: validate the intents folder and write a model file.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Validate the bot's files, train the intent classifier and write the model file."
    )

    @OptionGroup var bot: BotOptions

    func run() throws {
        do {
            let configuration = try bot.configuration()
            let data = try IntentFiles.load(folder: bot.intents)
            _ = try ResponseFiles.load(
                folder: bot.responses, intents: data, actions: Set(try bot.configuration().actions.keys))
            let clock = ContinuousClock()
            let started = clock.now
            let artifact = try BotModel.train(data, configuration: configuration.nlu)
            let seconds = (clock.now - started).seconds
            try artifact.write(to: bot.model)
            let metadata = artifact.metadata
            print(
                "Trained model \(metadata.version) on \(metadata.exampleCount) examples of \(metadata.labels.count) intents "
                    + "(\(metadata.dimension) features) in \(String(format: "%.2f", seconds)) s; wrote \(bot.model)")
        } catch {
            throw fail(error)
        }
    }
}
