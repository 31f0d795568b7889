/// One intent from a trainer's file: what customers mean, with examples.
public struct IntentDefinition: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var examples: [LabeledExample]
    /// Where the intent is declared.
    public var location: SourceLocation

    public init(name: String, description: String?, examples: [LabeledExample], location: SourceLocation) {
        self.name = name
        self.description = description
        self.examples = examples
        self.location = location
    }
}
