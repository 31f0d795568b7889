import ArgumentParser

/// Where a command finds the trainers' files and the trained model.
struct BotOptions: ParsableArguments {
    @Option(help: "The intents folder.")
    var intents = "intents"

    @Option(help: "The model file.")
    var model = ".parley/model.parley"
}
