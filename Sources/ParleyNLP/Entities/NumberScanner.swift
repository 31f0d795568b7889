internal import Foundation

/// Finds numbers written with digits ("1,234.5", "-12e-1", "2.33 k", "3/4",
/// "1 234 567"), words ("one hundred and three and two thirds", "half a
/// dozen", "zero point five"), a mix ("3 hundred and 21", "1 over three"),
/// and ordinals ("21st", "twenty-fifth"). Used by the number, ordinal, money
/// and date rules. Scans move forward only: linear in the message length.
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

    private var lexemes: [EntityText.Lexeme] { text.lexemes }

    private func word(_ k: Int) -> String { k >= 0 && k < lexemes.count ? lexemes[k].text : "" }

    /// The number starting at lexeme `i`, if any.
    func number(at i: Int) -> Match? {
        let lexeme = lexemes[i]
        switch lexeme.kind {
        case .symbol:
            if lexeme.text == "-" || lexeme.text == "+" || lexeme.text == "−" {
                // A sign: glued ("-1") or spaced before a mixed fraction ("- 1 4/5").
                guard i + 1 < lexemes.count, lexemes[i + 1].kind == .digits else { return nil }
                if i > 0 && lexemes[i - 1].kind != .symbol && lexemes[i - 1].end == lexeme.start { return nil }
                guard var match = phrase(at: i + 1) else { return nil }
                if lexeme.text != "+" { match.value = -match.value }
                match.start = lexeme.start
                match.firstLexeme = i
                return match
            }
            // Vulgar fractions: "½", "⅔".
            if let scalar = lexeme.text.unicodeScalars.first, let value = scalar.properties.numericValue,
                scalar.properties.numericType == .numeric || scalar.properties.numericType == .digit
            {
                return Match(
                    start: lexeme.start, end: lexeme.end, firstLexeme: i, endLexeme: i + 1, value: value,
                    isOrdinal: false, isWords: false)
            }
            return nil
        case .digits, .word:
            return phrase(at: i)
        }
    }

    // MARK: Phrases

    /// A number phrase: a cardinal, then fractions, "over"/"out of"/"in",
    /// "point" decimals, "and a half", "of a million".
    func phrase(at i: Int) -> Match? {
        var k = i
        var negative = false
        if word(k) == "negative" || word(k) == "minus" {
            negative = true
            k += 1
            guard k < lexemes.count else { return nil }
        }
        if lexemes[k].kind == .digits, let match = digits(at: k), match.isOrdinal {
            return finish(i, match.endLexeme, match.value, negative: negative, ordinal: true, words: false)
        }
        if let standalone = standaloneFraction(at: k) {
            return finish(i, standalone.end, standalone.value, negative: negative, ordinal: false, words: true)
        }
        guard let first = cardinal(at: k) else { return nil }
        var value = first.value
        var end = first.end
        let words = lexemes[k].kind == .word || first.end - k > 1
        if let ordinal = first.ordinal {
            // "a fifth", "a twenty-first" are fractions; "twenty-fifth" is an ordinal.
            if word(k) == "a" || word(k) == "an" {
                guard first.end - k == 2 else {
                    return finish(i, end, ordinal, negative: negative, ordinal: true, words: true)
                }
                // "a first class seat" is no fraction; "a fifth" is.
                guard ordinal >= 3 else { return nil }
                return finish(i, end, 1 / ordinal, negative: negative, ordinal: false, words: true)
            }
            if first.plural {
                return finish(i, end, first.numerator / ordinal, negative: negative, ordinal: false, words: true)
            }
            if first.numerator != 0 {
                return finish(i, end, first.numerator / ordinal, negative: negative, ordinal: false, words: true)
            }
            return finish(i, end, ordinal, negative: negative, ordinal: true, words: words)
        }
        // "one twenty-fifth", "one one hundred fifth": a lone numerator, then an ordinal.
        if first.end - k == 1, lexemes[k].kind == .word, let next = cardinal(at: end), let ordinal = next.ordinal,
            next.numerator == 0,
            word(end) != "a", word(end) != "and"
        {
            return finish(i, next.end, value / ordinal, negative: negative, ordinal: false, words: true)
        }
        // "two thirds", "five - eighths", "one-eighth", "twenty fifths".
        var d = end
        if word(d) == "-" { d += 1 }
        if let denominator = NumberWords.denominator(word(d)), word(d).hasSuffix("s") || value == 1 || word(end) == "-",
            !(word(d) == "second" || word(d) == "seconds")
        {
            value /= denominator
            end = d + 1
        }
        // "and a half", "and a quarter", "and a third", "and two thirds".
        if word(end) == "and", let fraction = andFraction(at: end + 1) {
            value += fraction.value
            end = fraction.end
        }
        // "of a million": "two thirds of a million".
        if value < 1, word(end) == "of", word(end + 1) == "a", let scale = NumberWords.scales[word(end + 2)] {
            value *= scale
            end += 3
        }
        // "point five", "point seventy-one".
        if word(end) == "point", let decimals = decimalWords(at: end + 1) {
            value += decimals.value
            end = decimals.end
        }
        // "1 over three", "2000 over 3", "one out of three", "1 in twenty-one".
        if ["over", "in", "out"].contains(word(end)) {
            var d = end + 1
            if word(end) == "out" {
                guard word(d) == "of" else {
                    return finish(i, end, value, negative: negative, ordinal: false, words: words)
                }
                d += 1
            }
            if d < lexemes.count, word(end) != "in" || value == 1, let denominator = cardinal(at: d),
                denominator.ordinal == nil,
                denominator.value != 0
            {
                value /= denominator.value
                end = denominator.end
            }
        }
        // Mixed fractions: "2 1/4", "- 1 4/5".
        if lexemes[k].kind == .digits, first.end - k == 1, end == first.end, end < lexemes.count,
            lexemes[end].kind == .digits,
            word(end + 1) == "/", text.adjacent(end), let fraction = digits(at: end), fraction.value < 1,
            fraction.value > 0
        {
            value += fraction.value
            end = fraction.endLexeme
        }
        return finish(i, end, value, negative: negative, ordinal: false, words: words || end - k > 1)
    }

    func finish(_ i: Int, _ end: Int, _ value: Double, negative: Bool, ordinal: Bool, words: Bool) -> Match {
        var end = end
        while end > i + 1, ["and", "a", "an", "-"].contains(word(end - 1)) { end -= 1 }
        return Match(
            start: lexemes[i].start, end: lexemes[end - 1].end, firstLexeme: i, endLexeme: end,
            value: negative ? -value : value, isOrdinal: ordinal, isWords: words)
    }

    /// "half" on its own after "than", "about", …; "half a dozen"; "a half"; "quarter million".
    func standaloneFraction(at k: Int) -> (value: Double, end: Int)? {
        let w = word(k)
        if w == "half" || w == "quarter" {
            let fraction = w == "half" ? 0.5 : 0.25
            if let scale = NumberWords.scales[word(k + 1)] { return (fraction * scale, k + 2) }
            if word(k + 1) == "a", let scale = NumberWords.scales[word(k + 2)] { return (fraction * scale, k + 3) }
            if w == "half", ["than", "about", "nearly", "almost", "over", "under", "around"].contains(word(k - 1)) {
                return (0.5, k + 1)
            }
            return nil
        }
        if w == "a" || w == "an", word(k + 1) == "half" || word(k + 1) == "quarter" {
            let fraction = word(k + 1) == "half" ? 0.5 : 0.25
            if let scale = NumberWords.scales[word(k + 2)] { return (fraction * scale, k + 3) }
            return (fraction, k + 2)
        }
        return nil
    }

    /// After "and": "a half", "a quarter", "a third", "two thirds", "three quarters".
    func andFraction(at k: Int) -> (value: Double, end: Int)? {
        if word(k) == "a" || word(k) == "an" {
            if let denominator = NumberWords.denominator(word(k + 1)) { return (1 / denominator, k + 2) }
            if let ordinal = cardinal(at: k + 1)?.ordinal { return (1 / ordinal, cardinal(at: k + 1)!.end) }
            return nil
        }
        guard let numerator = cardinal(at: k), numerator.ordinal == nil || numerator.plural else { return nil }
        if numerator.plural, let ordinal = numerator.ordinal { return (numerator.numerator / ordinal, numerator.end) }
        let d = numerator.end
        if let denominator = NumberWords.denominator(word(d)), word(d).hasSuffix("s") {
            return (numerator.value / denominator, d + 1)
        }
        return nil
    }

    /// Digits after "point": "five", "nought three", "seventy-one", "eleven".
    func decimalWords(at k: Int) -> (value: Double, end: Int)? {
        var digits = ""
        var j = k
        while j < lexemes.count, let unit = NumberWords.units[word(j)], unit < 10 {
            digits += String(Int(unit))
            j += 1
        }
        if digits.isEmpty, let cardinal = cardinal(at: k), cardinal.ordinal == nil, cardinal.value < 100,
            lexemes[k].kind == .word
        {
            digits = NumberWords.format(cardinal.value)
            j = cardinal.end
        }
        guard !digits.isEmpty, let value = Double("0." + digits) else { return nil }
        return (value, j)
    }

    // MARK: Cardinals

    /// A cardinal: digits or number words joined by scales, "and" and
    /// hyphens, possibly ending in an ordinal word ("hundred twenty fifth").
    /// `numerator` is set when a plural or article-led ordinal makes it a
    /// fraction; `plural` when the ordinal is plural ("fifths").
    struct Cardinal {
        var value: Double
        var end: Int
        var ordinal: Double?
        var plural = false
        var numerator = 0.0
    }

    func cardinal(at i: Int) -> Cardinal? {
        var k = i
        var total = 0.0
        var current = 0.0
        var saw = false
        var end = i
        var article = false
        if word(k) == "a" || word(k) == "an" {
            let next = word(k + 1)
            guard
                NumberWords.scales[next] != nil || NumberWords.ordinals[next] != nil || NumberWords.tens[next] != nil
                    || NumberWords.units[next] != nil
            else { return nil }
            article = true
            k += 1
        }
        var lastKind = ""
        while k < lexemes.count {
            let w = word(k)
            if lexemes[k].kind == .digits {
                // Digits only start a cardinal or follow "and" or a scale ("4 thousand 3 hundred and 21").
                guard !saw || lastKind == "and" || lastKind == "scale" else { break }
                guard let atom = digits(at: k) else { break }
                current += atom.value
                saw = true
                lastKind = "digits"
                k = atom.endLexeme
                end = k
                if atom.value.rounded() != atom.value
                    || atom.endLexeme - atom.firstLexeme > 1 && NumberWords.scales[word(k)] == nil
                {
                    break
                }
                continue
            }
            if w == "-" && (lastKind == "tens" || lastKind == "unit") && k + 1 < lexemes.count
                && (text.adjacent(k - 1) || !text.adjacent(k))
            {
                k += 1
                continue
            }
            if w == "and" && saw
                && (lastKind == "scale" || lastKind == "digits" && NumberWords.scales[word(k - 1)] != nil
                    || lastKind == "scale")
            {
                let next = word(k + 1)
                if NumberWords.units[next] != nil || NumberWords.tens[next] != nil
                    || lexemes.indices.contains(k + 1) && lexemes[k + 1].kind == .digits
                    || NumberWords.ordinals[next] != nil
                {
                    lastKind = "and"
                    k += 1
                    continue
                }
                break
            }
            if let unit = NumberWords.units[w] {
                // "one twenty": a second unit cannot continue a cardinal.
                if saw && (lastKind == "unit" || lastKind == "digits") { break }
                if saw && lastKind == "tens" && unit >= 10 { break }
                current += unit
                saw = true
                lastKind = "unit"
                k += 1
                end = k
                continue
            }
            if let tens = NumberWords.tens[w] {
                if saw && (lastKind == "unit" || lastKind == "tens" || lastKind == "digits") { break }
                current += tens
                saw = true
                lastKind = "tens"
                k += 1
                end = k
                continue
            }
            if let scale = NumberWords.scales[w] {
                guard saw || article else { break }
                if scale == 12 || scale == 100 {
                    current = max(current, 1) * scale
                } else {
                    total += max(current, 1) * scale
                    current = 0
                }
                saw = true
                lastKind = "scale"
                k += 1
                end = k
                continue
            }
            // "$ 280 million first preferred": digits take no ordinal word after them.
            if lexemes[i].kind == .digits && NumberWords.ordinals[w] != nil { break }
            if let ordinal = NumberWords.ordinals[w]
                ?? (w.hasSuffix("s") ? NumberWords.ordinals[String(w.dropLast())] : nil)
            {
                let plural = w.hasSuffix("s") && NumberWords.ordinals[w] == nil
                if !saw && !article {
                    return Cardinal(value: ordinal, end: k + 1, ordinal: ordinal, plural: plural)
                }
                // "twenty-fifth" (tens + unit ordinal), "hundred fifth", "trillionth".
                if lastKind == "tens" && ordinal < 10 || lastKind == "scale" || lastKind == "and" || article && !saw
                    || ordinal >= 100 && !plural
                {
                    let whole = total + current + (lastKind == "scale" && ordinal >= 100 ? 0 : ordinal)
                    let value = ordinal >= 100 && lastKind != "tens" ? max(total + current, 1) * ordinal : whole
                    if plural {
                        // "twenty fifths": a numerator and a plural denominator.
                        return Cardinal(
                            value: total + current, end: k + 1, ordinal: ordinal, plural: true,
                            numerator: total + current)
                    }
                    return Cardinal(value: value, end: k + 1, ordinal: value)
                }
                if plural {
                    return Cardinal(
                        value: total + current, end: k + 1, ordinal: ordinal, plural: true, numerator: total + current)
                }
                break
            }
            break
        }
        guard saw, end > i else { return nil }
        while end > i + 1, ["and", "-"].contains(word(end - 1)) { end -= 1 }
        return Cardinal(value: total + current, end: end)
    }

    // MARK: Digits

    /// A number written with digits starting at lexeme `i`.
    func digits(at i: Int) -> Match? {
        let scalars = text.scalars
        guard lexemes[i].kind == .digits else { return nil }
        // Digits glued to letters before them ("SCP173", "T005") are not a number, unless the letters are a
        // currency code ("CHF3.04").
        // Chinese and Japanese words touch their numbers ("运费3.5", "买了3个").
        if i > 0 && lexemes[i - 1].kind == .word && lexemes[i - 1].end == lexemes[i].start
            && !Currency.isCode(text, i - 1) && lexemes[i - 1].text != "rs"
            && !ChineseScript.isHan(text.scalars[lexemes[i - 1].end - 1])
        {
            return nil
        }
        let inChain =
            i >= 2 && (word(i - 1) == "." || word(i - 1) == "/") && lexemes[i - 2].kind == .digits
            && lexemes[i - 2].end == lexemes[i - 1].start && lexemes[i - 1].end == lexemes[i].start
        var end = i + 1
        var literal = lexemes[i].text
        // European groups: dots between thousands and a decimal comma ("1.200,50", "2.345.678,90").
        var european = false
        if literal.count <= 3 {
            var g = end
            var joined = literal
            while word(g) == ".", g + 1 < lexemes.count, lexemes[g + 1].kind == .digits,
                lexemes[g + 1].text.count == 3, lexemes[g - 1].end == lexemes[g].start,
                lexemes[g].end == lexemes[g + 1].start
            {
                joined += lexemes[g + 1].text
                g += 2
            }
            if g > end, word(g) == ",", g + 1 < lexemes.count, lexemes[g + 1].kind == .digits,
                lexemes[g + 1].text.count <= 2, lexemes[g - 1].end == lexemes[g].start,
                lexemes[g].end == lexemes[g + 1].start,
                !((word(g + 2) == "," || word(g + 2) == ".") && g + 3 < lexemes.count && lexemes[g + 3].kind == .digits
                    && lexemes[g + 2].end == lexemes[g + 3].start)
            {
                literal = joined + "." + lexemes[g + 1].text
                end = g + 2
                european = true
            }
        }
        // Comma groups: thousands ("1,234,567"), Indian ("12,34,567") or a decimal comma ("5,00"),
        // but not in a list ("sizes 1,2,3"): digits after "digits," are an item of their own, so
        // only a list's first item looks along it, and a long list costs linear time.
        let listItem =
            i >= 2 && word(i - 1) == "," && lexemes[i - 2].kind == .digits && lexemes[i - 2].end == lexemes[i - 1].start
            && lexemes[i - 1].end == lexemes[i].start
        var groups: [String] = []
        var g = european || listItem ? lexemes.count : end
        while g + 1 < lexemes.count, word(g) == ",", text.adjacent(g - 1) && lexemes[g - 1].end == lexemes[g].start,
            lexemes[g].end == lexemes[g + 1].start, lexemes[g + 1].kind == .digits
        {
            groups.append(lexemes[g + 1].text)
            g += 2
        }
        if !groups.isEmpty {
            let western = groups.allSatisfy { $0.count == 3 } && literal.count <= 3
            let indian = groups.last?.count == 3 && groups.dropLast().allSatisfy { $0.count == 2 } && literal.count <= 2
            if western || indian {
                literal += groups.joined()
                end = g
            } else if groups.count == 1 && groups[0].count <= 2 {
                literal += "." + groups[0]
                end = g
            }
        }
        // Space groups: "40 000", "1 234 567", "1 414 021 100" (also thin and no-break spaces).
        if end == i + 1, literal.count <= 3, !european {
            var s = end
            var spaced = literal
            while s < lexemes.count, lexemes[s].kind == .digits, lexemes[s].text.count == 3,
                lexemes[s - 1].end + 1 == lexemes[s].start,
                [" ", "\u{202F}", "\u{00A0}"].contains(scalars[lexemes[s - 1].end])
            {
                spaced += lexemes[s].text
                s += 1
            }
            if s > end && !(s < lexemes.count && lexemes[s].kind == .word && NumberWords.scales[word(s)] != nil) {
                literal = spaced
                end = s
                // "1 200,50 €": a decimal comma after them, as in French and Nordic prices.
                if word(end) == ",", end + 1 < lexemes.count, lexemes[end + 1].kind == .digits,
                    lexemes[end + 1].text.count <= 2, lexemes[end - 1].end == lexemes[end].start,
                    lexemes[end].end == lexemes[end + 1].start, !(word(end + 2) == "," && text.adjacent(end + 1))
                {
                    literal += "." + lexemes[end + 1].text
                    end += 2
                    european = true
                }
            }
        }
        // A decimal point, unless this is a chain such as an IP address or a date.
        if !european, word(end) == ".", end + 1 < lexemes.count, lexemes[end + 1].kind == .digits,
            lexemes[end - 1].end == lexemes[end].start,
            lexemes[end].end == lexemes[end + 1].start, !inChain
        {
            let chain =
                word(end + 2) == "." && end + 3 < lexemes.count && lexemes[end + 3].kind == .digits
                && text.adjacent(end + 1)
            if !chain {
                literal += "." + lexemes[end + 1].text
                end += 2
            }
        }
        var value = Double(literal) ?? 0
        // Exponents and fractions glued on: "1e10", "-12e-1", "6.23x10^-4", "-2500^-1", "3/4".
        if end < lexemes.count, lexemes[end].start == lexemes[end - 1].end {
            let next = word(end)
            if next == "e", let (exponent, after) = signedDigits(at: end + 1),
                lexemes[end].end == lexemes[end + 1].start
            {
                value *= pow10(exponent)
                end = after
            } else if next == "x", word(end + 1) == "10", word(end + 2) == "^",
                let (exponent, after) = signedDigits(at: end + 3)
            {
                value *= pow10(exponent)
                end = after
            } else if next == "^", let (exponent, after) = signedDigits(at: end + 1) {
                value = pow(value, exponent)
                end = after
                if word(end) == ".", end + 1 < lexemes.count, lexemes[end + 1].kind == .digits, text.adjacent(end) {
                    end += 2
                }
            } else if next == "/", end + 1 < lexemes.count, lexemes[end + 1].kind == .digits, text.adjacent(end),
                !inChain,
                !(word(end + 2) == "/" && text.adjacent(end + 1)), !(word(end + 2) == "." && text.adjacent(end + 1))
            {
                let denominator = Double(lexemes[end + 1].text) ?? 0
                if denominator != 0 && lexemes[end + 1].text.count <= 3 {
                    value /= denominator
                    end += 2
                }
            }
        }
        // Suffixes: "21st", "100k", "1.2b", "10M", "2mil", "2.33 k", "10 bln", "3 hundred".
        var isOrdinal = false
        if end < lexemes.count, lexemes[end].kind == .word {
            let suffix = word(end)
            let original = text.text(lexemes[end].start, lexemes[end].end)
            let glued = lexemes[end - 1].end == lexemes[end].start
            let multipliers: [String: Double] = [
                "k": 1e3, "mm": 1e6, "mil": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tln": 1e12,
            ]
            let upper: [String: Double] = ["K": 1e3, "M": 1e6, "G": 1e9, "B": 1e9, "T": 1e12, "MM": 1e6]
            if glued, ["st", "nd", "rd", "th"].contains(suffix) {
                isOrdinal = true
                end += 1
            } else if let multiplier = upper[original] ?? multipliers[suffix],
                glued || suffix.count > 1 || suffix == "k",
                // "$2.5mm" is millions, "the 2.5 mm jack" millimetres.
                original != "mm" || (i > 0 && Currency.before(text, lexeme: i - 1) != nil)
                    || Currency.after(text, lexeme: end + 1) != nil
            {
                value *= multiplier
                end += 1
            } else if glued, !Currency.isCode(text, end), Currency.names[suffix] == nil,
                Currency.minorUnits[suffix] == nil || suffix == "p" && lexemes[end - 1].text.count > 2, suffix != "s",
                !ChineseScript.isHan(text.scalars[lexemes[end].start])
            {
                // Digits glued to a word ("180ml", "29km", "3pm", "1m") are a measure, not a number.
                return nil
            }
        }
        return Match(
            start: lexemes[i].start, end: lexemes[end - 1].end, firstLexeme: i, endLexeme: end, value: value,
            isOrdinal: isOrdinal, isWords: false)
    }

    /// Digits with an optional sign, glued together: the exponent of "1e-10".
    func signedDigits(at k: Int) -> (Double, Int)? {
        var j = k
        var negative = false
        while j < lexemes.count, word(j) == "-" || word(j) == "+" {
            if word(j) == "-" { negative.toggle() }
            j += 1
        }
        guard j < lexemes.count, lexemes[j].kind == .digits, lexemes[j - 1].end == lexemes[j].start,
            let value = Double(word(j))
        else {
            return nil
        }
        return (negative ? -value : value, j + 1)
    }

    func pow10(_ exponent: Double) -> Double { pow(10, exponent) }
}
