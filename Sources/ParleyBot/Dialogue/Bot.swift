public import Foundation
public import ParleyNLP

/// A whole bot: its NLP pipeline and its dialogue policy, loaded from the
/// trainers' folders. Immutable: share it across conversations and threads.
public struct Bot: Sendable {
    public let pipeline: Pipeline
    public let policy: DialoguePolicy
    /// The model's version (from the intent files' hash).
    public let modelVersion: String

    public init(pipeline: Pipeline, policy: DialoguePolicy, modelVersion: String) {
        self.pipeline = pipeline
        self.policy = policy
        self.modelVersion = modelVersion
    }

    /// Where a bot's files are.
    public struct Paths: Sendable {
        public var intents: String
        public var responses: String
        public var configuration: String
        public var model: String

        public init(
            intents: String = "intents", responses: String = "responses", configuration: String = "bot.yml",
            model: String = ".parley/model.parley"
        ) {
            self.intents = intents
            self.responses = responses
            self.configuration = configuration
            self.model = model
        }
    }

    /// Loads the bot, training the model first when the file is missing or
    /// older than the intent files or settings. With `fallback_threshold: auto`
    /// the policy falls back below the threshold fitted into the model.
    public static func load(_ paths: Paths) throws -> (bot: Bot, retrained: Bool) {
        var configuration = try BotConfiguration.load(path: paths.configuration)
        let data = try IntentFiles.load(folder: paths.intents)
        let responses = try ResponseFiles.load(
            folder: paths.responses, intents: data, actions: Set(configuration.actions.keys))
        let (artifact, retrained) = try BotModel.load(data, modelPath: paths.model, configuration: configuration.nlu)
        if configuration.fitsFallbackThreshold, let fitted = artifact.metadata.fallback?.threshold {
            configuration.fallbackThreshold = fitted
        }
        let bot = Bot(
            pipeline: try BotModel.pipeline(for: artifact),
            policy: DialoguePolicy(configuration: configuration, responses: responses),
            modelVersion: artifact.metadata.version
        )
        return (bot, retrained)
    }
}
