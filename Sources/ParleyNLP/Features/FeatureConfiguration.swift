/// Which features the intent classifier sees, and how they are weighted.
///
/// The defaults are TF-IDF over word 1–2-grams of stems plus character
/// 2–5-grams inside word boundaries (robust to typos), with sublinear term
/// frequency and each block L2-normalised. Word n-grams longer than one also
/// see the message's start and end, and "content bigrams" pair neighbouring
/// words once stopwords are skipped ("status of my order" → "status order").
public struct FeatureConfiguration: Sendable, Hashable, Codable {
    /// Shortest and longest word n-gram over stems.
    public var wordNgrams: ClosedRange<Int>
    /// Shortest and longest character n-gram inside a word padded with spaces;
    /// nil turns character features off.
    public var charNgrams: ClosedRange<Int>?
    /// Whether stopwords are left out of the word n-grams altogether.
    public var removeStopwords: Bool
    /// Whether word n-grams include markers for the start and end of the message.
    public var sentenceBoundaries: Bool
    /// Whether to add bigrams of neighbouring words with stopwords skipped.
    public var contentBigrams: Bool
    /// Features seen in fewer training messages than this are dropped.
    public var minDocumentFrequency: Int
    /// Weight of the character block relative to the word block.
    public var charWeight: Float
    /// Whether words never seen in training are corrected to the most frequent
    /// training word one edit away before features are taken (`SpellingCorrector`).
    public var correctsSpelling: Bool
    /// Shortest and longest character n-gram over each run of Chinese or Japanese
    /// tokens with nothing between them, padded with spaces, in place of the n-grams
    /// inside each of those tokens (sklearn's `char` analyzer, for scripts written
    /// without spaces, where a dictionary's word breaks are a guess); nil: off, as
    /// for English (and in model files written before it existed).
    public var ideographicNgrams: ClosedRange<Int>?

    public init(
        wordNgrams: ClosedRange<Int> = 1...2,
        charNgrams: ClosedRange<Int>? = 2...5,
        removeStopwords: Bool = false,
        sentenceBoundaries: Bool = true,
        contentBigrams: Bool = true,
        minDocumentFrequency: Int = 1,
        charWeight: Float = 1,
        correctsSpelling: Bool = true,
        ideographicNgrams: ClosedRange<Int>? = nil
    ) {
        self.wordNgrams = wordNgrams
        self.charNgrams = charNgrams
        self.removeStopwords = removeStopwords
        self.sentenceBoundaries = sentenceBoundaries
        self.contentBigrams = contentBigrams
        self.minDocumentFrequency = minDocumentFrequency
        self.charWeight = charWeight
        self.correctsSpelling = correctsSpelling
        self.ideographicNgrams = ideographicNgrams
    }

    /// The defaults for a language (BCP 47): Chinese and Japanese also get character
    /// 1–3-grams across their words (`ideographicNgrams`).
    public static func forLanguage(_ code: String) -> FeatureConfiguration {
        let code = code.lowercased()
        guard code.hasPrefix("zh") || code.hasPrefix("ja") else { return FeatureConfiguration() }
        return FeatureConfiguration(ideographicNgrams: 1...3)
    }
}
