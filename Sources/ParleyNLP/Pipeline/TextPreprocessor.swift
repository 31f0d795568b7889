/// Tokenises, normalises and stems a message for one language.
public struct TextPreprocessor: Sendable {
    public let language: String
    public let tokenizer: Tokenizer
    public let stemmer: any Stemmer

    /// A preprocessor for `language` (a BCP 47 code such as "en"): English
    /// gets the Snowball stemmer, other languages keep their words unstemmed.
    public init(language: String = "en") {
        self.language = language
        self.tokenizer = Tokenizer()
        self.stemmer = language.lowercased().hasPrefix("en") ? EnglishStemmer() : IdentityStemmer()
    }

    public func preprocess(_ text: String) -> PreprocessedText {
        let tokens = tokenizer.tokenize(text)
        let stems = tokens.map { token -> String in
            guard token.kind == .word, token.normalized.utf8.allSatisfy({ $0 < 0x80 }) else {
                return token.normalized
            }
            return stemmer.stem(token.normalized)
        }
        return PreprocessedText(text: text, tokens: tokens, stems: stems)
    }
}
