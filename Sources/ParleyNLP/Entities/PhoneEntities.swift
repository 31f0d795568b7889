/// Telephone numbers: 7 to 15 digits with the separators people use
/// (spaces, hyphens, dots, brackets, a leading + or 00, an extension).
///
/// Digits after "#", "account", "card", "order" and the like are not phone
/// numbers unless a word such as "phone" or "call" says so; social security
/// and payment card numbers, dates and codes glued to letters are not either.
/// One forward pass per candidate start: linear time.
struct PhoneEntities {
    let text: EntityText

    static let cues: Set<String> = [
        "phone", "telephone", "tel", "mobile", "cell", "cellphone", "call", "ring", "fax", "whatsapp", "landline",
        "text", "sms", "reach", "contact",
    ]
    static let blockers: Set<String> = [
        "account", "card", "order", "invoice", "iban", "ref", "reference", "code", "pin", "id", "isbn", "imei", "qq",
        "serial", "sku", "tracking",
    ]
    /// The same in Chinese, found inside the run of Chinese before the digits ("中通快递单号",
    /// "手机号码是"): order, tracking and other numbers, and phones.
    static let chineseBlockers = ["单号", "订单", "编号", "货号", "卡号", "账号", "工单", "快递号", "发票号", "qq"]
    static let chineseCues = ["电话", "手机", "号码", "联系方式", "致电", "热线", "微信"]

    /// Whether `word` is a cue (true), a blocker (false), or neither (nil).
    static func reading(_ word: String) -> Bool? {
        if cues.contains(word) { return true }
        if blockers.contains(word) { return false }
        guard let first = word.unicodeScalars.first, ChineseScript.isHan(first) else { return nil }
        if chineseBlockers.contains(where: word.contains) { return false }
        if chineseCues.contains(where: word.contains) { return true }
        return nil
    }

