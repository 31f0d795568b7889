/// The Snowball English ("Porter2") stemmer.
///
/// A faithful Swift port of `english.sbl` from the Snowball project
/// (<https://snowballstem.org/algorithms/english/stemmer.html>), working on
/// UTF-8 bytes in a stack buffer. Words containing characters other than ASCII
/// pass through the same rules; such characters count as consonants, exactly
/// as in Snowball's own UTF-8 stemmer.
public struct EnglishStemmer: Stemmer {
    public init() {}

    public func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { utf8 in
            // Snowball leaves words of fewer than three characters alone.
            if utf8.count < 3 || (utf8.count < 12 && utf8.lazy.filter({ $0 & 0xC0 != 0x80 }).count < 3) {
                return String(decoding: utf8, as: UTF8.self)
            }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count + 2) { buffer in
                var stemmed = Porter2Word(buffer: buffer, word: utf8)
                stemmed.stem()
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<stemmed.length]), as: UTF8.self)
            }
        }
    }
}

private let apostrophe = UInt8(ascii: "'")
private let letterY = UInt8(ascii: "y")
private let markedY = UInt8(ascii: "Y")

/// One word being stemmed in place; the state of Snowball's English program.
private struct Porter2Word {
    var b: UnsafeMutableBufferPointer<UInt8>
    var length: Int
    /// Start of region R1 and R2 (byte offsets; `length` of the word when empty).
    var p1 = 0
    var p2 = 0
    var foundY = false

    init(buffer: UnsafeMutableBufferPointer<UInt8>, word: UnsafeBufferPointer<UInt8>) {
        b = buffer
        length = word.count
        for i in 0..<word.count { buffer[i] = word[i] }
    }

    // MARK: Character classes

