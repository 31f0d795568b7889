internal import Foundation

/// A stopword list: function words that usually say little about what a
/// customer wants.
///
/// The English list deliberately keeps words that carry intent: negations
/// ("not", "no", "never", "n't" expanded to "not"), question words ("how",
/// "where", "when", "why", "what", "which", "who") and modal verbs ("can",
/// "should"), so "I can't log in" and "how do I log in" stay apart.
public struct Stopwords: Sendable, Hashable, Codable {
    public let words: Set<String>

    public init(_ words: some Sequence<String>) {
        self.words = Set(words.map { TextNormalizer.normalize($0) })
    }

    /// Whether `word` (normalised) is a stopword.
    public func contains(_ word: String) -> Bool { words.contains(word) }

    /// No stopwords at all.
    public static let none = Stopwords([String]())

    /// The default English list.
    public static let english = Stopwords(
        """
        a an the this that these those it its it's 's itself i me my myself we our ours ourselves you your yours \
        yourself yourselves he him his himself she her hers herself they them their theirs themselves \
        am is are was were be been being have has had having do does did doing would will shall \
        and but if or because as until while of at by for with about against between into through during \
        before after above below to from up down in out on off over under again further then once here there \
        all any both each few more most other some such only own same so than too very just also um uh
        """.split(separator: " ").map(String.init)
    )

    /// The Chinese list: stopwords-iso's (MIT licence, `Resources/STOPWORDS-ISO-NOTICE.txt`)
    /// less negations, question words and modal verbs, from `Resources/stopwords_zh.txt`
    /// (derived by `scripts/derive-stopwords.py`), read at its first use.
    public static let chinese = resource("stopwords_zh")

    /// The Japanese list, made like the Chinese one (less ない, ず, どこ, 何, できる …),
    /// from `Resources/stopwords_ja.txt`.
    public static let japanese = resource("stopwords_ja")

    /// The list for a language code (English, Chinese, Japanese), or `none` for languages
    /// without one. Korean has none: its words carry their particles ("주문은"), so
    /// whole-word stopwords seldom match (`scripts/derive-stopwords.py` says more).
    public static func forLanguage(_ code: String) -> Stopwords {
        let code = code.lowercased()
        if code.hasPrefix("en") { return .english }
        if code.hasPrefix("zh") { return .chinese }
        if code.hasPrefix("ja") { return .japanese }
        return .none
    }

    /// The list in `Resources/NAME.txt`: one word a line, `# ` lines are comments.
    private static func resource(_ name: String) -> Stopwords {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            fatalError("ParleyNLP's \(name).txt is missing: ship Parley_ParleyNLP.resources beside the binary")
        }
        return Stopwords(text.split(separator: "\n").filter { !$0.hasPrefix("# ") && !$0.isEmpty }.map(String.init))
    }
}
