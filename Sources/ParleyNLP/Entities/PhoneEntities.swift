/// Telephone numbers: 7 to 15 digits with the separators people use
/// (spaces, hyphens, dots, brackets, a leading + or 00, an extension).
///
/// A bare run of digits is a phone number only when the words before it say
/// so ("phone", "call", "mobile", …) or it starts with + or 0; digits after
/// "#", "account", "card" or "order" are not. One forward pass: linear time.
struct PhoneEntities {
    let text: EntityText

    static let cues: Set<String> = [
        "phone", "telephone", "tel", "mobile", "cell", "cellphone", "call", "ring", "fax", "whatsapp", "landline",
        "text", "sms", "reach", "contact",
    ]
    static let blockers: Set<String> = ["account", "card", "order", "invoice", "iban", "ref", "reference", "code", "pin", "id"]

    func find() -> [Entity] {
        let scalars = text.scalars
        var entities: [Entity] = []
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            let startsHere = scalar.isASCIIDigit || scalar == "+" || scalar == "("
            let glued = i > 0 && (scalars[i - 1].isASCIILetter || scalars[i - 1].isASCIIDigit || "*/+-)_#.,".unicodeScalars.contains(scalars[i - 1]))
            guard startsHere, !glued else {
                i += 1
                continue
            }
            if let match = phone(at: i) {
                entities.append(match)
                i = match.end
            } else {
                // Skip the rest of this run of digits.
                var j = i + 1
                while j < scalars.count && (scalars[j].isASCIIDigit || scalars[j] == "(" || scalars[j] == ")" || scalars[j] == "+") { j += 1 }
                i = j
            }
        }
        return entities
    }

    func phone(at start: Int) -> Entity? {
        let scalars = text.scalars
        var i = start
        var digits = 0
        var groups = 0
        var separators = 0
        var openParens = 0
        var plus = false
        var lastDigitEnd = start
        var inGroup = false
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar.isASCIIDigit {
                digits += 1
                if !inGroup { groups += 1 }
                inGroup = true
                i += 1
                lastDigitEnd = i
                continue
            }
            inGroup = false
            if scalar == "+" && digits == 0 && !plus {
                plus = true
                i += 1
                continue
            }
            if scalar == "(" && openParens == 0 && (i + 1 < scalars.count) && (scalars[i + 1].isASCIIDigit || scalars[i + 1] == "+") {
                openParens += 1
                i += 1
                continue
            }
            if scalar == ")" && openParens == 1 {
                openParens = 0
                separators += 1
                i += 1
                continue
            }
            if (scalar == "-" || scalar == "." || scalar == " " || scalar == "/") && digits > 0 && i + 1 < scalars.count {
                // One separator (or ") " / " (" combinations) between digit groups.
                let next = scalars[i + 1]
                if next.isASCIIDigit || (next == "(" && scalar == " ") || (next == " " && scalar != " " && i + 2 < scalars.count && scalars[i + 2].isASCIIDigit) {
                    if scalar == "/" && groups == 1 && digits == 4 { break }
                    separators += 1
                    i += next == " " ? 2 : 1
                    continue
                }
            }
            break
        }
        var end = lastDigitEnd
        // Extensions: "ext. 123", "x123".
        var extensionDigits = 0
        var j = end
        if j < scalars.count, scalars[j] == "x" || scalars[j] == " " {
            var k = j
            if scalars[k] == " " { k += 1 }
            let word = text.text(k, min(scalars.count, k + 4)).lowercased()
            if word.hasPrefix("ext") || (k < scalars.count && scalars[k] == "x") {
                k += word.hasPrefix("ext.") ? 4 : word.hasPrefix("ext") ? 3 : 1
                while k < scalars.count && scalars[k] == " " { k += 1 }
                var e = k
                while e < scalars.count && scalars[e].isASCIIDigit { e += 1 }
                if e > k && e - k <= 6 {
                    extensionDigits = e - k
                    j = e
                }
            }
        }
        if extensionDigits > 0 { end = j }
        guard digits >= 7 && digits <= 15, openParens == 0 else { return nil }
        // What follows must not continue a longer token ("T005-2333-100731-SW-2").
        if end < scalars.count, scalars[end].isASCIILetter || (scalars[end] == "-" && end + 1 < scalars.count && !scalars[end + 1].properties.isWhitespace) {
            return nil
        }
        let raw = text.text(start, end)
        let cue = hasCue(before: start)
        if !cue {
            if blocked(before: start) { return nil }
            // Without a cue, ask for a phone-like shape: +, a leading 0, or 3+ groups.
            let leadingZero = scalars[start] == "0" || (scalars[start] == "(" && start + 1 < scalars.count && scalars[start + 1] == "0")
            guard plus || (leadingZero && digits >= 9) || (groups >= 3 && separators >= 2 && !looksLikeDate(raw)) else { return nil }
        }
        if looksLikeDate(raw) { return nil }
        let value = (plus ? "+" : "") + raw.unicodeScalars.filter(\.isASCIIDigit).map(String.init).joined()
        return Entity(type: "phone", value: value, text: raw, start: start, end: end)
    }

    /// "2020-03-03", "03.03.2020", "2009/2010".
    func looksLikeDate(_ raw: String) -> Bool {
        let groups = raw.split { !$0.isASCIIDigit }
        guard groups.count == 3 || groups.count == 2 else { return false }
        let separators = Set(raw.filter { !$0.isASCIIDigit })
        guard separators.count == 1, let separator = separators.first, "-./".contains(separator) else { return false }
        if groups.count == 2 { return groups.allSatisfy { $0.count == 4 } }
        let lengths = groups.map(\.count)
        return lengths == [4, 2, 2] || lengths == [2, 2, 4] || lengths == [1, 2, 4] || lengths == [2, 1, 4]
    }

    func hasCue(before start: Int) -> Bool {
        guard let index = text.lexeme(startingAt: start) ?? text.lexemes.firstIndex(where: { $0.start >= start }) else { return false }
        var words = 0
        var k = index - 1
        while k >= 0 && words < 6 {
            let lexeme = text.lexemes[k]
            if lexeme.kind == .word {
                if Self.cues.contains(lexeme.text) { return true }
                if Self.blockers.contains(lexeme.text) { return false }
                words += 1
            }
            k -= 1
        }
        return false
    }

    func blocked(before start: Int) -> Bool {
        guard let index = text.lexemes.firstIndex(where: { $0.start >= start }), index > 0 else { return false }
        let previous = text.lexemes[index - 1]
        if previous.text == "#" || previous.text == "*" || previous.text == "=" { return true }
        var k = index - 1
        var words = 0
        while k >= 0 && words < 3 {
            if text.lexemes[k].kind == .word {
                if Self.blockers.contains(text.lexemes[k].text) { return true }
                words += 1
            }
            k -= 1
        }
        return false
    }
}
