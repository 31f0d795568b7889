/// A training or test message with its intent and annotated entities.
public struct LabeledExample: Sendable, Hashable {
    /// The message as a customer would type it (annotations removed).
    public var text: String
    public var intent: String
    public var entities: [EntityAnnotation]
    /// Where the example came from.
    public var location: SourceLocation

    public init(text: String, intent: String, entities: [EntityAnnotation] = [], location: SourceLocation) {
        self.text = text
        self.intent = intent
        self.entities = entities
        self.location = location
    }
}