    func find() -> [Entity] {
        let scalars = text.scalars
        var entities: [Entity] = []
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            let startsHere = scalar.isASCIIDigit || scalar == "+" || scalar == "("
            guard startsHere, !isGlued(at: i) else {
                i += 1
                continue
            }
            let (match, end) = phone(at: i)
            if let match { entities.append(match) }
            // Skip what was read, or at least the rest of this run of digits.
            var j = max(end, i + 1)
            while j < scalars.count && (scalars[j].isASCIIDigit || scalars[j] == ")" || scalars[j] == "+") { j += 1 }
            i = j
        }
        return entities
    }

    /// Whether a phone number cannot start at `i` because it continues a longer token.
    func isGlued(at i: Int) -> Bool {
        guard i > 0 else { return false }
        let before = text.scalars[i - 1]
        let scalar = text.scalars[i]
        if before.isASCIIDigit || before == "." || before == "," || before == "*" || before == "/" || before == "_" {
            return true
        }
        // A minus sign ("-2208960000") or a one-letter code prefix ("E-151673398").
        if before == "-" && (i < 2 || text.scalars[i - 2].properties.isWhitespace) { return true }
        if before == "-" && i >= 2 && text.scalars[i - 2].isASCIILetter && (i < 3 || !text.scalars[i - 3].isASCIILetter)
        {
            return true
        }
        if before == "+" || before == "-" || before == "#" || before == ")" {
            // "#Name#-(123) 456-7890" and "OFFICE-1(516)…" are fine; "45*31-339…" and "+(31)" are not.
            guard i >= 2 else { return false }
            let twoBefore = text.scalars[i - 2]
            return twoBefore.isASCIIDigit || twoBefore == ")" || twoBefore == "*" || before == "+" || before == ")"
        }
        if before.isASCIILetter { return !(scalar == "(" || scalar == "+") }
        return false
    }

    /// The phone number starting at `start`, if any, and how far the scan read.
    func phone(at start: Int) -> (Entity?, Int) {
        let scalars = text.scalars
        var i = start
        var digits = 0
        var groups: [Int] = []
        var separatorKinds = Set<Unicode.Scalar>()
        var openParens = 0
        var plus = false
        var best: (end: Int, digits: Int, groups: [Int])?
        var begin = start
        func recordBoundary() {
            if digits >= 8 && digits <= 15 && openParens == 0 { best = (i, digits, groups) }
        }
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar.isASCIIDigit {
                var run = 0
                while i < scalars.count && scalars[i].isASCIIDigit {
                    run += 1
                    i += 1
                }
                digits += run
                groups.append(run)
                if digits > 15 { break }
                recordBoundary()
                continue
            }
            if scalar == "+" && digits == 0 && !plus {
                plus = true
                i += 1
                continue
            }
            if scalar == "(" && openParens == 0 && i + 1 < scalars.count
                && (scalars[i + 1].isASCIIDigit || scalars[i + 1] == "+")
            {
                if digits == 0 && i == start { begin = start }
                openParens = 1
                if i + 1 < scalars.count && scalars[i + 1] == "+" {
                    plus = true
                    i += 1
                }
                i += 1
                continue
            }
            if scalar == ")" {
                if openParens == 1 {
                    openParens = 0
                    separatorKinds.insert(")")
                    i += 1
                    if i < scalars.count && scalars[i] == " " && i + 1 < scalars.count && scalars[i + 1].isASCIIDigit {
                        i += 1
                    }
                    continue
                }
                break
            }
            if "-. /".unicodeScalars.contains(scalar) && digits > 0 && i + 1 < scalars.count {
                var next = i + 1
                // " -" and "- " pairs count as one separator.
                if (scalar == " " && (scalars[next] == "-" || scalars[next] == "/"))
                    || (scalar != " " && scalars[next] == " ")
                {
                    next += 1
                }
                guard next < scalars.count, scalars[next].isASCIIDigit || (scalars[next] == "(" && scalar == " ") else {
                    break
                }
                separatorKinds.insert(scalar)
                i = next
                continue
            }
            break
        }
        let scanned = i
        guard let best else { return (nil, scanned) }
        var end = best.end
        let (count, groupSizes) = (best.digits, best.groups)
        // Extensions: "ext. 123", "x123", "X63888", "ext63888".
        var k = end
        var ext = ""
        if k < scalars.count && scalars[k] == " " { k += 1 }
        let ahead = text.text(k, min(scalars.count, k + 9)).lowercased()
        if ahead.hasPrefix("ext") || ahead.hasPrefix("x") {
            k +=
                ahead.hasPrefix("extension") ? 9 : ahead.hasPrefix("ext.") ? 4 : ahead.hasPrefix("ext") ? 3 : 1
            while k < scalars.count && scalars[k] == " " { k += 1 }
            var e = k
            while e < scalars.count && scalars[e].isASCIIDigit { e += 1 }
            if e > k && e - k <= 6 {
                ext = text.text(k, e)
                end = e
            }
        }
        // What follows must not continue a longer token ("T005-2333-100731-SW-2", hex "46 D9").
        if end < scalars.count {
            let after = scalars[end]
            if after.isASCIILetter || after.isASCIIDigit { return (nil, scanned) }
            if (after == "-" || after == "/") && end + 1 < scalars.count && !scalars[end + 1].properties.isWhitespace {
                return (nil, scanned)
            }
            if after == " " && end + 2 < scalars.count && scalars[end + 1].isASCIILetter
                && scalars[end + 2].isASCIIDigit
            {
                return (nil, scanned)
            }
        }
        let raw = text.text(begin, end)
        if looksLikeDate(raw) || isSocialSecurityNumber(groupSizes, separatorKinds) || isCardNumber(groupSizes, count)
            || isBookOrHandsetNumber(raw, count: count, groups: groupSizes.count, plus: plus)
                && !hasCue(before: begin)
        {
            return (nil, max(scanned, end))
        }
        // Dotted groups are phone numbers only in three or more groups of two or more digits
        // ("837.824.1482"; "200.38294427" is a decimal).
        if separatorKinds.contains("."), groupSizes.count < 3 || groupSizes.contains(where: { $0 < 2 }) {
            return (nil, max(scanned, end))
        }
        if !hasCue(before: begin) && blocked(before: begin) { return (nil, max(scanned, end)) }
        // The extension is no part of the number one dials: RFC 3966's ";ext=" parameter.
        let value = Self.value(text.text(begin, best.end), plus: plus) + (ext.isEmpty ? "" : ";ext=" + ext)
        return (Entity(type: "phone", value: value, text: raw, start: begin, end: end), end)
    }

    /// The digits of a number (without its extension), with a leading "+" when it is international: written
    /// with "+" or with the "00" prefix ("0044 20 …" → "+4420…"). The trunk zero
    /// in brackets after a country code is dropped ("+44 (0)20 …" → "+4420…").
    static func value(_ raw: String, plus: Bool) -> String {
        var digits = ""
        let scalars = Array(raw.unicodeScalars)
        var international = plus
        for (i, scalar) in scalars.enumerated() where scalar.isASCIIDigit {
            let trunkZero =
                scalar == "0" && i > 0 && scalars[i - 1] == "(" && i + 1 < scalars.count && scalars[i + 1] == ")"
                && !digits.isEmpty
            if trunkZero && (plus || digits.hasPrefix("00")) { continue }
            digits.unicodeScalars.append(scalar)
        }
        if !plus, digits.hasPrefix("00"), digits.count >= 10, digits.dropFirst(2).first != "0" {
            digits.removeFirst(2)
            international = true
        }
        return (international ? "+" : "") + digits
    }

    /// ISBN-13s (978 or 979 and ten more digits) and IMEIs (15 digits in one run, not after
    /// the international prefix 00): no phones, unless a word such as "phone" says so.
    func isBookOrHandsetNumber(_ raw: String, count: Int, groups: Int, plus: Bool) -> Bool {
        guard !plus, !raw.hasPrefix("00") else { return false }
        if count == 13 && (raw.hasPrefix("978") || raw.hasPrefix("979")) { return true }
        return count == 15 && groups == 1
    }

    /// US social security numbers: 3-2-4 digits with hyphens.
    func isSocialSecurityNumber(_ groups: [Int], _ separators: Set<Unicode.Scalar>) -> Bool {
        groups == [3, 2, 4] && separators == ["-"]
    }

    /// Payment card numbers: 13 or more digits in groups of four.
    func isCardNumber(_ groups: [Int], _ digits: Int) -> Bool {
        digits >= 13 && groups.count >= 3 && groups.dropLast().allSatisfy { $0 == 4 }
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

    /// Whether the nearest cue or blocker among the six words before `start` is a cue.
    func hasCue(before start: Int) -> Bool {
        text.words(before: start, limit: 6).lazy.compactMap { Self.reading($0.text) }.first ?? false
    }

    /// Whether "#", "*" or "=" stands right before `start`, or a blocker among the three words before it.
    func blocked(before start: Int) -> Bool {
        let index = text.firstLexeme(startingFrom: start)
        guard index > 0 else { return false }
        if ["#", "*", "="].contains(text.lexemes[index - 1].text) { return true }
        return text.words(before: start, limit: 3).contains { Self.reading($0.text) == false }
    }
}
