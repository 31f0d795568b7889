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
///
/// The analyzer of a Chinese bot (`chinese`, `forLanguage("zh")`) reads a
/// message with Chinese in it with `ChineseSentimentRules` (the English words
/// in it with their English valence), and any other message as English.
public struct SentimentAnalyzer: Sendable {
    private let lexicon: [String: Double]
    private let stems: [String: Double]
    private let emoji: [Unicode.Scalar: Double]
    /// Lexicon words of seven or more letters by each of their one-letter deletions, for typos.
    private let deletions: [String: String]
    private let stemmer = EnglishStemmer()
    private let tokenizer = Tokenizer()
    /// Support-desk phrases by their first word, longest first.
    private let phrasesByFirstWord: [String: [(words: [String], value: Double)]]
    /// The Chinese rules, in a Chinese bot's analyzer.
    private let chinese: ChineseSentimentRules?
    /// The Chinese reviews' model, beside the rules.
    private let chineseModel: ChineseSentimentModel?
    /// Whether a Chinese text reads as a review (its decision above 0) or as a support request.
    private let chineseReviewModel: ChineseSentimentModel?

    /// One analyzer for the whole process, built at its first use: reading the
    /// lexicon resources and building the tables takes a few milliseconds.
    public static let english = SentimentAnalyzer()

    /// The analyzer for Chinese bots, built at its first use.
    public static let chinese = SentimentAnalyzer(readsChinese: true)

    /// The analyzer for a language code: `chinese` for "zh…", `english` otherwise.
    public static func forLanguage(_ code: String) -> SentimentAnalyzer {
        code.lowercased().hasPrefix("zh") ? .chinese : .english
    }

