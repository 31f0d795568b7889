/// Everything a bot learns from: its intents and entity types, loaded from
/// the trainers' `intents/` folder.
public struct BotTrainingData: Sendable {
    public var intents: [IntentDefinition]
    public var entities: [EntityDefinition]
    /// SHA-256 over the files' names and contents: the model version.
    public var sourceHash: String
    /// The files read, relative to the folder, sorted.
    public var files: [String]
    /// What YAML accepts but a person may not have meant (`file:line`); nothing stops for them.
    public var warnings: [ValidationIssue] = []

    public init(intents: [IntentDefinition], entities: [EntityDefinition], sourceHash: String, files: [String]) {
        self.intents = intents
        self.entities = entities
        self.sourceHash = sourceHash
        self.files = files
    }

    /// Every example of every intent.
    public var examples: [LabeledExample] { intents.flatMap(\.examples) }
}
