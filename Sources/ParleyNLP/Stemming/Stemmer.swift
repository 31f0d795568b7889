/// Reduces an inflected word to its stem, so that "refunds", "refunded" and
/// "refunding" count as one feature.
///
/// Stemmers are pure values: share them across threads freely.
public protocol Stemmer: Sendable {
    /// The stem of `word`, which is already normalised (NFKC, case-folded).
    func stem(_ word: String) -> String
}

/// The stemmer for languages Parley has none for: every word is its own stem.
public struct IdentityStemmer: Stemmer {
    public init() {}

    public func stem(_ word: String) -> String { word }
}
