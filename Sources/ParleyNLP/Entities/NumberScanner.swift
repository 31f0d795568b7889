/// Finds numbers written with digits ("1,234.5", "-12e-1", "2.33 k", "3/4")
/// or words ("one hundred and three and two thirds", "half a dozen"), and
/// ordinals ("21st", "twenty-fifth"). Used by the number, ordinal, money and
/// date rules. Every scan moves forward only: linear in the message length.
struct NumberScanner {
    /// A number found in the text.
    struct Match {
        /// Scalar offsets, end exclusive.
        var start: Int
        var end: Int
        /// Lexeme range, end exclusive.
        var firstLexeme: Int
        var endLexeme: Int
        var value: Double
        var isOrdinal: Bool
        var isWords: Bool
    }

    let text: EntityText

    /// Every number, in order, non-overlapping.
    func all() -> [Match] {
        var matches: [Match] = []
        var i = 0
        while i < text.lexemes.count {
            if let match = number(at: i) {
                matches.append(match)
                i = match.endLexeme
            } else {
                i += 1
            }
        }
        return matches
    }

    /// The number starting at lexeme `i`, if any.
    func number(at i: Int) -> Match? {
        let lexemes = text.lexemes
        let lexeme = lexemes[i]
        switch lexeme.kind {
        case .digits:
            return digits(at: i, sign: nil)
        case .symbol where (lexeme.text == "-" || lexeme.text == "+" || lexeme.text == "−") && text.adjacent(i):
            guard i + 1 < lexemes.count, lexemes[i + 1].kind == .digits else { return nil }
            if i > 0 && (lexemes[i - 1].kind != .symbol && lexemes[i - 1].end == lexeme.start) { return nil }
            return digits(at: i + 1, sign: i)
        case .word:
            return words(at: i)
        default:
            return nil
        }
    }

    // MARK: Digits

    func digits(at i: Int, sign: Int?) -> Match? {
        let lexemes = text.lexemes
        let scalars = text.scalars
        // A digit run glued to letters before it ("SCP173", "T005") is not a number.
        if i > 0 && lexemes[i - 1].kind == .word && lexemes[i - 1].end == lexemes[i].start { return nil }
        var end = i + 1
        var literal = lexemes[i].text
        // Thousands groups: "1,234,567", "12,34,567", "40 000", "1 234 567".
        while end + 1 < lexemes.count, lexemes[end].kind == .symbol, lexemes[end - 1].end == lexemes[end].start,
            lexemes[end].end == lexemes[end + 1].start, lexemes[end + 1].kind == .digits
        {
            let separator = lexemes[end].text
            let group = lexemes[end + 1].text
            if separator == "," && (group.count == 3 || (group.count == 2 && end + 2 < lexemes.count && lexemes[end + 2].text == ",")) {
                literal += group
            } else if separator == "," && group.count == 2 && end + 2 >= lexemes.count || separator == "," && group.count == 2 && !text.adjacent(end + 1) {
                literal += "." + group
            } else if separator == "." {
                // A second "." (an IP address, a date like 03.03.2020) ends the number before it.
                if literal.contains(".") || (end + 2 < lexemes.count && lexemes[end + 2].text == "." && text.adjacent(end + 1) && end + 3 < lexemes.count && lexemes[end + 3].kind == .digits) {
                    if !literal.contains(".") { return nil }
                    break
                }
                literal += "." + group
            } else {
                break
            }
            end += 2
        }
        // "40 000" and "1 234 567" with a (thin) space between groups of three.
        while end < lexemes.count, lexemes[end].kind == .digits, lexemes[end].text.count == 3,
            lexemes[end - 1].end + 1 == lexemes[end].start, !literal.contains("."),
            scalars[lexemes[end - 1].end] == "\u{202F}" || scalars[lexemes[end - 1].end] == "\u{00A0}"
        {
            literal += lexemes[end].text
            end += 1
        }
        var value = Double(literal) ?? 0
        var lastEnd = lexemes[end - 1].end
        // Exponent: "1e10", "-12e-1", "6.23x10^-4", "-2500^-1".
        if end < lexemes.count, lexemes[end].start == lastEnd {
            let next = lexemes[end].text
            if next == "e", end + 1 < lexemes.count, text.adjacent(end) {
                var k = end + 1
                var negative = false
                if lexemes[k].text == "-" || lexemes[k].text == "+", text.adjacent(k), k + 1 < lexemes.count {
                    negative = lexemes[k].text == "-"
                    k += 1
                }
                if lexemes[k].kind == .digits, lexemes[k - 1].end == lexemes[k].start {
                    value *= pow10((negative ? -1 : 1) * (Double(lexemes[k].text) ?? 0))
                    end = k + 1
                    lastEnd = lexemes[k].end
                }
            } else if next == "^" || next.hasPrefix("x") {
                var k = end
                if next.hasPrefix("x") {
                    // x10^-4
                    guard next == "x", k + 2 < lexemes.count, lexemes[k + 1].text == "10", lexemes[k + 2].text == "^" else {
                        return finish(i: i, sign: sign, end: end, value: value, suffixFrom: end)
                    }
                    k += 2
                }
                k += 1
                while k < lexemes.count, lexemes[k].text == "-" || lexemes[k].text == "+", lexemes[k - 1].end == lexemes[k].start { k += 1 }
                if k < lexemes.count, lexemes[k].kind == .digits, lexemes[k - 1].end == lexemes[k].start {
                    end = k + 1
                    lastEnd = lexemes[k].end
                    if k + 1 < lexemes.count, lexemes[k + 1].text == ".", text.adjacent(k), k + 2 < lexemes.count, lexemes[k + 2].kind == .digits, text.adjacent(k + 1) {
                        end = k + 3
                    }
                }
            } else if next == "/" && end + 1 < lexemes.count && lexemes[end + 1].kind == .digits && text.adjacent(end) {
                // A fraction, unless it is a date such as 5/12/2020.
                if end + 2 < lexemes.count && lexemes[end + 2].text == "/" && text.adjacent(end + 1) { return nil }
                let denominator = Double(lexemes[end + 1].text) ?? 0
                if denominator != 0 { value /= denominator }
                end += 2
            }
        }
        return finish(i: i, sign: sign, end: end, value: value, suffixFrom: end)
    }