    @inline(__always) func isVowel(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), letterY:
            return true
        default: return false
        }
    }

    @inline(__always) func isVowelAt(_ i: Int) -> Bool { isVowel(b[i]) }

    /// A non-vowel other than w, x and Y.
    @inline(__always) func isNonVowelWXY(_ c: UInt8) -> Bool {
        !isVowel(c) && c != UInt8(ascii: "w") && c != UInt8(ascii: "x") && c != markedY
    }

    @inline(__always) func isValidLI(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "g"), UInt8(ascii: "h"),
            UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default: return false
        }
    }

    // MARK: Buffer helpers

    /// Whether the word (up to `end`) ends with `suffix`.
    @inline(__always) func ends(_ suffix: StaticString, at end: Int) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard end >= count else { return false }
        let s = suffix.utf8Start
        var i = 0
        while i < count {
            if b[end - count + i] != s[i] { return false }
            i += 1
        }
        return true
    }

    @inline(__always) func ends(_ suffix: StaticString) -> Bool { ends(suffix, at: length) }

    /// Whether the word starts with `prefix`.
    func starts(_ prefix: StaticString) -> Bool {
        length >= prefix.utf8CodeUnitCount && ends(prefix, at: prefix.utf8CodeUnitCount)
    }

    /// Replaces the last `count` bytes with `replacement`.
    @inline(__always) mutating func replace(last count: Int, with replacement: StaticString) {
        let start = length - count
        let r = replacement.utf8Start
        for i in 0..<replacement.utf8CodeUnitCount { b[start + i] = r[i] }
        length = start + replacement.utf8CodeUnitCount
    }

    func equals(_ word: StaticString) -> Bool {
        length == word.utf8CodeUnitCount && ends(word)
    }

    /// Whether a vowel occurs in `b[0..<end]`.
    func hasVowel(before end: Int) -> Bool {
        var i = 0
        while i < end {
            if isVowel(b[i]) { return true }
            i += 1
        }
        return false
    }

    /// Snowball's `shortv`, tested backwards from `end`: a short syllable ends there.
    func endsWithShortSyllable(at end: Int) -> Bool {
        if end == 4 && starts("past") { return true }
        if end >= 3 && isNonVowelWXY(b[end - 1]) && isVowel(b[end - 2]) && !isVowel(b[end - 3]) {
            return true
        }
        return end == 2 && !isVowel(b[1]) && isVowel(b[0])
    }

    // MARK: The program

    mutating func stem() {
        if exception1() { return }
        prelude()
        markRegions()
        step1a()
        if exception2() {
            postlude()
            return
        }
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
        postlude()
    }

    mutating func exception1() -> Bool {
        switch length {
        case 3:
            return equals("sky")
        case 4:
            if equals("skis") {
                replace(last: 4, with: "ski")
                return true
            }
            if equals("idly") {
                replace(last: 4, with: "idl")
                return true
            }
            if equals("ugly") {
                replace(last: 4, with: "ugli")
                return true
            }
            if equals("only") {
                replace(last: 4, with: "onli")
                return true
            }
            return equals("news") || equals("howe") || equals("bias")
        case 5:
            if equals("skies") {
                replace(last: 5, with: "sky")
                return true
            }
            if equals("dying") {
                replace(last: 5, with: "die")
                return true
            }
            if equals("lying") {
                replace(last: 5, with: "lie")
                return true
            }
            if equals("tying") {
                replace(last: 5, with: "tie")
                return true
            }
            if equals("early") {
                replace(last: 5, with: "earli")
                return true
            }
            return equals("atlas") || equals("andes")
        case 6:
            if equals("gently") {
                replace(last: 6, with: "gentl")
                return true
            }
            if equals("singly") {
                replace(last: 6, with: "singl")
                return true
            }
            return equals("cosmos")
        default:
            return false
        }
    }

    mutating func prelude() {
        if b[0] == apostrophe {
            for i in 1..<length { b[i - 1] = b[i] }
            length -= 1
        }
        guard length > 0 else { return }
        if b[0] == letterY {
            b[0] = markedY
            foundY = true
        }
        var i = 1
        while i < length {
            if b[i] == letterY && isVowel(b[i - 1]) {
                b[i] = markedY
                foundY = true
            }
            i += 1
        }
    }

    mutating func markRegions() {
        p1 = length
        p2 = length
        var i: Int
        if starts("gener") || starts("arsen") || starts("emerg") || starts("inter") || starts("later")
            || starts("organ")
        {
            i = 5
        } else if starts("commun") {
            i = 6
        } else if starts("univers") {
            i = 7
        } else if starts("past") {
            i = 4
        } else {
            guard let after = pastVowelThenNonVowel(from: 0) else { return }
            i = after
        }
        p1 = i
        guard let after = pastVowelThenNonVowel(from: i) else { return }
        p2 = after
    }

    /// Snowball's `gopast v gopast non-v` from `start`: the position after
    /// the first non-vowel that follows a vowel.
    func pastVowelThenNonVowel(from start: Int) -> Int? {
        var i = start
        while i < length && !isVowel(b[i]) { i += 1 }
        guard i < length else { return nil }
        i += 1
        while i < length && isVowel(b[i]) { i += 1 }
        guard i < length else { return nil }
        return i + 1
    }

    mutating func step1a() {
        if ends("'s'") {
            length -= 3
        } else if ends("'s") {
            length -= 2
        } else if ends("'") {
            length -= 1
        }
        if ends("sses") {
            length -= 2
        } else if ends("ied") || ends("ies") {
            if length > 4 {
                replace(last: 3, with: "i")
            } else {
                replace(last: 3, with: "ie")
            }
        } else if ends("us") || ends("ss") {
            return
        } else if ends("s") {
            // Delete if a vowel occurs before the letter preceding the s.
            if length >= 3 && hasVowel(before: length - 2) {
                length -= 1
            }
        }
    }

    func exception2() -> Bool {
        switch length {
        case 6: return equals("inning") || equals("outing") || equals("exceed")
        case 7:
            return equals("canning") || equals("herring") || equals("earring") || equals("proceed")
                || equals("succeed") || equals("evening")
        default: return false
        }
    }

    mutating func step1b() {
        var suffix = 0
        if ends("eedly") {
            if length - 5 >= p1 { replace(last: 5, with: "ee") }
            return
        } else if ends("ingly") {
            suffix = 5
        } else if ends("edly") {
            suffix = 4
        } else if ends("eed") {
            if length - 3 >= p1 { replace(last: 3, with: "ee") }
            return
        } else if ends("ing") {
            suffix = 3
        } else if ends("ed") {
            suffix = 2
        } else {
            return
        }
        guard hasVowel(before: length - suffix) else { return }
        let removedIng = suffix == 3 || suffix == 5
        length -= suffix
        if removedIng && length == 2 && b[1] == letterY && !isVowel(b[0]) {
            // "dying", "hying", "vying": a consonant and "y" become "-ie".
            replace(last: 1, with: "ie")
        } else if ends("at") || ends("bl") || ends("iz") {
            b[length] = UInt8(ascii: "e")
            length += 1
        } else if length >= 2 && b[length - 1] == b[length - 2] && isUndoubledEnding(b[length - 1])
            && !(length == 3 && isVowel(b[0]))
        {
            // Undouble ("hopp" → "hop"), but not after a lone initial vowel ("add", "ebb", "err").
            length -= 1
        } else if length == p1 && endsWithShortSyllable(at: length) {
            b[length] = UInt8(ascii: "e")
            length += 1
        }
    }

    /// The doubled letters Step 1b undoubles: bb dd ff gg mm nn pp rr tt.
    func isUndoubledEnding(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "m"),
            UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default: return false
        }
    }

    mutating func step1c() {
        guard length >= 3 else { return }
        let last = b[length - 1]
        if (last == letterY || last == markedY) && !isVowel(b[length - 2]) {
            b[length - 1] = UInt8(ascii: "i")
        }
    }

    /// Replaces a suffix of `count` bytes by `replacement` when it lies in R1.
    @inline(__always) mutating func inR1(_ count: Int, _ replacement: StaticString) {
        if length - count >= p1 { replace(last: count, with: replacement) }
    }

    mutating func step2() {
        guard length > p1 else { return }
        switch b[length - 1] {
        case UInt8(ascii: "l"):
            if ends("ational") { inR1(7, "ate") } else if ends("tional") { inR1(6, "tion") }
        case UInt8(ascii: "i"):
            if ends("lessli") {
                inR1(6, "less")
            } else if ends("entli") {
                inR1(5, "ent")
            } else if ends("fulli") {
                inR1(5, "ful")
            } else if ends("ousli") {
                inR1(5, "ous")
            } else if ends("biliti") {
                inR1(6, "ble")
            } else if ends("aliti") {
                inR1(5, "al")
            } else if ends("iviti") {
                inR1(5, "ive")
            } else if ends("enci") {
                inR1(4, "ence")
            } else if ends("anci") {
                inR1(4, "ance")
            } else if ends("abli") {
                inR1(4, "able")
            } else if ends("alli") {
                inR1(4, "al")
            } else if ends("bli") {
                inR1(3, "ble")
            } else if ends("ogi") {
                if length - 3 >= p1 && length >= 4 && b[length - 4] == UInt8(ascii: "l") {
                    replace(last: 3, with: "og")
                }
            } else if ends("li") {
                if length - 2 >= p1 && length >= 3 && isValidLI(b[length - 3]) { length -= 2 }
            }
        case UInt8(ascii: "r"):
            if ends("izer") { inR1(4, "ize") } else if ends("ator") { inR1(4, "ate") }
        case UInt8(ascii: "n"):
            if ends("ization") { inR1(7, "ize") } else if ends("ation") { inR1(5, "ate") }
        case UInt8(ascii: "m"):
            if ends("alism") { inR1(5, "al") }
        case UInt8(ascii: "t"):
            if ends("ogist") { inR1(5, "og") }
        case UInt8(ascii: "s"):
            if ends("fulness") {
                inR1(7, "ful")
            } else if ends("ousness") {
                inR1(7, "ous")
            } else if ends("iveness") {
                inR1(7, "ive")
            }
        default:
            break
        }
    }

    mutating func step3() {
        guard length > p1 else { return }
        switch b[length - 1] {
        case UInt8(ascii: "l"):
            if ends("ational") {
                inR1(7, "ate")
            } else if ends("tional") {
                inR1(6, "tion")
            } else if ends("ical") {
                inR1(4, "ic")
            } else if ends("ful") {
                inR1(3, "")
            }
        case UInt8(ascii: "e"):
            if ends("alize") {
                inR1(5, "al")
            } else if ends("icate") {
                inR1(5, "ic")
            } else if ends("ative") {
                if length - 5 >= p2 { length -= 5 }
            }
        case UInt8(ascii: "i"):
            if ends("iciti") { inR1(5, "ic") }
        case UInt8(ascii: "s"):
            if ends("ness") { inR1(4, "") }
        default:
            break
        }
    }

    mutating func step4() {
        guard length > p2 else { return }
        var count = 0
        switch b[length - 1] {
        case UInt8(ascii: "l"):
            if ends("al") { count = 2 }
        case UInt8(ascii: "e"):
            if ends("ance") || ends("ence") || ends("able") || ends("ible") {
                count = 4
            } else if ends("ate") || ends("ive") || ends("ize") {
                count = 3
            }
        case UInt8(ascii: "r"):
            if ends("er") { count = 2 }
        case UInt8(ascii: "c"):
            if ends("ic") { count = 2 }
        case UInt8(ascii: "t"):
            if ends("ement") {
                count = 5
            } else if ends("ment") {
                count = 4
            } else if ends("ant") || ends("ent") {
                count = 3
            }
        case UInt8(ascii: "m"):
            if ends("ism") { count = 3 }
        case UInt8(ascii: "i"):
            if ends("iti") { count = 3 }
        case UInt8(ascii: "s"):
            if ends("ous") { count = 3 }
        case UInt8(ascii: "n"):
            if ends("ion") {
                if length - 3 >= p2 && length >= 4
                    && (b[length - 4] == UInt8(ascii: "s") || b[length - 4] == UInt8(ascii: "t"))
                {
                    length -= 3
                }
                return
            }
        default:
            break
        }
        if count > 0 && length - count >= p2 { length -= count }
    }

    mutating func step5() {
        guard length > 0 else { return }
        if b[length - 1] == UInt8(ascii: "e") {
            let at = length - 1
            if at >= p2 || (at >= p1 && !endsWithShortSyllable(at: at)) { length -= 1 }
        } else if b[length - 1] == UInt8(ascii: "l") {
            let at = length - 1
            if at >= p2 && at >= 1 && b[at - 1] == UInt8(ascii: "l") { length -= 1 }
        }
    }

    mutating func postlude() {
        guard foundY else { return }
        for i in 0..<length where b[i] == markedY { b[i] = letterY }
    }
}