    /// An analyzer of English; with `readsChinese`, also of Chinese (`ChineseSentimentRules`).
    public init(readsChinese: Bool = false) {
        chinese =
            readsChinese
            ? ChineseSentimentRules(
                lexicon: SentimentLexicons.chinese(), supportDesk: SentimentLexicons.chineseSupportDesk(),
                derived: SentimentLexicons.chineseDerived())
            : nil
        chineseModel = readsChinese ? ChineseSentimentModel(SentimentLexicons.chineseModel()) : nil
        chineseReviewModel = readsChinese ? ChineseSentimentModel(SentimentLexicons.chineseReviewModel()) : nil
        var lexicon: [String: Double] = [:]
        for (token, value) in SentimentLexicons.vaderWords() { lexicon[token] = value }
        var phrases: [(String, Double)] = []
        for (token, value) in SentimentLexicons.supportDesk() {
            if token.utf8.contains(UInt8(ascii: " ")) { phrases.append((token, value)) } else { lexicon[token] = value }
        }
        // An emoji is looked up by its first scalar; of sequences sharing one, the last line wins.
        var emoji: [Unicode.Scalar: Double] = [:]
        for (token, value) in SentimentLexicons.vaderEmoji() + SentimentLexicons.supportDeskEmoji() {
            if let scalar = token.unicodeScalars.first { emoji[scalar] = value }
        }
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
        for word in lexicon.keys.sorted()
        where word.utf8.count >= 7 && word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
            for variant in Self.oneDeletions(of: word) where deletions[variant] == nil { deletions[variant] = word }
        }
        self.deletions = deletions
        self.lexicon = lexicon
        self.emoji = emoji
        phrasesByFirstWord = Self.indexPhrases(phrases)
    }

    /// The lengths of words looked up with one typo.
    static let typoLengths = 7...40

    /// The word (lower-case ASCII) with each one of its letters left out.
    static func oneDeletions(of word: String) -> [String] {
        let bytes = Array(word.utf8)
        return bytes.indices.map { i in
            String(unsafeUninitializedCapacity: bytes.count - 1) { buffer in
                var j = 0
                for (k, byte) in bytes.enumerated() where k != i {
                    buffer[j] = byte
                    j += 1
                }
                return j
            }
        }
    }

    /// The sentiment of `text`.
    public func analyze(_ text: String) -> Sentiment {
        if let chinese, ChineseScript.hasHan(text) { return analyzeChinese(text, chinese) }
        let (items, endsClause) = Self.items(of: text)
        guard !items.isEmpty else { return Sentiment(score: 0) }
        // Every apostrophe reads as the ASCII one: "don’t" is "don't".
        let lower = items.map { Apostrophes.folded($0.lowercased()) }
        let known = lower.map(lookup)
        let capitalDifferential = Self.someButNotAllCapitals(items)
        var valences = [Double](repeating: 0, count: items.count)
        var inPhrase = [Bool](repeating: false, count: items.count)
        var i = 0
        while i < items.count {
            let word = lower[i]
            // Intensifiers modify the next word; one that ends the clause ("it was incredible") is a word of its own.
            let modifiesNext =
                i + 1 < items.count && items[i + 1].unicodeScalars.first.map(EntityText.isLetter) == true
                && items[i].unicodeScalars.last.map(EntityText.isLetter) == true
            if (Self.boosters[word] != nil && (modifiesNext || known[i] == nil))
                || (word == "kind" && i + 1 < items.count && lower[i + 1] == "of")
            {
                i += 1
                continue
            }
            // Phrases of the support-desk lexicon ("still waiting", "third time").
            if let (value, length) = phrase(at: i, lower) {
                valences[i] = value
                for k in i..<(i + length) { inPhrase[k] = true }
                i += length
                continue
            }
            valences[i] = valence(at: i, items, lower, known, capitalDifferential)
            i += 1
        }
        negateToTheEndOfTheClause(&valences, lower, endsClause, inPhrase)
        // A negated action with no feeling word ("it doesn't charge", "I can't log in") is a complaint.
        for k in items.indices where Self.isNegation(lower[k]) || lower[k] == "no" {
            let window = (k + 1)..<min(items.count, k + 4)
            let nextIsWord = k + 1 < items.count && lower[k + 1].unicodeScalars.contains(where: EntityText.isLetter)
            if nextIsWord && window.allSatisfy({ valences[$0] == 0 && known[$0] == nil }) {
                valences[k] = Self.negatedAction
            }
        }
        // Contrast: what follows "but" counts more, what precedes it less.
        if let but = lower.firstIndex(where: { $0 == "but" || $0 == "however" }) {
            for k in valences.indices where k != but { valences[k] *= k < but ? 0.5 : 1.5 }
        }
        var sum = valences.reduce(0, +)
        for scalar in text.unicodeScalars where scalar.value >= 0x2000 { if let value = emoji[scalar] { sum += value } }
        let emphasis = Self.punctuationEmphasis(text)
        if sum > 0 { sum += emphasis } else if sum < 0 { sum -= emphasis }
        return Sentiment(score: sum / (sum * sum + 15).squareRoot())
    }

    /// A message with Chinese in it: the Chinese rules over its NFKC form ("！！！" reads as
    /// "!!!") with traditional characters simplified, its English words by their valence, its
    /// emoji, VADER's emphasis, the reviews' model unless the rules found a support complaint
    /// (`judged(_:by:)` where the text reads as a review, `weighed(_:by:)` where it reads as a
    /// request and these found feeling), and VADER's normalisation.
    private func analyzeChinese(_ text: String, _ rules: ChineseSentimentRules) -> Sentiment {
        let folded = ChineseScript.simplified(TextNormalizer.normalize(text))
        let words = tokenizer.tokenize(folded).filter { $0.kind == .ideographic }.map { $0.start..<$0.end }
        var (sum, latinWords, allTurnedRound, supportComplaint) = rules.valence(
            of: Array(folded.unicodeScalars), words: words)
        for word in latinWords { sum += lookup(Apostrophes.folded(word)) ?? 0 }
        for scalar in text.unicodeScalars where scalar.value >= 0x2000 { if let value = emoji[scalar] { sum += value } }
        let emphasis = Self.punctuationEmphasis(folded)
        if sum > 0 { sum += emphasis } else if sum < 0 { sum -= emphasis }
        // The models sum runs of characters and cannot read a negation: where every feeling the
        // rules found is one they turned round ("没有任何问题"), they decide; and they know
        // reviews, not the support desk: a support complaint ("等了两个小时还没人回复") is theirs too.
        // Nor do they judge a word or two the rules found no feeling in ("是的", "不是"): answers
        // to the bot's questions, not reviews.
        if let chineseModel, let chineseReviewModel, !(sum != 0 && allTurnedRound), !supportComplaint,
            sum != 0 || folded.unicodeScalars.lazy.filter(ChineseScript.isHan).count >= Self.hanForTheModelAlone
        {
            let runs = ChineseSentimentModel.runCounts(folded)
            if chineseReviewModel.decision(runs) > 0 {
                sum = Self.judged(sum, by: chineseModel.decision(runs))
            } else if sum != 0 {
                sum = Self.weighed(sum, by: chineseModel.logOdds(runs))
            }
        }
        return Sentiment(score: sum / (sum * sum + 15).squareRoot())
    }

    /// How many Chinese characters a message needs for the reviews' model to judge it where the
    /// rules found no feeling.
    static let hanForTheModelAlone = 4

    /// The rules' summed valence `sum` with the sign of `sum` plus the reviews' model's
    /// log-odds (at most 4 either way), when the rules' sum is within ±2 (a score of ±0.46); a
    /// stronger one stands. So the model may turn a weak label round, but how strong a feeling
    /// is stays the rules' ("有点慢" milder than "慢"): it neither makes a message angry enough
    /// to escalate (`sentiment_below` -0.6 is a sum of -2.9) nor calms one the rules found so.
    /// Measured in docs/TRAINING.md ("Sentiment" under Chinese).
    static func weighed(_ sum: Double, by logOdds: Double) -> Double {
        guard abs(sum) <= 2 else { return sum }
        let moved = sum + min(max(logOdds, -4), 4)
        return moved == 0 ? 0 : moved > 0 ? abs(sum) : -abs(sum)
    }

    /// The summed valence of a text that reads as a review (and is no support complaint): the
    /// sign of the rules' sum plus the reviews' model's decision (its log-odds and offset, at
    /// most 4 either way; alone, a negative label is right 90% of the time out of fold),
    /// two views added: the rules know words and negation, the model how reviews talk. The size
    /// is the rules' when their sign stands, otherwise `reviewSum` (a score of ±0.30, too weak
    /// to escalate by itself). Measured in docs/TRAINING.md ("Sentiment" under Chinese).
    static func judged(_ sum: Double, by decision: Double) -> Double {
        let moved = sum + min(max(decision, -4), 4)
        if moved == 0 { return 0 }
        if sum != 0 && (sum > 0) == (moved > 0) { return sum }
        return moved > 0 ? reviewSum : -reviewSum
    }

    /// The summed valence `judged(_:by:)` gives a review the rules read otherwise or not at all.
    static let reviewSum = 1.2

    // MARK: VADER's rules

    /// A negation reaches the positive words to the end of its clause, not only
    /// the three words VADER looks back: "I never liked how your couriers treat
    /// me". Words within three of it are negated by VADER's own rule. Farther
    /// negative words keep their sign, since there the negation mostly
    /// intensifies ("I can't tell you how disappointed I was", "never been
    /// treated so badly"): on the UCI sentences, negating every word to the end
    /// of the clause took sign accuracy from 0.791 to 0.789, negating only
    /// positive words to 0.800. Phrases ("still waiting") keep their valence,
    /// and a negation inside a phrase ("couldn't be happier") negates nothing.
    /// A clause ends at , ; : . ! ? and before "but", "however", "although",
    /// "though" and "yet".
    private func negateToTheEndOfTheClause(
        _ valences: inout [Double], _ lower: [String], _ endsClause: [Bool], _ inPhrase: [Bool]
    ) {
        var negation = -1
        for k in lower.indices {
            if k > 0 && endsClause[k - 1] || Self.clauseStarters.contains(lower[k]) { negation = -1 }
            if negation >= 0 && k - negation > 3 && valences[k] > 0 && !inPhrase[k]
                && !((k - 3)..<k).contains(where: { Self.isNegation(lower[$0]) })
            {
                valences[k] *= Self.negationScalar
            }
            if Self.isNegation(lower[k]) && !inPhrase[k] { negation = k }
        }
    }

    /// Words that start a new clause, out of reach of an earlier negation.
    static let clauseStarters: Set<String> = ["but", "however", "although", "though", "yet"]

    private func lookup(_ word: String) -> Double? {
        if let value = lexicon[word] { return value }
        let length = word.utf8.count
        guard length > 3 else { return nil }
        // "well-done", "user-friendly": the parts.
        if word.utf8.contains(UInt8(ascii: "-")) {
            let parts = word.split(separator: "-").compactMap { lexicon[String($0)] }
            return parts.isEmpty ? nil : parts.reduce(0, +)
        }
        guard word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        if let value = stems[stemmer.stem(word)] { return value }
        // "unhelpful", "unrecommended": un- turns a positive word negative.
        if length > 5 && word.hasPrefix("un") {
            let base = String(word.dropFirst(2))
            if let value = lexicon[base] ?? stems[stemmer.stem(base)], value > 0 { return value * Self.negationScalar }
        }
        // One typo in a longer word: "disapointing", "incrediable", "dissapointing".
        // Typos keep the first letter ("arrived" is no typo of "harried"). No
        // lexicon word is longer than `typoLengths`' end: a longer word is no
        // typo of one, and its deletions would cost time growing with its square.
        if Self.typoLengths.contains(length) {
            let first = word.utf8.first
            func sameStart(_ other: String) -> Bool { other.utf8.first == first }
            if let match = deletions[word], sameStart(match) { return lexicon[match] }
            for variant in Self.oneDeletions(of: word) {
                if let value = lexicon[variant], variant.utf8.count >= 7, sameStart(variant) { return value }
                if let match = deletions[variant], sameStart(match) { return lexicon[match] }
            }
        }
        return nil
    }

    private func phrase(at i: Int, _ lower: [String]) -> (Double, Int)? {
        guard let candidates = phrasesByFirstWord[lower[i]] else { return nil }
        for (words, value) in candidates where i + words.count <= lower.count {
            if lower[i..<(i + words.count)].elementsEqual(words) { return (value, words.count) }
        }
        return nil
    }

    /// Phrases by their first word, longest first.
    static func indexPhrases(_ phrases: [(String, Double)]) -> [String: [(words: [String], value: Double)]] {
        var table: [String: [(words: [String], value: Double)]] = [:]
        for (phrase, value) in phrases {
            let words = phrase.split(separator: " ").map(String.init)
            table[words[0], default: []].append((words, value))
        }
        return table.mapValues {
            $0.sorted { ($0.words.count, $0.words.joined()) > ($1.words.count, $1.words.joined()) }
        }
    }

    /// Words that occur in idioms and multi-word boosters, so most messages skip those checks.
    static let idiomWords: Set<String> = Set(
        (idioms.keys + boosters.keys.filter { $0.contains(" ") }).flatMap { $0.split(separator: " ").map(String.init) })

    private func valence(
        at i: Int, _ items: [String], _ lower: [String], _ known: [Double?], _ capitalDifferential: Bool
    ) -> Double {
        let word = lower[i]
        guard let base = known[i] else { return 0 }
        var valence = base
        if word == "no" && i + 1 < items.count && known[i + 1] != nil { valence = 0 }
        if (i > 0 && lower[i - 1] == "no") || (i > 1 && lower[i - 2] == "no")
            || (i > 2 && lower[i - 3] == "no" && ["or", "nor"].contains(lower[i - 1]))
        {
            valence = base * Self.negationScalar
        }
        if capitalDifferential && Self.isCapitals(items[i]) { valence += valence > 0 ? 0.733 : -0.733 }
        for distance in 0..<3 where i > distance {
            let before = i - (distance + 1)
            // A word with a feeling of its own is no booster, but a negation still negates ("nobody helped").
            guard known[before] == nil || Self.isNegation(lower[before]) else { continue }
            var scalar = boost(items[before], lower[before], valence, capitalDifferential)
            if distance == 1 { scalar *= 0.95 }
            if distance == 2 { scalar *= 0.9 }
            valence += scalar
            valence = negationCheck(valence, lower, distance, i)
            if distance == 2 && Self.idiomWords.contains(lower[i - 1])
                || distance == 2 && Self.idiomWords.contains(lower[i - 2])
            {
                valence = idiomCheck(valence, lower, i)
            }
        }
        // "least": "the least happy" is negative, "at least" is not.
        if i > 0 && lower[i - 1] == "least" && lexicon["least"] == nil {
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
        // "I can't believe how bad", "can't tell you how happy": the negation is the verb's.
        if distance > 0 && Self.marvelVerbs.contains(lower[i - distance]) { return valence }
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
    /// (but emoticons such as ":)" kept whole); and whether each one ends a
    /// clause (punctuation such as "," or "." trimmed from its end).
    static func items(of text: String) -> (items: [String], endsClause: [Bool]) {
        var items: [String] = []
        var endsClause: [Bool] = []
        for raw in text.unicodeScalars.split(whereSeparator: { EntityText.isSpace($0) }) {
            var start = raw.startIndex
            var end = raw.endIndex
            while start < end && isPunctuation(raw[start]) { start = raw.index(after: start) }
            while end > start && isPunctuation(raw[raw.index(before: end)]) { end = raw.index(before: end) }
            let trimmed = raw[start..<end]
            items.append(String(trimmed.count <= 2 ? String.UnicodeScalarView(raw) : String.UnicodeScalarView(trimmed)))
            endsClause.append(raw[end...].contains(where: { ",;:.!?".unicodeScalars.contains($0) }))
        }
        return (items, endsClause)
    }

    /// Punctuation and symbols, as Python's `string.punctuation` and beyond.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return (scalar.value >= 0x21 && scalar.value <= 0x2F) || (scalar.value >= 0x3A && scalar.value <= 0x40)
                || (scalar.value >= 0x5B && scalar.value <= 0x60) || (scalar.value >= 0x7B && scalar.value <= 0x7E)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    static func isCapitals(_ word: String) -> Bool {
        var letters = false
        for scalar in word.unicodeScalars {
            if scalar.value < 0x80 {
                if scalar.value >= 0x61 && scalar.value <= 0x7A { return false }
                if scalar.value >= 0x41 && scalar.value <= 0x5A { letters = true }
            } else {
                if scalar.properties.isLowercase { return false }
                if scalar.properties.isUppercase { letters = true }
            }
        }
        return letters
    }

    static func someButNotAllCapitals(_ items: [String]) -> Bool {
        let capitals = items.filter(isCapitals).count
        return capitals > 0 && capitals < items.count
    }

    static func isNegation(_ word: String) -> Bool {
        negations.contains(word) || contains(word, "n't")
    }

    /// Whether `word` contains `part`, comparing UTF-8 bytes (no Foundation).
    static func contains(_ word: String, _ part: StaticString) -> Bool {
        let bytes = Array(word.utf8)
        let needle = UnsafeBufferPointer(start: part.utf8Start, count: part.utf8CodeUnitCount)
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle)
        {
            return true
        }
        return false
    }

    static func punctuationEmphasis(_ text: String) -> Double {
        var exclamations = 0
        var questions = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "!") { exclamations += 1 } else if byte == UInt8(ascii: "?") { questions += 1 }
        }
        let questionEmphasis = questions > 1 ? (questions <= 3 ? Double(questions) * 0.18 : 0.96) : 0
        return Double(min(exclamations, 4)) * 0.292 + questionEmphasis
    }

    static let negationScalar = -0.74

    /// Verbs that a negation before a feeling word belongs to ("can't believe how bad it is").
    static let marvelVerbs: Set<String> = ["believe", "tell", "say", "describe", "express", "imagine", "explain"]
    /// The valence of a negated action without any feeling word.
    static let negatedAction = -0.9

    static let negations: Set<String> = [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent",
        "isnt", "mightnt", "mustnt", "neither", "neednt", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "uh-uh", "without", "wont", "wouldnt", "rarely",
        "seldom", "despite", "nobody",
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