    func finish(i: Int, sign: Int?, end: Int, value: Double, suffixFrom: Int) -> Match? {
        let lexemes = text.lexemes
        var end = end
        var value = value
        if let sign, lexemes[sign].text != "+" { value = -value }
        var isOrdinal = false
        if end < lexemes.count, lexemes[end].kind == .word {
            let word = lexemes[end].text
            let glued = lexemes[end - 1].end == lexemes[end].start
            let multipliers: [String: Double] = ["k": 1e3, "mm": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tln": 1e12]
            if glued, ["st", "nd", "rd", "th"].contains(word) {
                isOrdinal = true
                end += 1
            } else if let multiplier = multipliers[word], glued || word.count > 1 || word == "k" {
                if glued || word == "k" || word.count > 1 {
                    // "100k", "1.2b", "2.33 k", "10 bln"; a glued letter that starts a longer word is not one.
                    value *= multiplier
                    end += 1
                }
            } else if !glued, let scale = NumberWords.scales[word] {
                value *= scale
                end += 1
            } else if glued, !["s", "x"].contains(word), Currency.codes.contains(word) == false, Currency.names[word] == nil {
                // Digits glued to a word ("180ml", "29km", "3pm", "1m") are a measure, not a number.
                return nil
            }
        }
        return Match(
            start: lexemes[sign ?? i].start, end: lexemes[end - 1].end, firstLexeme: sign ?? i, endLexeme: end,
            value: value, isOrdinal: isOrdinal, isWords: false)
    }

    func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(abs(exponent).rounded()) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }

    // MARK: Words

