/// Turns a preprocessed message into 64-bit feature keys: word n-grams over
/// stems (an emoji counts as a word, without skin tone: 👍 after "ok" is
/// "ok 👍") and character n-grams inside word boundaries (across the words of a
/// run of Chinese or Japanese with `FeatureConfiguration.ideographicNgrams`).
///
/// Keys are FNV-1a hashes with a different seed per block, so they are the
/// same in every process and on every machine (unlike Swift's `Hasher`), and
/// a trained vocabulary stays valid when it is loaded again.
public struct FeatureHasher: Sendable {
    public let configuration: FeatureConfiguration
    public let stopwords: Stopwords

    public init(configuration: FeatureConfiguration, stopwords: Stopwords) {
        self.configuration = configuration
        self.stopwords = stopwords
    }

    /// The keys of `text`'s word block and character block; a key occurs once
    /// per occurrence of its n-gram.
    public func keys(of text: PreprocessedText) -> (word: [UInt64], char: [UInt64]) {
        var words: [UInt64] = []
        var chars: [UInt64] = []
        var terms: [UInt64] = []
        var isStopword: [Bool] = []
        terms.reserveCapacity(text.tokens.count + 2)
        for (token, stem) in zip(text.tokens, text.stems) where token.isLexical || token.kind == .emoji {
            let stopword = stopwords.contains(token.normalized)
            if configuration.removeStopwords && stopword { continue }
            isStopword.append(stopword)
            switch token.kind {
            case .number: terms.append(Self.numberKey)
            case .email: terms.append(Self.emailKey)
            case .url: terms.append(Self.urlKey)
            default: terms.append(Self.hash(stem, seed: Self.wordSeed))
            }
        }
        let wordRange = configuration.wordNgrams
        words.reserveCapacity(terms.count * (wordRange.count + 1))
        if wordRange.contains(1) { words.append(contentsOf: terms) }
        if configuration.sentenceBoundaries && !terms.isEmpty {
            terms.insert(Self.startKey, at: 0)
            terms.append(Self.endKey)
        }
        for n in wordRange where n >= 2 {
            guard terms.count >= n else { break }
            for start in 0...(terms.count - n) {
                var key = terms[start]
                for offset in 1..<n { key = Self.combine(key, terms[start + offset]) }
                words.append(Self.combine(key, UInt64(n)))
            }
        }
        if configuration.contentBigrams {
            let content = zip(terms.dropFirst(configuration.sentenceBoundaries ? 1 : 0), isStopword)
                .filter { !$0.1 }.map(\.0)
            if content.count >= 2 {
                for i in 0..<(content.count - 1) {
                    words.append(Self.combine(Self.combine(content[i], content[i + 1]), Self.contentBigramTag))
                }
            }
        }
        if let charRange = configuration.charNgrams {
            let runs = configuration.ideographicNgrams
            var run = ""
            var runEnd = -1
            for token in text.tokens where token.isLexical && token.kind != .email && token.kind != .url {
                if let runs, token.kind == .ideographic || token.kind == .kana {
                    if token.start != runEnd && !run.isEmpty {
                        appendCharacterKeys(of: run, range: runs, to: &chars)
                        run = ""
                    }
                    run += token.normalized
                    runEnd = token.end
                    continue
                }
                appendCharacterKeys(of: token.normalized, range: charRange, to: &chars)
            }
            if let runs, !run.isEmpty { appendCharacterKeys(of: run, range: runs, to: &chars) }
        }
        return (words, chars)
    }

    /// Character n-grams of " word " (sklearn's `char_wb`).
    func appendCharacterKeys(of word: String, range: ClosedRange<Int>, to keys: inout [UInt64]) {
        var scalars: [UInt32] = [0x20]
        scalars.reserveCapacity(word.utf8.count + 2)
        for scalar in word.unicodeScalars { scalars.append(scalar.value) }
        scalars.append(0x20)
        let count = scalars.count
        for start in 0..<count {
            guard start + range.lowerBound <= count else { break }
            var key = Self.charSeed
            for index in start..<min(count, start + range.upperBound) {
                key = (key ^ UInt64(scalars[index])) &* Self.fnvPrime
                if index - start + 1 >= range.lowerBound { keys.append(key) }
            }
        }
    }

    static let numberKey = hash("<number>", seed: wordSeed)
    static let emailKey = hash("<email>", seed: wordSeed)
    static let urlKey = hash("<url>", seed: wordSeed)
    static let startKey = hash("<s>", seed: wordSeed)
    static let endKey = hash("</s>", seed: wordSeed)
    static let contentBigramTag: UInt64 = 0xC0_4E7E

    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3
    static let wordSeed: UInt64 = 0xCBF2_9CE4_8422_2325
    static let charSeed: UInt64 = 0x84222325_CBF29CE4

    /// FNV-1a over the UTF-8 bytes of `text`.
    static func hash(_ text: String, seed: UInt64) -> UInt64 {
        var key = seed
        for byte in text.utf8 { key = (key ^ UInt64(byte)) &* fnvPrime }
        return key
    }

    /// An order-sensitive combination of two keys (splitmix64 finaliser).
    @inline(__always) static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var z = a &* 0x9E37_79B9_7F4A_7C15 ^ (b &+ 0x6A09_E667_F3BC_C909)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
