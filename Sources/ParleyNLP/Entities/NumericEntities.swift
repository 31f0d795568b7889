internal import Foundation

/// Numbers, ordinals and amounts of money, built on `NumberScanner`.
struct NumericEntities {
    let text: EntityText
    let numbers: [NumberScanner.Match]

    init(text: EntityText) {
        self.text = text
        numbers = NumberScanner(text: text).all()
    }

    /// Words after which "one" is a pronoun, not a number ("this one").
    static let pronounOne: Set<String> = [
        "this", "that", "the", "which", "each", "every", "no", "any", "some", "another", "current", "last",
        "previous", "next", "first", "one", "other", "right", "wrong", "new", "old", "only", "you",
    ]

    /// Words that name a position relative to another, and the offset they mean.
    static let relativeOrdinals: [String: String] = [
        "last": "-1", "next": "+1", "previous": "-1", "current": "0", "penultimate": "-2", "antepenultimate": "-3",
    ]

    func numberEntities() -> [Entity] {
        numbers.compactMap { match in
            guard !match.isOrdinal else { return nil }
            let lexemes = text.lexemes
            if match.isWords && match.endLexeme - match.firstLexeme == 1 {
                let word = lexemes[match.firstLexeme].text
                if word == "one", match.firstLexeme > 0, Self.pronounOne.contains(lexemes[match.firstLexeme - 1].text) {
                    return nil
                }
                if word == "one", match.endLexeme < lexemes.count,
                    ["of", "another", "day"].contains(lexemes[match.endLexeme].text)
                {
                    return nil
                }
                if word == "nil" || word == "dozen" || word == "dozens" { return nil }
            }
            // "open 24/7": round the clock, no fraction.
            if match.endLexeme - match.firstLexeme == 3,
                lexemes[match.firstLexeme..<match.endLexeme].map(\.text) == ["24", "/", "7"]
            {
                return nil
            }
            return entity("number", match, value: NumberWords.format(match.value))
        }
    }

    func ordinalEntities() -> [Entity] {
        var entities: [Entity] = []
        let lexemes = text.lexemes
        for match in numbers where match.isOrdinal {
            // "a trillionth" is a fraction, not an ordinal.
            if ["a", "an"].contains(lexemes[match.firstLexeme].text) && match.endLexeme - match.firstLexeme == 2 {
                continue
            }
            entities.append(entity("ordinal", match, value: NumberWords.format(match.value)))
        }
        // Fractions swallow their denominator: "forty two and a third" still has the ordinal "third".
        for match in numbers where !match.isOrdinal && match.isWords {
            let last = lexemes[match.endLexeme - 1].text
            if let value = NumberWords.ordinals[last], value >= 3, match.endLexeme - match.firstLexeme >= 3,
                ["a", "an"].contains(lexemes[match.endLexeme - 2].text)
            {
                let l = lexemes[match.endLexeme - 1]
                entities.append(
                    Entity(
                        type: "ordinal", value: NumberWords.format(value), text: text.text(l.start, l.end),
                        start: l.start, end: l.end))
            }
        }
        // Relative ordinals: "last", "next", "previous", "current", "penultimate", "next to last",
        // "the one before the last".
        var i = 0
        while i < lexemes.count {
            let word = lexemes[i].text
            if word == "one", i + 3 < lexemes.count, lexemes[i + 1].text == "before", lexemes[i + 2].text == "the",
                lexemes[i + 3].text == "last"
            {
                let start = i > 0 && lexemes[i - 1].text == "the" ? i - 1 : i
                var end = i + 4
                if end < lexemes.count && lexemes[end].text == "one" { end += 1 }
                entities.append(span("ordinal", start, end, value: "-2"))
                i = end
                continue
            }
            // "the second to last", "third to last".
            if let position = NumberWords.ordinals[word], position <= 10, i + 2 < lexemes.count,
                lexemes[i + 1].text == "to",
                lexemes[i + 2].text == "last"
            {
                let start = i > 0 && lexemes[i - 1].text == "the" ? i - 1 : i
                entities.append(span("ordinal", start, i + 3, value: "-\(NumberWords.format(position))"))
                i += 3
                continue
            }
            let relative = Self.relativeOrdinals
            if let value = relative[word],
                !(word == "next" && i + 1 < lexemes.count && ["to"].contains(lexemes[i + 1].text)
                    && !(i + 2 < lexemes.count && lexemes[i + 2].text == "last"))
            {
                if word == "next", i + 2 < lexemes.count, lexemes[i + 1].text == "to", lexemes[i + 2].text == "last" {
                    entities.append(span("ordinal", i, i + 3, value: "-2"))
                    i += 3
                    continue
                }
                // "last week", "next Monday" are dates, not ordinals.
                if i + 1 < lexemes.count, DateWords.isTimeNoun(lexemes[i + 1].text) {
                    i += 1
                    continue
                }
                let end = i + 1 < lexemes.count && lexemes[i + 1].text == "one" ? i + 2 : i + 1
                entities.append(span("ordinal", i, end, value: value))
                i = end
                continue
            }
            i += 1
        }
        return entities
    }

