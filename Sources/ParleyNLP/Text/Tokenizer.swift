internal import CICU

/// Splits a message into tokens with ICU's word break rules.
///
/// Segmentation comes from the system's libicu, so Chinese, Japanese and Thai
/// are segmented with ICU's dictionaries and nothing assumes words are
/// separated by spaces. On top of ICU, email and web addresses are kept whole,
/// English contractions are split into their parts ("don't" → "do" + "n't",
/// normalised to "not", whichever apostrophe was typed: ’ ‘ ʼ ′ ＇ …), and
/// every token is normalised with NFKC and full case folding. Offsets and
/// `text` are those of the original text.
///
/// A tokenizer is a stateless value; ICU's break iterator is kept per thread
/// inside the C shim and reused for every message.
public struct Tokenizer: Sendable {
    public init() {}

    /// The tokens of `text`, in order; whitespace is dropped.
    public func tokenize(_ text: String) -> [Token] {
        let units = Array(text.utf16)
        guard !units.isEmpty else { return [] }
        return units.withUnsafeBufferPointer { buffer in
            // Word breaks and contractions see every apostrophe as the ASCII one (same length, same offsets).
            let folded = Apostrophes.folded(buffer)
            return (folded ?? []).withUnsafeBufferPointer { foldedBuffer in
                var run = TokenizerRun(original: buffer, units: folded == nil ? buffer : foldedBuffer)
                run.tokenize()
                return run.tokens
            }
        }
    }
}

/// The work of tokenising one message.
private struct TokenizerRun {
    /// The message as written, for the tokens' text.
    let original: UnsafeBufferPointer<UInt16>
    /// The message with apostrophes folded to ASCII ones, for everything else.
    let units: UnsafeBufferPointer<UInt16>
    /// `codePoints[i]` is the number of code points in `units[0..<i]`.
    var codePoints: [Int]
    var tokens: [Token] = []

    init(original: UnsafeBufferPointer<UInt16>, units: UnsafeBufferPointer<UInt16>) {
        self.original = original
        self.units = units
        codePoints = CodePointOffsets.of(units)
    }

    mutating func tokenize() {
        let addresses = AddressScanner(units: units).spans()
        let segments = wordSegments()
        tokens.reserveCapacity(segments.count / 2 + 1)
        var nextAddress = 0
        for segment in segments {
            var start = segment.start
            let end = segment.end
            while start < end {
                // Skip addresses already emitted.
                while nextAddress < addresses.count && addresses[nextAddress].end <= start {
                    nextAddress += 1
                }
                guard nextAddress < addresses.count, addresses[nextAddress].start < end else {
                    emitSegment(start, end, status: segment.status)
                    break
                }
                let address = addresses[nextAddress]
                if start < address.start {
                    emitSegment(start, address.start, status: segment.status)
                }
                if start <= address.start {
                    emit(address.start, address.end, kind: address.kind, normalized: nil)
                }
                start = max(start, address.end)
            }
        }
    }

    /// ICU's word-break segments, or whitespace-separated runs should ICU fail.
    func wordSegments() -> [(start: Int, end: Int, status: Int32)] {
        let n = units.count
        var starts = [Int32](repeating: 0, count: n)
        var ends = [Int32](repeating: 0, count: n)
        var statuses = [Int32](repeating: 0, count: n)
        let count = cicu_word_segments(units.baseAddress, Int32(n), &starts, &ends, &statuses, Int32(n))
        guard count >= 0 && count <= n else { return whitespaceSegments() }
        return (0..<Int(count)).map { (Int(starts[$0]), Int(ends[$0]), statuses[$0]) }
    }

    func whitespaceSegments() -> [(start: Int, end: Int, status: Int32)] {
        var result: [(start: Int, end: Int, status: Int32)] = []
        var i = 0
        while i < units.count {
            let start = i
            let space = isSpace(units[i])
            while i < units.count && isSpace(units[i]) == space { i += 1 }
            result.append((start, i, space ? Int32(CICU_WORD_NONE) : Int32(CICU_WORD_LETTER)))
        }
        return result
    }

    mutating func emitSegment(_ start: Int, _ end: Int, status: Int32) {
        switch Int(status) {
        case Int(CICU_WORD_NUMBER): emit(start, end, kind: .number, normalized: nil)
        case Int(CICU_WORD_LETTER) where hasLetter(start, end): emitWord(start, end)
        case Int(CICU_WORD_KANA): emit(start, end, kind: .kana, normalized: nil)
        case Int(CICU_WORD_IDEO): emit(start, end, kind: .ideographic, normalized: nil)
        default: emitNonWord(start, end)
        }
    }

    /// Punctuation, symbols and emoji; whitespace is dropped.
    mutating func emitNonWord(_ start: Int, _ end: Int) {
        var allSpace = true
        for i in start..<end where !isSpace(units[i]) {
            allSpace = false
            break
        }
        if allSpace { return }
        var kind = Token.Kind.punctuation
        if let scalar = firstScalar(start, end) {
            let properties = scalar.properties
            if properties.isEmojiPresentation || (properties.isEmoji && scalar.value > 0xFF) {
                kind = .emoji
            }
        }
        if kind == .emoji {
            emit(start, end, kind: kind, normalized: Self.emojiBase(of: original[start..<end]))
        } else if kind == .punctuation && isSpace(units[start]) {
            // ICU can glue a space to a following symbol; keep the symbol only.
            var first = start
            while first < end && isSpace(units[first]) { first += 1 }
            emit(first, end, kind: kind, normalized: nil)
        } else {
            emit(start, end, kind: kind, normalized: nil)
        }
    }

