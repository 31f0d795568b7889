/// Tokenises, normalises and stems a message for one language.
public struct TextPreprocessor: Sendable {
    public let language: String
    public let tokenizer: Tokenizer
    public let stemmer: any Stemmer

    /// Whether Chinese words are normalised to simplified characters ("訂單" → "订单").
    public let simplifiesChinese: Bool

    /// A preprocessor for `language` (a BCP 47 code such as "en"): English
    /// gets the Snowball stemmer, other languages keep their words unstemmed;
    /// Chinese ("zh…") words are normalised to simplified characters, so a bot
    /// trained in simplified Chinese reads traditional too.
    public init(language: String = "en") {
        self.language = language
        self.tokenizer = Tokenizer()
        self.stemmer = language.lowercased().hasPrefix("en") ? EnglishStemmer() : IdentityStemmer()
        self.simplifiesChinese = language.lowercased().hasPrefix("zh")
    }

    public func preprocess(_ text: String) -> PreprocessedText {
        var tokens = tokenizer.tokenize(text)
        if simplifiesChinese {
            for index in tokens.indices where tokens[index].kind == .ideographic {
                tokens[index].normalized = ChineseScript.simplified(tokens[index].normalized)
            }
        }
        let stems = tokens.map { token -> String in
            guard token.kind == .word, token.normalized.utf8.allSatisfy({ $0 < 0x80 }) else {
                return token.normalized
            }
            return stemmer.stem(token.normalized)
        }
        return PreprocessedText(text: text, tokens: tokens, stems: stems)
    }
}