    func moneyEntities() -> [Entity] {
        let lexemes = text.lexemes
        var entities: [Entity] = []
        var used = Set<Int>()
        var ranges: [(start: Int, end: Int, code: String)] = []
        for match in numbers where !match.isOrdinal && !used.contains(match.firstLexeme) {
            // Currency before: "$ 20", "c $ 1.34", "US$ 1MM", "EUR 40", "dollar 22.5 million", "₿21,000,000".
            var start = match.firstLexeme
            var currency: String?
            var end = match.endLexeme
            var amount = match.value
            // A sign right after the amount is its own ("10 $ 30 $"), not the next amount's.
            let signAfter = end < lexemes.count && Currency.symbol(lexemes[end].text) != nil
            if !signAfter, start > 0, !used.contains(start - 1),
                let (code, first) = Currency.before(text, lexeme: start - 1)
            {
                // "Euro 2024", "Dollar 1999": a currency's name before a year names an event or a
                // title; an amount after a name is rare, and never a year ("EUR 2024" is money).
                if Currency.names[lexemes[first].text] != nil, Currency.code(text, first) == nil, !match.isWords,
                    match.firstLexeme + 1 == match.endLexeme, lexemes[match.firstLexeme].text.count == 4,
                    (1900...2099).contains(match.value), match.value == match.value.rounded()
                {
                    continue
                }
                currency = code
                start = first
                // "-£20", "−$5.00": a minus sign before the symbol, with a space or nothing before it.
                if start > 0, ["-", "\u{2212}"].contains(lexemes[start - 1].text), amount > 0,
                    lexemes[start - 1].end == lexemes[start].start,
                    start == 1 || lexemes[start - 2].end < lexemes[start - 1].start
                {
                    amount = -amount
                    start -= 1
                }
            }
            // Currency after: "12 euros", "197 pence", "50 million USD", "75 USD million", "115USD", "10 €".
            if currency == nil, let (code, next) = Currency.after(text, lexeme: end),
                !isWeight(unit: next - 1)
            {
                // "at 7p" is a time.
                if lexemes[next - 1].text == "p", start > 0, Self.timePrepositions.contains(lexemes[start - 1].text) {
                    continue
                }
                currency = code
                // Minor units alone: "80 pence" is 0.80 GBP, "25¢" 0.25 USD.
                if let minor = Currency.minorUnits[lexemes[next - 1].text], minor.code == code {
                    amount *= minor.factor
                }
                end = next
                if end < lexemes.count, let scale = NumberWords.scales[lexemes[end].text], scale >= 1e3 {
                    end += 1
                }
            }
            guard let code = currency else { continue }
            if end < lexemes.count, let scale = NumberWords.scales[lexemes[end - 1].text], end - 1 >= match.endLexeme,
                scale >= 1e3
            {
                amount *= scale
            }
            // Minor units after the major ones: "3 dollars 50 cents", "three dollars and fifty cents",
            // "15 dollars and 50", "c $ 100 and fifty", "17 USD 25".
            if let (minor, after) = minorAmount(after: end, code: code, major: match) {
                amount += minor
                end = after
            }
            used.formUnion(start..<end)
            entities.append(span("money", start, end, value: Currency.format(amount, code: code)))
            ranges.append((start, end, code))
        }
        // A range shares its currency: "$20-30", "20 to 30 euros", "10-15 dollars".
        let cardinals = numbers.filter { !$0.isOrdinal }
        let endingAt = Dictionary(cardinals.map { ($0.endLexeme, $0) }, uniquingKeysWith: { first, _ in first })
        let startingAt = Dictionary(cardinals.map { ($0.firstLexeme, $0) }, uniquingKeysWith: { first, _ in first })
        for (start, end, code) in ranges {
            let before = start >= 2 && Self.rangeWords.contains(lexemes[start - 1].text) ? endingAt[start - 1] : nil
            let after =
                end < lexemes.count && Self.rangeWords.contains(lexemes[end].text)
                ? startingAt[end + 1].flatMap {
                    $0.endLexeme < lexemes.count && DateWords.units[lexemes[$0.endLexeme].text] != nil ? nil : $0
                } : nil
            for match in [before, after].compactMap({ $0 }) where !used.contains(match.firstLexeme) {
                used.formUnion(match.firstLexeme..<match.endLexeme)
                entities.append(
                    span("money", match.firstLexeme, match.endLexeme, value: Currency.format(match.value, code: code)))
            }
        }
        // Currency names on their own count too ("the dollar fell").
        for (index, lexeme) in lexemes.enumerated() where !used.contains(index) && lexeme.kind == .word {
            if let code = Currency.standaloneNames[lexeme.text] {
                entities.append(span("money", index, index + 1, value: code))
            }
        }
        return entities
    }