    /// A spelled-out number: cardinals with "and" and hyphens, scales,
    /// fractions ("two thirds", "one over three"), decimals ("zero point five"),
    /// a leading "a", "negative" or "minus", and ordinals ("twenty-fifth").
    func words(at i: Int) -> Match? {
        let lexemes = text.lexemes
        var k = i
        var negative = false
        if lexemes[k].text == "negative" || lexemes[k].text == "minus" {
            negative = true
            k += 1
        }
        var total = 0.0
        var current = 0.0
        var sawNumber = false
        var lastWasNumber = false
        var isOrdinal = false
        var end = k
        var pendingArticle = false
        while k < lexemes.count {
            let word = lexemes[k].text
            if word == "-" && lastWasNumber && text.adjacent(k - 1) == false && k + 1 < lexemes.count && lexemes[k + 1].kind == .word {
                // "ninety - five"
                k += 1
                continue
            }
            if word == "-" && lastWasNumber && k + 1 < lexemes.count && lexemes[k - 1].end == lexemes[k].start && lexemes[k].end == lexemes[k + 1].start {
                k += 1
                continue
            }
            if word == "a" || word == "an" {
                guard k + 1 < lexemes.count else { break }
                let next = lexemes[k + 1].text
                if NumberWords.scales[next] != nil || NumberWords.denominator(next) != nil || NumberWords.ordinals[next] != nil {
                    pendingArticle = true
                    k += 1
                    continue
                }
                break
            }
            if word == "and" && sawNumber && k + 1 < lexemes.count {
                let next = lexemes[k + 1].text
                if NumberWords.isCardinal(next) || next == "a" || NumberWords.denominator(next) != nil {
                    k += 1
                    lastWasNumber = false
                    continue
                }
                break
            }
            if let unit = NumberWords.units[word] ?? NumberWords.tens[word] {
                // "two thirds": a numerator followed by a denominator.
                if k + 1 < lexemes.count, let denominator = NumberWords.denominator(lexemes[k + 1].text), lexemes[k + 1].text.hasSuffix("s") || unit == 1 {
                    if !(NumberWords.tens[word] != nil && NumberWords.ordinals[lexemes[k + 1].text] != nil && unit >= 20 && !lexemes[k + 1].text.hasSuffix("s")) {
                        total += current
                        current = 0
                        total += unit / denominator
                        sawNumber = true
                        lastWasNumber = true
                        k += 2
                        end = k
                        continue
                    }
                }
                current += unit
                sawNumber = true
                lastWasNumber = true
                pendingArticle = false
                k += 1
                end = k
                continue
            }
            if let scale = NumberWords.scales[word] {
                guard sawNumber || pendingArticle || word.hasPrefix("half") || k > i else {
                    if word == "dozen" || word == "dozens" || word == "hundred" { current = 1 } else { break }
                    k += 1
                    end = k
                    sawNumber = true
                    continue
                }
                if scale == 12 {
                    current = max(current, 1) * 12
                } else if scale == 100 {
                    current = max(current, 1) * 100
                } else {
                    total += max(current, 1) * scale
                    current = 0
                }
                sawNumber = true
                lastWasNumber = true
                pendingArticle = false
                k += 1
                end = k
                continue
            }
            if word == "half" || word == "quarter" || word == "quarters" {
                // "half a dozen", "a half", "quarter million", "one and a half"
                let fraction = word == "half" ? 0.5 : (word == "quarters" ? 0.75 : 0.25)
                if k + 1 < lexemes.count, let scale = NumberWords.scales[lexemes[k + 1].text] {
                    total += fraction * scale * (current == 0 ? 1 : (word == "quarters" ? current / 3 : current))
                    current = 0
                    k += 2
                } else if k + 2 < lexemes.count, lexemes[k + 1].text == "a", let scale = NumberWords.scales[lexemes[k + 2].text] {
                    total += fraction * scale
                    k += 3
                } else if sawNumber || pendingArticle {
                    total += current + (word == "quarters" && current > 0 ? 0 : fraction)
                    if word == "quarters" && current > 0 { total += 0 }
                    current = 0
                    k += 1
                } else {
                    break
                }
                sawNumber = true
                lastWasNumber = true
                end = k
                continue
            }
            if let ordinal = NumberWords.ordinals[word] {
                if sawNumber || pendingArticle || k == i {
                    if !sawNumber && !pendingArticle && (word == "second" || word == "first") && k + 1 < lexemes.count {
                        // handled by the ordinal rules; keep going
                    }
                    current += ordinal
                    isOrdinal = true
                    sawNumber = true
                    k += 1
                    end = k
                }
                break
            }
            if let denominator = NumberWords.denominator(word), sawNumber || pendingArticle {
                total += (current == 0 ? 1 : current) / denominator
                current = 0
                sawNumber = true
                k += 1
                end = k
                break
            }
            if word == "point" && sawNumber && k + 1 < lexemes.count {
                var decimals = ""
                var j = k + 1
                while j < lexemes.count, let digit = NumberWords.units[lexemes[j].text], digit < 10 {
                    decimals += String(Int(digit))
                    j += 1
                }
                if j < lexemes.count, decimals.isEmpty, let teen = NumberWords.units[lexemes[j].text] {
                    decimals = String(Int(teen))
                    j += 1
                }
                guard !decimals.isEmpty else { break }
                current += Double("0." + decimals) ?? 0
                k = j
                end = k
                break
            }
            if word == "over" && sawNumber && k + 1 < lexemes.count, let denominator = number(at: k + 1), denominator.value != 0 {
                let numerator = total + current
                total = numerator / denominator.value
                current = 0
                end = denominator.endLexeme
                k = end
                break
            }
            if word == "in" && sawNumber && current == 1 && total == 0 && k + 1 < lexemes.count, let denominator = number(at: k + 1), denominator.value != 0 {
                total = 1 / denominator.value
                current = 0
                end = denominator.endLexeme
                k = end
                break
            }
            break
        }
        guard sawNumber, end > i, end > (negative ? i + 1 : i) else { return nil }
        // Trim a dangling "and" or article.
        while end > i, ["and", "a", "an", "-"].contains(lexemes[end - 1].text) { end -= 1 }
        var value = total + current
        if negative { value = -value }
        return Match(
            start: lexemes[i].start, end: lexemes[end - 1].end, firstLexeme: i, endLexeme: end, value: value,
            isOrdinal: isOrdinal, isWords: true)
    }
}
