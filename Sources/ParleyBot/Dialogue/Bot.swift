public import ParleyNLP

/// A whole bot: its NLP pipeline and its dialogue policy, loaded from the
/// trainers' folders. Immutable: share it across conversations and threads.
public struct Bot: Sendable {
    public let pipeline: Pipeline
    public let policy: DialoguePolicy
    /// The model's version: the first 12 hexadecimal digits of the intent files' SHA-256.
    public let modelVersion: String
    /// The replies' version: the first 12 hexadecimal digits of SHA-256 over
    /// the responses' files and the settings file; empty when not built from files.
    public let repliesVersion: String

    public init(pipeline: Pipeline, policy: DialoguePolicy, modelVersion: String, repliesVersion: String = "") {
        self.pipeline = pipeline
        self.policy = policy
        self.modelVersion = modelVersion
        self.repliesVersion = repliesVersion
    }

    /// Where a bot's files are.
    public struct Paths: Sendable {
        public var intents: String
        public var responses: String
        public var configuration: String
        public var model: String
        /// Conversation scripts a reload plays against the new bot before it goes live; nil or missing: none.
        public var conversations: String?

        public init(
            intents: String = "intents", responses: String = "responses", configuration: String = "bot.yml",
            model: String = ".parley/model.parley", conversations: String? = nil
        ) {
            self.intents = intents
            self.responses = responses
            self.configuration = configuration
            self.model = model
            self.conversations = conversations
        }
    }

    /// Loads the bot, training the model first when the file is missing or
    /// older than the intent files or settings (`BotBuild.load`). With
    /// `fallback_threshold: auto` the policy falls back below the threshold
    /// fitted into the model.
    public static func load(_ paths: Paths) throws -> (bot: Bot, retrained: Bool) {
        let build = try BotBuild.load(paths)
        return (build.bot, build.retrained)
    }
}