    /// Words between the ends of a range of amounts.
    static let rangeWords: Set<String> = ["-", "–", "to"]

    /// Whether the currency word at lexeme `unit` is a weight ("weighs 12 pounds", "20 pounds
    /// heavier", "12 pounds in weight", "5 pounds of flour"; not "20 pounds of credit").
    func isWeight(unit: Int) -> Bool {
        let lexemes = text.lexemes
        guard ["pound", "pounds"].contains(lexemes[unit].text) else { return false }
        let next = unit + 1 < lexemes.count ? lexemes[unit + 1].text : ""
        let afterNext = unit + 2 < lexemes.count ? lexemes[unit + 2].text : ""
        if ["heavier", "lighter", "overweight", "underweight"].contains(next) || afterNext.hasPrefix("weight") {
            return true
        }
        if next == "of", !afterNext.isEmpty, afterNext.first?.isLetter == true,
            !Self.boughtWithMoney.contains(afterNext)
        {
            return true
        }
        return lexemes[max(0, unit - 5)..<unit].contains { $0.text.hasPrefix("weigh") }
    }

    /// What "N pounds of" buys as money ("20 pounds of credit"); anything else is weighed ("5
    /// pounds of flour", "12 pounds of weight").
    static let boughtWithMoney: Set<String> = [
        "credit", "credits", "change", "refund", "refunds", "compensation", "cash", "voucher", "vouchers", "postage",
        "shopping", "goods", "stock", "debt", "fees", "charges", "savings", "spending", "value", "the", "my", "your",
        "our", "their", "his", "her", "it", "that", "this", "which", "what",
    ]

    /// Words before an hour ("at 7p"), where "p" is the afternoon, not pence.
    static let timePrepositions: Set<String> = [
        "at", "by", "from", "until", "till", "til", "before", "after", "around",
    ]

    /// The minor units after an amount of `code` that ends before lexeme `end`, as a part of
    /// the major unit, and the lexeme after them: an optional "and", a number under 100, then a
    /// minor unit of the same currency ("50 cents"); without one, only digits after a code
    /// ("17 USD 25") or a number after "and" ("15 dollars and 50").
    func minorAmount(after end: Int, code: String, major: NumberScanner.Match) -> (Double, Int)? {
        let lexemes = text.lexemes
        guard end < lexemes.count, end > major.endLexeme, code != "" else { return nil }
        let and = lexemes[end].text == "and"
        let first = and ? end + 1 : end
        guard first < lexemes.count, let cents = NumberScanner(text: text).number(at: first), !cents.isOrdinal,
            cents.value < 100, cents.value >= 0
        else { return nil }
        if cents.endLexeme < lexemes.count, let minor = Currency.minorUnits[lexemes[cents.endLexeme].text] {
            guard Currency.after(text, lexeme: cents.endLexeme)?.0 == minor.code || minor.code == code else {
                return nil
            }
            return (cents.value * minor.factor, cents.endLexeme + 1)
        }
        // Another currency after the number is another amount ("10 dollars and 5 euros").
        if cents.endLexeme < lexemes.count, Currency.after(text, lexeme: cents.endLexeme) != nil { return nil }
        if and || (!cents.isWords && lexemes[first].kind == .digits) { return (cents.value / 100, cents.endLexeme) }
        // "ten pounds fifty for shipping": spoken, the pence end the amount.
        let next = cents.endLexeme < lexemes.count ? lexemes[cents.endLexeme] : nil
        if cents.isWords, next.map({ $0.kind == .symbol || Self.afterSpokenMinorUnits.contains($0.text) }) ?? true {
            return (cents.value / 100, cents.endLexeme)
        }
        return nil
    }

    /// Words after which a number said after a currency's name is its minor units ("ten pounds
    /// fifty for shipping"), not a count of something ("ten pounds fifty people").
    static let afterSpokenMinorUnits: Set<String> = [
        "for", "each", "please", "per", "a", "an", "and", "but", "so", "to", "in", "on", "at", "then", "which", "that",
    ]

    func entity(_ type: String, _ match: NumberScanner.Match, value: String) -> Entity {
        Entity(type: type, value: value, text: text.text(match.start, match.end), start: match.start, end: match.end)
    }

    func span(_ type: String, _ first: Int, _ end: Int, value: String) -> Entity {
        let start = text.lexemes[first].start
        let stop = text.lexemes[end - 1].end
        return Entity(type: type, value: value, text: text.text(start, stop), start: start, end: stop)
    }
}
