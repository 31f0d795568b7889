/// A trainer-defined entity type: a regular-expression pattern (order
/// numbers) or a catalogue of values with synonyms (products).
public struct EntityDefinition: Sendable, Hashable {
    /// A catalogue value and the other ways customers write it.
    public struct Value: Sendable, Hashable {
        public var value: String
        public var synonyms: [String]

        public init(value: String, synonyms: [String]) {
            self.value = value
            self.synonyms = synonyms
        }
    }

    /// How the entity is recognised.
    public enum Matcher: Sendable, Hashable {
        case patterns([String])
        case values([Value])
    }

    public var name: String
    public var matcher: Matcher
    public var location: SourceLocation

    public init(name: String, matcher: Matcher, location: SourceLocation) {
        self.name = name
        self.matcher = matcher
        self.location = location
    }

    /// Entity types recognised by Parley itself, which examples may annotate
    /// without defining them.
    public static let builtInTypes: Set<String> = ["email", "phone", "url", "money", "number", "ordinal", "datetime"]
}