    /// An emoji without its presentation selectors (U+FE0E, U+FE0F) and skin
    /// tones (U+1F3FB–U+1F3FF), so 👍🏽 and 👍 read the same.
    static func emojiBase(of units: some Collection<UInt16>) -> String {
        var base = String.UnicodeScalarView()
        for scalar in String(decoding: units, as: UTF16.self).unicodeScalars {
            switch scalar.value {
            case 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF: continue
            default: base.append(scalar)
            }
        }
        return String(base)
    }

    /// A word, with English contractions split into their parts.
    mutating func emitWord(_ start: Int, _ end: Int) {
        var apostrophe = -1
        var i = end - 1
        while i > start {
            if units[i] == 0x27 {
                apostrophe = i
                break
            }
            i -= 1
        }
        guard apostrophe > start else {
            // A negative contraction typed without its apostrophe ("didnt", "hasnt", "cant"), as
            // customers often do: split like "didn't", so the "not" reaches the classifier.
            if end - start > 3, units[end - 1] | 0x20 == 0x74, units[end - 2] | 0x20 == 0x6E,
                let word = lowercasedASCII(start, end), Self.negativesWithoutApostrophe.contains(word)
            {
                let base = String(word.dropLast(2))
                emit(start, end - 2, kind: .word, normalized: Self.negatedBases[base] ?? base)
                emit(end - 2, end, kind: .word, normalized: "not")
                return
            }
            emit(start, end, kind: .word, normalized: nil)
            return
        }
        let clitic = lowercasedASCII(apostrophe + 1, end)
        if clitic == "t", apostrophe - 1 > start, units[apostrophe - 1] | 0x20 == 0x6E {
            let base = lowercasedASCII(start, apostrophe - 1)
            emit(start, apostrophe - 1, kind: .word, normalized: Self.negatedBases[base ?? ""] ?? base)
            emit(apostrophe - 1, end, kind: .word, normalized: "not")
        } else if let clitic, let expansion = Self.clitics[clitic] {
            emit(start, apostrophe, kind: .word, normalized: nil)
            emit(apostrophe, end, kind: .word, normalized: expansion)
        } else {
            emit(start, end, kind: .word, normalized: nil)
        }
    }

    /// Negative contractions as typed without the apostrophe, lower-case ("wont" and "cant"
    /// are read as "will not" and "can not": in a support chat they are seldom the nouns).
    static let negativesWithoutApostrophe: Set<String> = [
        "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "hasnt", "havent", "hadnt", "cant",
        "couldnt", "shouldnt", "wouldnt", "wont", "mustnt", "neednt",
    ]
    /// Bases of negative contractions that are not words on their own.
    static let negatedBases = ["ca": "can", "wo": "will", "sha": "shall"]
    /// What each clitic after an apostrophe stands for.
    static let clitics = ["s": "'s", "re": "are", "ve": "have", "ll": "will", "d": "would", "m": "am"]

    mutating func emit(_ start: Int, _ end: Int, kind: Token.Kind, normalized: String?) {
        guard start < end else { return }
        let text = String(decoding: UnsafeBufferPointer(rebasing: original[start..<end]), as: UTF16.self)
        tokens.append(
            Token(
                text: text,
                normalized: normalized ?? TextNormalizer.normalize(UnsafeBufferPointer(rebasing: units[start..<end])),
                kind: kind,
                start: codePoints[start],
                end: codePoints[end]
            )
        )
    }

    /// Whether `units[start..<end]` holds a letter or digit (ICU counts "@" as a word).
    func hasLetter(_ start: Int, _ end: Int) -> Bool {
        for i in start..<end {
            let unit = units[i]
            if unit < 0x80 {
                let lower = unit | 0x20
                if (lower >= 0x61 && lower <= 0x7A) || (unit >= 0x30 && unit <= 0x39) { return true }
            } else if let scalar = Unicode.Scalar(unit), scalar.properties.isAlphabetic {
                return true
            } else if UTF16.isLeadSurrogate(unit) {
                return true
            }
        }
        return false
    }

    func firstScalar(_ start: Int, _ end: Int) -> Unicode.Scalar? {
        var iterator = UnsafeBufferPointer(rebasing: units[start..<end]).makeIterator()
        var decoder = UTF16()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// The lowercased text of `units[start..<end]` if it is all ASCII letters.
    func lowercasedASCII(_ start: Int, _ end: Int) -> String? {
        var result = ""
        for i in start..<end {
            let unit = units[i] | 0x20
            guard unit >= 0x61 && unit <= 0x7A else { return nil }
            result.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
        }
        return result
    }
}

@inline(__always) func isSpace(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
        0x3000, 0xFEFF:
        return true
    default:
        return false
    }
}
