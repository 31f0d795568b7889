/// Which features the intent classifier sees, and how they are weighted.
///
/// The defaults are TF-IDF over word 1–2-grams of stems plus character
/// 2–5-grams inside word boundaries (robust to typos), with sublinear term
/// frequency and each block L2-normalised.
public struct FeatureConfiguration: Sendable, Hashable, Codable {
    /// Shortest and longest word n-gram over stems.
    public var wordNgrams: ClosedRange<Int>
    /// Shortest and longest character n-gram inside a word padded with spaces;
    /// nil turns character features off.
    public var charNgrams: ClosedRange<Int>?
    /// Whether stopwords are left out of the word n-grams.
    public var removeStopwords: Bool
    /// Features seen in fewer training messages than this are dropped.
    public var minDocumentFrequency: Int
    /// Weight of the character block relative to the word block.
    public var charWeight: Float

    public init(
        wordNgrams: ClosedRange<Int> = 1...2,
        charNgrams: ClosedRange<Int>? = 2...5,
        removeStopwords: Bool = false,
        minDocumentFrequency: Int = 1,
        charWeight: Float = 1
    ) {
        self.wordNgrams = wordNgrams
        self.charNgrams = charNgrams
        self.removeStopwords = removeStopwords
        self.minDocumentFrequency = minDocumentFrequency
        self.charWeight = charWeight
    }
}
