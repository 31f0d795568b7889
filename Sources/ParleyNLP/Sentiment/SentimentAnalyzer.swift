internal import Foundation

/// Scores the sentiment of a message with the VADER rules (Hutto & Gilbert,
/// 2014) over the VADER lexicon, plus support-desk language a general
/// lexicon misses ("still waiting", "third time", "cancel my account").
///
/// Rules: negation within three words ("not happy"), intensifiers and
/// dampeners ("very", "slightly"), words in capitals among lower-case ones,
/// "!!!" and "??", contrast ("but" weighs what follows it more), emoticons
/// and emoji. Words missing from the lexicon fall back to their stem
/// ("disappointingly" → "disappoint"). A stateless value: share it freely.
public struct SentimentAnalyzer: Sendable {
    private let lexicon: [String: Double]
    private let stems: [String: Double]
    private let emoji: [Unicode.Scalar: Double]
    /// Lexicon words of seven or more letters by each of their one-letter deletions, for typos.
    private let deletions: [String: String]
    private let stemmer = EnglishStemmer()

    /// One analyzer for the whole process: building the lexicon tables takes a few milliseconds.
    public static let english = SentimentAnalyzer()

    public init() {
        var lexicon: [String: Double] = [:]
        for line in VaderLexicon.words.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            if parts.count == 2, let value = Double(parts[1]) { lexicon[String(parts[0])] = value }
        }
        for (phrase, value) in SupportDeskLexicon.words { lexicon[phrase] = value }
        var emoji: [Unicode.Scalar: Double] = [:]
        for line in VaderLexicon.emoji.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            if parts.count == 2, let scalar = parts[0].unicodeScalars.first, let value = Double(parts[1]) {
                emoji[scalar] = value
            }
        }
        for (scalar, value) in SupportDeskLexicon.emoji { emoji[scalar] = value }
        // Stems of lexicon words, for inflections the lexicon lacks; ambiguous stems are left out.
        var byStem: [String: [Double]] = [:]
        let stemmer = EnglishStemmer()
        for (word, value) in lexicon where word.allSatisfy({ $0.isLetter }) {
            byStem[stemmer.stem(word), default: []].append(value)
        }
        stems = byStem.compactMapValues { values in
            let mean = values.reduce(0, +) / Double(values.count)
            return values.allSatisfy({ ($0 > 0) == (mean > 0) }) ? mean : nil
        }
        var deletions: [String: String] = [:]
        for word in lexicon.keys.sorted() where word.count >= 7 && word.allSatisfy({ $0.isLetter }) {
            for variant in Self.oneDeletions(of: word) where deletions[variant] == nil { deletions[variant] = word }
        }
        self.deletions = deletions
        self.lexicon = lexicon
        self.emoji = emoji
    }

    /// The word with each one of its letters left out.
    static func oneDeletions(of word: String) -> [String] {
        let characters = Array(word)
        return characters.indices.map { i in String(characters[..<i] + characters[(i + 1)...]) }
    }

    /// The sentiment of `text`.
    public func analyze(_ text: String) -> Sentiment {
        let items = Self.items(of: text)
        guard !items.isEmpty else { return Sentiment(score: 0) }
        let lower = items.map { $0.lowercased() }
        let capitalDifferential = Self.someButNotAllCapitals(items)
        var valences = [Double](repeating: 0, count: items.count)
        var i = 0
        while i < items.count {
            let word = lower[i]
            // Intensifiers modify the next word; one that ends the clause ("it was incredible") is a word of its own.
            let modifiesNext =
                i + 1 < items.count && items[i + 1].first?.isLetter == true && items[i].last?.isLetter == true
            if (Self.boosters[word] != nil && (modifiesNext || lexicon[word] == nil))
                || (word == "kind" && i + 1 < items.count && lower[i + 1] == "of")
            {
                i += 1
                continue
            }
            // Phrases of the support-desk lexicon ("still waiting", "third time").
            if let (value, length) = phrase(at: i, lower) {
                valences[i] = value
                i += length
                continue
            }
            valences[i] = valence(at: i, items, lower, capitalDifferential)
            i += 1
        }
        // A negated action with no feeling word ("it doesn't charge", "I can't log in") is a complaint.
        for k in items.indices where Self.isNegation(lower[k]) || lower[k] == "no" {
            let window = (k + 1)..<min(items.count, k + 4)
            let nextIsWord = k + 1 < items.count && lower[k + 1].contains(where: \.isLetter)
            if nextIsWord && window.allSatisfy({ valences[$0] == 0 && lookup(lower[$0]) == nil }) {
                valences[k] = Self.negatedAction
            }
        }
        // Contrast: what follows "but" counts more, what precedes it less.
        if let but = lower.firstIndex(where: { $0 == "but" || $0 == "however" }) {
            for k in valences.indices where k != but { valences[k] *= k < but ? 0.5 : 1.5 }
        }
        var sum = valences.reduce(0, +)
        for scalar in text.unicodeScalars { if let value = emoji[scalar] { sum += value } }
        let emphasis = Self.punctuationEmphasis(text)
        if sum > 0 { sum += emphasis } else if sum < 0 { sum -= emphasis }
        return Sentiment(score: sum / (sum * sum + 15).squareRoot())
    }

    // MARK: VADER's rules

    private func lookup(_ word: String) -> Double? {
        if let value = lexicon[word] { return value }
        guard word.count > 3 else { return nil }
        // "well-done", "user-friendly": the parts.
        if word.contains("-") {
            let parts = word.split(separator: "-").compactMap { lexicon[String($0)] }
            return parts.isEmpty ? nil : parts.reduce(0, +)
        }
        guard word.allSatisfy({ $0.isLetter }) else { return nil }
        if let value = stems[stemmer.stem(word)] { return value }
        // One typo in a longer word: "disapointing", "incrediable", "dissapointing".
        if word.count >= 7 {
            if let match = deletions[word] { return lexicon[match] }
            for variant in Self.oneDeletions(of: word) {
                if let value = lexicon[variant], variant.count >= 7 { return value }
                if let match = deletions[variant] { return lexicon[match] }
            }
        }
        // "unhelpful", "unrecommended": un- turns a positive word negative.
        if word.hasPrefix("un"), word.count > 5 {
            let base = String(word.dropFirst(2))
            if let value = lexicon[base] ?? stems[stemmer.stem(base)], value > 0 { return value * Self.negationScalar }
        }
        return nil
    }

    private func phrase(at i: Int, _ lower: [String]) -> (Double, Int)? {
        for length in [5, 4, 3, 2] where i + length <= lower.count {
            let phrase = lower[i..<(i + length)].joined(separator: " ")
            if let value = SupportDeskLexicon.phrases[phrase] { return (value, length) }
        }
        return nil
    }

    private func valence(at i: Int, _ items: [String], _ lower: [String], _ capitalDifferential: Bool) -> Double {
        let word = lower[i]
        guard var valence = lookup(word) else { return 0 }
        if word == "no" && i + 1 < items.count && lookup(lower[i + 1]) != nil { valence = 0 }
        if (i > 0 && lower[i - 1] == "no") || (i > 1 && lower[i - 2] == "no")
            || (i > 2 && lower[i - 3] == "no" && ["or", "nor"].contains(lower[i - 1]))
        {
            valence = (lookup(word) ?? 0) * Self.negationScalar
        }
        if capitalDifferential && Self.isCapitals(items[i]) { valence += valence > 0 ? 0.733 : -0.733 }
        for distance in 0..<3 where i > distance {
            let before = i - (distance + 1)
            guard lookup(lower[before]) == nil else { continue }
            var scalar = boost(items[before], lower[before], valence, capitalDifferential)
            if distance == 1 { scalar *= 0.95 }
            if distance == 2 { scalar *= 0.9 }
            valence += scalar
            valence = negationCheck(valence, lower, distance, i)
            if distance == 2 { valence = idiomCheck(valence, lower, i) }
        }
        // "least": "the least happy" is negative, "at least" is not.
        if i > 0 && lower[i - 1] == "least" && lookup("least") == nil {
            if !(i > 1 && (lower[i - 2] == "at" || lower[i - 2] == "very")) { valence *= Self.negationScalar }
        }
        return valence
    }

    private func boost(_ original: String, _ word: String, _ valence: Double, _ capitalDifferential: Bool) -> Double {
        guard var scalar = Self.boosters[word] else { return 0 }
        if valence < 0 { scalar = -scalar }
        if Self.isCapitals(original) && capitalDifferential { scalar += valence > 0 ? 0.733 : -0.733 }
        return scalar
    }

    private func negationCheck(_ valence: Double, _ lower: [String], _ distance: Int, _ i: Int) -> Double {
        let before = lower[i - (distance + 1)]
        switch distance {
        case 0:
            return Self.isNegation(before) ? valence * Self.negationScalar : valence
        case 1:
            if lower[i - 2] == "never" && (lower[i - 1] == "so" || lower[i - 1] == "this") { return valence * 1.25 }
            if lower[i - 2] == "without" && lower[i - 1] == "doubt" { return valence }
            return Self.isNegation(before) ? valence * Self.negationScalar : valence
        default:
            if (lower[i - 3] == "never" && (lower[i - 2] == "so" || lower[i - 2] == "this"))
                || (lower[i - 1] == "so" || lower[i - 1] == "this")
            {
                return valence * 1.25
            }
            if lower[i - 3] == "without" && (lower[i - 2] == "doubt" || lower[i - 1] == "doubt") { return valence }
            return Self.isNegation(before) ? valence * Self.negationScalar : valence
        }
    }

    private func idiomCheck(_ valence: Double, _ lower: [String], _ i: Int) -> Double {
        var valence = valence
        let sequences = [
            "\(lower[i - 1]) \(lower[i])", "\(lower[i - 2]) \(lower[i - 1]) \(lower[i])",
            "\(lower[i - 2]) \(lower[i - 1])",
            i >= 3 ? "\(lower[i - 3]) \(lower[i - 2]) \(lower[i - 1])" : "",
            i >= 3 ? "\(lower[i - 3]) \(lower[i - 2])" : "",
        ]
        if let value = sequences.lazy.compactMap({ Self.idioms[$0] }).first { valence = value }
        if i + 1 < lower.count, let value = Self.idioms["\(lower[i]) \(lower[i + 1])"] { valence = value }
        if i + 2 < lower.count, let value = Self.idioms["\(lower[i]) \(lower[i + 1]) \(lower[i + 2])"] {
            valence = value
        }
        for gram in [sequences[3], sequences[4], sequences[2]] {
            if let boost = Self.boosters[gram] { valence += boost }
        }
        return valence
    }

    // MARK: Tokens

    /// VADER's tokens: split on whitespace, punctuation trimmed from words
    /// (but emoticons such as ":)" kept whole).
    static func items(of text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map { raw in
            let trimmed = raw.trimmingCharacters(in: .punctuationCharacters.union(.symbols))
            return trimmed.count <= 2 ? String(raw) : trimmed
        }
    }

    static func isCapitals(_ word: String) -> Bool {
        word.contains { $0.isLetter } && word == word.uppercased()
    }

    static func someButNotAllCapitals(_ items: [String]) -> Bool {
        let capitals = items.filter(isCapitals).count
        return capitals > 0 && capitals < items.count
    }

    static func isNegation(_ word: String) -> Bool {
        negations.contains(word) || word.contains("n't")
    }

    static func punctuationEmphasis(_ text: String) -> Double {
        let exclamations = min(text.filter { $0 == "!" }.count, 4)
        let questions = text.filter { $0 == "?" }.count
        let questionEmphasis = questions > 1 ? (questions <= 3 ? Double(questions) * 0.18 : 0.96) : 0
        return Double(exclamations) * 0.292 + questionEmphasis
    }

    static let negationScalar = -0.74
    /// The valence of a negated action without any feeling word.
    static let negatedAction = -0.9

    static let negations: Set<String> = [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent",
        "isnt", "mightnt", "mustnt", "neither", "neednt", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "uh-uh", "without", "wont", "wouldnt", "rarely",
        "seldom", "despite",
    ]

    static let boosters: [String: Double] = {
        let increase = 0.293
        let decrease = -0.293
        var table: [String: Double] = [:]
        for word in [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply",
            "effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme",
            "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
            "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
            "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
            "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous",
            "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very",
        ] {
            table[word] = increase
        }
        for word in [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little",
            "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight",
            "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of",
        ] {
            table[word] = decrease
        }
        return table
    }()

    static let idioms: [String: Double] = [
        "the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5, "bus stop": 0, "yeah right": -2,
        "kiss of death": -1.5, "to die for": 3, "beating heart": 3.5,
    ]
}
