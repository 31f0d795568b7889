internal import Foundation

/// A message prepared for the entity rules: its Unicode scalars (so that
/// offsets are code points) and a simple split into words, digit runs and
/// single symbols.
///
/// The rules read the message NFKC-normalised character by character, so
/// full-width digits and other compatibility forms ("０２０ ７９４６",
/// "＄１２", "ﬁ") read as their plain forms; `origin` maps offsets back to the
/// message as written. Vulgar fractions, superscripts and subscripts keep their
/// own form ("⅔" is a number, "10²" is not 102).
struct EntityText {
    /// A word (letters), a run of ASCII digits, or one other visible character.
    struct Lexeme {
        enum Kind { case word, digits, symbol }
        var kind: Kind
        var start: Int
        var end: Int
        /// Lower-cased text; a misspelt date word as the word meant (`DateWords.correctedSpelling`).
        var text: String
    }

    /// The normalised scalars the rules read.
    let scalars: [Unicode.Scalar]
    let lexemes: [Lexeme]
    /// The message as written, and for each offset into `scalars` (and its end) the offset
    /// into it; nil when normalisation changed nothing.
    let original: [Unicode.Scalar]
    let origin: [Int]?

    init(_ text: String) {
        let original = Array(text.unicodeScalars)
        let (scalars, origin) = Self.normalized(original)
        self.original = original
        self.origin = origin
        var lexemes: [Lexeme] = []
        lexemes.reserveCapacity(scalars.count / 3)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if Self.isSpace(scalar) {
                i += 1
                continue
            }
            let start = i
            let kind: Lexeme.Kind
            if scalar.isASCIIDigit {
                kind = .digits
                while i < scalars.count && scalars[i].isASCIIDigit { i += 1 }
            } else if Self.isLetter(scalar) {
                kind = .word
                while i < scalars.count && Self.isLetter(scalars[i]) { i += 1 }
            } else {
                kind = .symbol
                i += 1
            }
            // Every apostrophe reads as the ASCII one ("o’clock").
            var text = kind == .symbol && Apostrophes.contains(scalar.value) ? "'" : Self.lowercased(scalars[start..<i])
            // A misspelt weekday, month, "tomorrow" or "yesterday" reads as the word meant.
            if kind == .word, let corrected = DateWords.correctedSpelling(of: text, after: lexemes.last?.text ?? "") {
                text = corrected
            }
            lexemes.append(Lexeme(kind: kind, start: start, end: i, text: text))
        }
        self.scalars = scalars
        self.lexemes = lexemes
    }

    /// Each scalar in its NFKC form, and where each result came from (nil when nothing changed).
    static func normalized(_ original: [Unicode.Scalar]) -> ([Unicode.Scalar], [Int]?) {
        func changes(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value >= 0xA0
                && (Apostrophes.isVariant(scalar.value)
                    || scalar.properties.changesWhenNFKCCaseFolded && !keepsItsForm(scalar))
        }
        guard let first = original.firstIndex(where: changes) else { return (original, nil) }
        var scalars = Array(original[..<first])
        var origin = Array(0..<first)
        scalars.reserveCapacity(original.count + 4)
        for i in first..<original.count {
            let scalar = original[i]
            if Apostrophes.isVariant(scalar.value) {
                // An apostrophe, whichever was typed ("´" would become a space and an accent).
                scalars.append("'")
                origin.append(i)
            } else if changes(scalar) {
                let form = String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars
                scalars += form
                origin += repeatElement(i, count: form.count)
            } else {
                scalars.append(scalar)
                origin.append(i)
            }
        }
        origin.append(original.count)
        return (scalars, origin)
    }

    /// Vulgar fractions, superscripts and subscripts, which NFKC would turn into plain digits.
    static func keepsItsForm(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xB2, 0xB3, 0xB9, 0xBC...0xBE, 0x2070...0x209F, 0x2150...0x215F, 0x2189: return true
        default: return false
        }
    }

    /// `entity` (found in the normalised text) with the offsets and text of the message as written.
    func restoring(_ entity: Entity) -> Entity {
        guard let origin else { return entity }
        var entity = entity
        entity.start = origin[entity.start]
        entity.end = max(entity.start, origin[entity.end])
        var view = String.UnicodeScalarView()
        view.append(contentsOf: original[entity.start..<entity.end])
        entity.text = String(view)
        return entity
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80
            ? scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace
    }

    /// Letters, but not digits, nor apostrophes that Unicode counts as letters ("ʼ").
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80
            ? scalar.isASCIILetter
            : scalar.properties.isAlphabetic && !scalar.isASCIIDigit && !Apostrophes.contains(scalar.value)
    }

    static func lowercased(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        if scalars.allSatisfy({ $0.value < 0x80 }) {
            return String(unsafeUninitializedCapacity: scalars.count) { buffer in
                for (offset, scalar) in scalars.enumerated() {
                    let byte = UInt8(scalar.value)
                    buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return scalars.count
            }
        }
        var lower = String.UnicodeScalarView()
        for scalar in scalars { lower.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars) }
        return String(lower)
    }

    /// The original text of scalars `start..<end`.
    func text(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// Whether lexeme `k` is a capitalised word inside a sentence, as a name is ("an Audi Q3"):
    /// not the message's first lexeme nor one after ".", "!", "?" or ":".
    func isCapitalizedMidSentence(_ k: Int) -> Bool {
        guard k > 0, k < lexemes.count, lexemes[k].kind == .word, scalars[lexemes[k].start].properties.isUppercase
        else { return false }
        return ![".", "!", "?", ":"].contains(lexemes[k - 1].text)
    }

    /// Whether only spaces separate lexeme `a` from the next one.
    func adjacent(_ a: Int) -> Bool {
        a + 1 < lexemes.count && lexemes[a].end == lexemes[a + 1].start
    }

    /// The index of the lexeme starting at scalar offset `offset`, if any.
    func lexeme(startingAt offset: Int) -> Int? {
        let low = firstLexeme(startingFrom: offset)
        return low < lexemes.count && lexemes[low].start == offset ? low : nil
    }

    /// Up to `limit` word lexemes that end at or before scalar offset `offset`, nearest first:
    /// what the rules read as context before an entity ("call", "order", "visit"). Costs the
    /// lexemes it passes, not the message.
    func words(before offset: Int, limit: Int) -> [Lexeme] {
        var found: [Lexeme] = []
        var k = firstLexeme(startingFrom: offset) - 1
        while k >= 0 && found.count < limit {
            if lexemes[k].kind == .word && lexemes[k].end <= offset { found.append(lexemes[k]) }
            k -= 1
        }
        return found
    }

    /// The index of the first lexeme that starts at or after scalar offset `offset` (the
    /// lexemes' count if none does), by binary search.
    func firstLexeme(startingFrom offset: Int) -> Int {
        var low = 0
        var high = lexemes.count
        while low < high {
            let mid = (low + high) / 2
            if lexemes[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
    var isASCIILetter: Bool { (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
}
