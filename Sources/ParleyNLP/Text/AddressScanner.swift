/// Finds email and web addresses in UTF-16 text, so the tokenizer can keep
/// them whole where ICU would split them at "@", ":" and "/".
///
/// A single linear pass with bounded look-around: no regular expression, so
/// hostile input (thousands of "@" signs) costs linear time.
struct AddressScanner {
    struct Span {
        var start: Int
        var end: Int
        var kind: Token.Kind
    }

    let units: UnsafeBufferPointer<UInt16>

    /// Address spans, sorted and non-overlapping; URLs win over emails inside them.
    func spans() -> [Span] {
        var result: [Span] = []
        var i = 0
        let n = units.count
        while i < n {
            let unit = units[i]
            if unit | 0x20 == 0x68 || unit | 0x20 == 0x77, i == 0 || !isAddressChar(units[i - 1]),
                let end = urlEnd(from: i)
            {
                result.append(Span(start: i, end: end, kind: .url))
                i = end
                continue
            }
            if unit == 0x40, let span = email(at: i, after: result.last?.end ?? 0) {
                result.append(span)
                i = span.end
                continue
            }
            i += 1
        }
        return result
    }

    /// The end of a URL starting with "http://", "https://" or "www." at `start`.
    func urlEnd(from start: Int) -> Int? {
        let schemes = ["https://", "http://", "ftp://", "www."]
        guard let scheme = schemes.first(where: { hasPrefix($0, at: start) }) else { return nil }
        var end = start + scheme.utf16.count
        while end < units.count && !isSpace(units[end]) && !isURLTerminator(units[end]) { end += 1 }
        // "…/wiki/Parcel_(post)": a closing bracket the address opened is its own.
        var depth = bracketDepth(start..<end)
        while end > start + scheme.utf16.count && isTrailingPunctuation(units[end - 1]) {
            if units[end - 1] == 0x29 {
                depth += 1
                if depth > 0 { break }
            }
            end -= 1
        }
        return end > start + scheme.utf16.count ? end : nil
    }

    /// The email address around the "@" at `at`, not reaching before `floor`.
    func email(at: Int, after floor: Int) -> Span? {
        var start = at
        while start > floor && isLocalChar(units[start - 1]) { start -= 1 }
        while start < at && units[start] == 0x2E { start += 1 }
        guard start < at else { return nil }
        var end = at + 1
        while end < units.count && isDomainChar(units[end]) { end += 1 }
        while end > at + 1 && (units[end - 1] == 0x2E || units[end - 1] == 0x2D) { end -= 1 }
        guard end > at + 1, isAlphanumeric(units[at + 1]) else { return nil }
        // The domain needs a dot and a top-level label of two or more letters.
        var lastDot = -1
        for i in (at + 1)..<end where units[i] == 0x2E { lastDot = i }
        guard lastDot > at + 1, end - lastDot - 1 >= 2 else { return nil }
        for i in (lastDot + 1)..<end where !isLetter(units[i]) { return nil }
        return Span(start: start, end: end, kind: .email)
    }

    /// How many more "(" than ")" `range` holds.
    func bracketDepth(_ range: Range<Int>) -> Int {
        var depth = 0
        for i in range where units[i] == 0x28 || units[i] == 0x29 { depth += units[i] == 0x28 ? 1 : -1 }
        return depth
    }

    func hasPrefix(_ prefix: String, at start: Int) -> Bool {
        var i = start
        for unit in prefix.utf16 {
            guard i < units.count, units[i] | 0x20 == unit else { return false }
            i += 1
        }
        return true
    }
}

@inline(__always) private func isLetter(_ unit: UInt16) -> Bool {
    let lower = unit | 0x20
    return lower >= 0x61 && lower <= 0x7A
}

@inline(__always) private func isAlphanumeric(_ unit: UInt16) -> Bool {
    isLetter(unit) || (unit >= 0x30 && unit <= 0x39)
}

@inline(__always) private func isAddressChar(_ unit: UInt16) -> Bool {
    isAlphanumeric(unit) || unit == 0x2E || unit == 0x2D || unit == 0x5F
}

/// Characters allowed in the local part of an email address.
@inline(__always) private func isLocalChar(_ unit: UInt16) -> Bool {
    isAlphanumeric(unit) || unit == 0x2E || unit == 0x5F || unit == 0x25 || unit == 0x2B || unit == 0x2D
}

@inline(__always) private func isDomainChar(_ unit: UInt16) -> Bool {
    isAlphanumeric(unit) || unit == 0x2E || unit == 0x2D
}

/// Characters that end a URL: <, >, ", `, curly quotes, and the letters and punctuation of
/// Chinese, Japanese and Korean, which customers write right after a pasted link
/// ("链接https://…你们看一下", "…/A-10234，显示已签收").
@inline(__always) private func isURLTerminator(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x3C, 0x3E, 0x22, 0x60, 0x2018...0x201F, 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F,
        0xFF00...0xFFEF:
        true
    default: false
    }
}

@inline(__always) private func isTrailingPunctuation(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D, 0x27, 0x22: true
    default: false
    }
}
