internal import Foundation
internal import ParleyNLP

/// A bot built from its files, with what it was built from. The server keeps
/// the running one, so that a reload reuses its model when only the replies
/// or messages changed, and compares a new model with it.
public struct BotBuild: Sendable {
    public let bot: Bot
    /// The intents and examples the model was trained on.
    public let data: BotTrainingData
    public let artifact: ModelArtifact
    public let responses: BotResponses
    /// The settings as read, before a fitted fallback threshold is applied.
    public let configuration: BotConfiguration
    /// Whether the model was trained for this build (not reused, not read from the model file).
    public let retrained: Bool
    /// What the files may not mean as written (`BotFiles.warnings`).
    public let warnings: [ValidationIssue]

    /// Builds the bot from the files at `paths`. The model is `previous`'s
    /// when it was trained from the same intent files and language settings
    /// (a change of replies or messages needs no training), else the model
    /// file's when that is up to date, else a newly trained one, written to
    /// the model file. Every mistake in the files is thrown at once (`BotFiles.read`).
    public static func load(_ paths: Bot.Paths, reusing previous: BotBuild? = nil) throws -> BotBuild {
        let files = try BotFiles.read(paths)
        let (configuration, data, responses) = (files.configuration, files.data, files.responses)
        let artifact: ModelArtifact
        let pipeline: Pipeline
        let retrained: Bool
        if let previous, BotModel.isCurrent(previous.artifact, for: data, configuration: configuration.nlu),
            previous.configuration.dateOrder == configuration.dateOrder
        {
            (artifact, pipeline, retrained) = (previous.artifact, previous.bot.pipeline, false)
        } else {
            (artifact, retrained) = try BotModel.load(data, modelPath: paths.model, configuration: configuration.nlu)
            pipeline = try BotModel.pipeline(for: artifact, dateOrder: configuration.dateOrder)
        }
        var policySettings = configuration
        if configuration.fitsFallbackThreshold, let fitted = artifact.metadata.fallback?.threshold {
            policySettings.fallbackThreshold = fitted
        }
        let bot = Bot(
            pipeline: pipeline, policy: DialoguePolicy(configuration: policySettings, responses: responses),
            modelVersion: artifact.metadata.version,
            repliesVersion: Self.repliesVersion(responses: responses, configurationPath: paths.configuration))
        return BotBuild(
            bot: bot, data: data, artifact: artifact, responses: responses, configuration: configuration,
            retrained: retrained, warnings: files.warnings)
    }

    /// The first 12 hexadecimal digits of SHA-256 over the responses' files and the settings file.
    static func repliesVersion(responses: BotResponses, configurationPath: String) -> String {
        var digest = FileDigest()
        digest.add(file: "responses", contents: Data(responses.sourceHash.utf8))
        digest.add(
            file: (configurationPath as NSString).lastPathComponent,
            contents: FileManager.default.contents(atPath: configurationPath) ?? Data())
        return String(digest.hex().prefix(12))
    }
}
