/// A message after tokenisation, normalisation and stemming: what feature
/// extraction and entity rules work on.
public struct PreprocessedText: Sendable, Hashable {
    public var text: String
    public var tokens: [Token]
    /// The stem of each token (its normalised form where no stemmer applies).
    public var stems: [String]

    public init(text: String, tokens: [Token], stems: [String]) {
        precondition(tokens.count == stems.count, "one stem per token")
        self.text = text
        self.tokens = tokens
        self.stems = stems
    }
}
