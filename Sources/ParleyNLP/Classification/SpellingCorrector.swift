/// Corrects words the classifier never saw in training to the most frequent
/// training word one edit away (a letter deleted, inserted, replaced, or two
/// neighbours swapped: Damerau–Levenshtein distance 1), so "retrun polcy"
/// reads as "return policy".
///
/// Only words of `minimumLength` letters or more are corrected; when several
/// training words are one edit away, the one used by most training messages
/// wins (ties to the one seen first). Candidates are found through
/// single-deletion variants (SymSpell's symmetric delete method), so a
/// correction costs a few dictionary lookups per letter of the word.
public struct SpellingCorrector: Sendable {
    /// The training words, most frequent first.
    public let words: [String]
    /// The stem of each word, parallel to `words`.
    public let stems: [String]
    /// Words shorter than this are left alone.
    public let minimumLength: Int
    private let rank: [String: Int32]
    /// Every single-deletion variant of a training word → the words it comes from, best first.
    private let variants: [String: [Int32]]

    public init(words: [String], stems: [String], minimumLength: Int = 4) {
        precondition(words.count == stems.count, "one stem per word")
        self.words = words
        self.stems = stems
        self.minimumLength = minimumLength
        var rank: [String: Int32] = [:]
        var variants: [String: [Int32]] = [:]
        for (index, word) in words.enumerated() where rank[word] == nil {
            rank[word] = Int32(index)
            let scalars = Array(word.unicodeScalars)
            guard scalars.count >= minimumLength - 1 else { continue }
            var seen: Set<String> = []
            for position in scalars.indices {
                let variant = Self.string(scalars, without: position)
                if seen.insert(variant).inserted { variants[variant, default: []].append(Int32(index)) }
            }
        }
        self.rank = rank
        self.variants = variants
    }

    /// A corrector for the word tokens of `texts` (training messages), their
    /// words ranked by how many messages use them.
    public static func fit(_ texts: [PreprocessedText], minimumLength: Int = 4) -> SpellingCorrector {
        var counts: [String: (count: Int, first: Int, stem: String)] = [:]
        var order = 0
        for text in texts {
            var inMessage: Set<String> = []
            for (token, stem) in zip(text.tokens, text.stems) where token.kind == .word {
                guard inMessage.insert(token.normalized).inserted else { continue }
                if let entry = counts[token.normalized] {
                    counts[token.normalized] = (entry.count + 1, entry.first, entry.stem)
                } else {
                    counts[token.normalized] = (1, order, stem)
                    order += 1
                }
            }
        }
        let ranked = counts.sorted { ($0.value.count, -$0.value.first) > ($1.value.count, -$1.value.first) }
        return SpellingCorrector(
            words: ranked.map(\.key), stems: ranked.map(\.value.stem), minimumLength: minimumLength)
    }

    /// `text` with every unknown word of `minimumLength` letters or more that is
    /// one edit from a training word replaced (normalised form and stem) by
    /// that word; the tokens keep their text and offsets as written.
    public func correct(_ text: PreprocessedText) -> PreprocessedText {
        var corrected = text
        for (position, token) in text.tokens.enumerated() where token.kind == .word {
            guard rank[token.normalized] == nil, let index = correction(of: token.normalized) else { continue }
            corrected.tokens[position].normalized = words[index]
            corrected.stems[position] = stems[index]
        }
        return corrected
    }

    /// The index of the best training word one edit from `word`, if any.
    func correction(of word: String) -> Int? {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= minimumLength, scalars.count <= 40 else { return nil }
        var best = Int32.max
        // A letter too many: deleting one gives a training word.
        for position in scalars.indices {
            if let found = rank[Self.string(scalars, without: position)] { best = min(best, found) }
        }
        // A letter missing: the word is a deletion variant of training words.
        if let found = variants[word]?.first { best = min(best, found) }
        // A letter replaced or two swapped: a deletion variant in common.
        for position in scalars.indices {
            guard let candidates = variants[Self.string(scalars, without: position)] else { continue }
            for candidate in candidates where candidate < best {
                if Self.isOneReplacementOrSwap(scalars, Array(words[Int(candidate)].unicodeScalars)) {
                    best = candidate
                    break
                }
            }
        }
        return best == .max ? nil : Int(best)
    }

    /// Whether `a` and `b` (of equal length) differ in one letter or in two
    /// neighbouring letters swapped.
    static func isOneReplacementOrSwap(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        guard a.count == b.count else { return false }
        var differences: [Int] = []
        for index in a.indices where a[index] != b[index] {
            differences.append(index)
            if differences.count > 2 { return false }
        }
        switch differences.count {
        case 1: return true
        case 2:
            let (i, j) = (differences[0], differences[1])
            return j == i + 1 && a[i] == b[j] && a[j] == b[i]
        default: return false
        }
    }

    private static func string(_ scalars: [Unicode.Scalar], without position: Int) -> String {
        var view = String.UnicodeScalarView()
        for index in scalars.indices where index != position { view.append(scalars[index]) }
        return String(view)
    }
}
