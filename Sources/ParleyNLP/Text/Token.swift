/// One token of a message, with its place in the original text.
public struct Token: Sendable, Hashable, Codable {
    /// What kind of text a token is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A word of an alphabetic script.
        case word
        /// A number such as `42`, `12.50` or `1,000`.
        case number
        /// Japanese kana, segmented with ICU's dictionary.
        case kana
        /// Chinese or Japanese ideographs, segmented with ICU's dictionary.
        case ideographic
        /// An email address, kept whole.
        case email
        /// A web address, kept whole.
        case url
        /// An emoji or emoji sequence.
        case emoji
        /// Punctuation or another symbol.
        case punctuation
    }

    /// The token exactly as written.
    public var text: String
    /// The token after NFKC normalisation and full case folding
    /// (contractions expanded: "n't" becomes "not").
    public var normalized: String
    public var kind: Kind
    /// Offset of the first Unicode code point in the original text.
    public var start: Int
    /// Offset just past the last code point (end exclusive).
    public var end: Int

    public init(text: String, normalized: String, kind: Kind, start: Int, end: Int) {
        self.text = text
        self.normalized = normalized
        self.kind = kind
        self.start = start
        self.end = end
    }

    /// Whether the token carries meaning for the classifier (words, numbers,
    /// addresses), as opposed to punctuation and emoji.
    public var isLexical: Bool {
        switch kind {
        case .word, .number, .kana, .ideographic, .email, .url: true
        case .emoji, .punctuation: false
        }
    }
}
