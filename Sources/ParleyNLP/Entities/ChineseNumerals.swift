/// Chinese numerals, alone or mixed with digits: "三百五十" (350), "两千五"
/// (2,500: a digit right after a unit counts in the next unit down), "一千零五"
/// (1,005), "十二" (12), "二〇二四" (2024, digit by digit), "1.5万" (15,000),
/// "3千" (3,000), "1,299" (digits grouped by commas), "壹佰" (100, the financial forms). Reads simplified scalars
/// (`ChineseScript.simplified`), so "兩萬" is 20,000 too.
///
/// A numeral starts with a digit, a financial digit or "十"; "千万" (by all
/// means) and "万一" (in case) are no numbers. Forward only: linear time.
enum ChineseNumerals {
    /// A numeral found at an offset.
    struct Match {
        /// Scalar offsets, end exclusive.
        var start: Int
        var end: Int
        var value: Double
        /// Whether it has a Chinese digit or unit (not digits alone).
        var isChinese: Bool
    }

    static let digits: [Unicode.Scalar: Double] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
        "壹": 1, "贰": 2, "叁": 3, "参": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
    ]
    static let units: [Unicode.Scalar: Double] = ["十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000]
    static let largeUnits: [Unicode.Scalar: Double] = ["万": 1e4, "亿": 1e8]

    /// Whether a numeral can start with `scalar`.
    static func canStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCIIDigit || digits[scalar] != nil || scalar == "十" || scalar == "拾"
    }

    /// The numeral starting at `start` of `scalars` (simplified), if any.
    static func numeral(in scalars: [Unicode.Scalar], at start: Int) -> Match? {
        guard start < scalars.count, canStart(scalars[start]) else { return nil }
        // A zero before another digit starts no numeral: "找零三元" is change of 3 yuan, "块零五毛" five jiao.
        if digits[scalars[start]] == 0, start + 1 < scalars.count, let next = digits[scalars[start + 1]], next > 0 {
            return nil
        }
        var i = start
        var total = 0.0
        var section = 0.0
        var pending: Double?
        /// Whether `pending` is one digit, which may stand for the next unit down.
        var pendingIsOneDigit = false
        /// The last unit read, and whether a digit followed it directly (for "两千五").
        var lastUnit: Double?
        var afterZero = false
        var isChinese = false
        var digitRun: [Double] = []
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar.isASCIIDigit {
                guard pending == nil, digitRun.isEmpty else { break }
                var j = i
                while j < scalars.count && scalars[j].isASCIIDigit { j += 1 }
                // Thousands grouped with commas ("1,299", "12,500.50"): groups of exactly three digits.
                if j - i <= 3 {
                    while j + 3 < scalars.count, scalars[j] == ",",
                        scalars[(j + 1)...(j + 3)].allSatisfy(\.isASCIIDigit),
                        !(j + 4 < scalars.count && scalars[j + 4].isASCIIDigit)
                    {
                        j += 4
                    }
                }
                if j + 1 < scalars.count && scalars[j] == "." && scalars[j + 1].isASCIIDigit {
                    j += 1
                    while j < scalars.count && scalars[j].isASCIIDigit { j += 1 }
                }
                pending = Double(String(String.UnicodeScalarView(scalars[i..<j].filter { $0 != "," })))
                pendingIsOneDigit = j == i + 1
                i = j
                continue
            }
            if let digit = digits[scalar] {
                isChinese = true
                if digit == 0 && lastUnit != nil && digitRun.isEmpty {
                    if let value = pending {
                        section += value
                        pending = nil
                    }
                    afterZero = true
                    i += 1
                    continue
                }
                if pending != nil || !digitRun.isEmpty {
                    guard lastUnit == nil else { break }
                    // Two neighbouring digits are about that many: "两三天" is two or three days, read
                    // as the larger ("2 or 3 days" is P3D), "两三百" two or three hundred.
                    if digitRun.isEmpty, let value = pending, i > start, digits[scalars[i - 1]] == value,
                        digit == value + 1, !(i + 1 < scalars.count && digits[scalars[i + 1]] != nil)
                    {
                        pending = digit
                        i += 1
                        continue
                    }
                    // Digit by digit ("二〇二四"), only before any unit.
                    if let value = pending, digitRun.isEmpty { digitRun.append(value) }
                    digitRun.append(digit)
                    pending = nil
                    i += 1
                    continue
                }
                pending = digit
                pendingIsOneDigit = true
                i += 1
                continue
            }
            guard digitRun.isEmpty else { break }
            if let unit = units[scalar] {
                isChinese = true
                if pending == nil && !(unit == 10 && total == 0 && section == 0 && i == start) { break }
                section += (pending ?? 1) * unit
                pending = nil
                lastUnit = unit
                afterZero = false
                i += 1
                continue
            }
            if let large = largeUnits[scalar] {
                guard pending != nil || section > 0 else { break }
                isChinese = true
                section += pending ?? 0
                pending = nil
                if large > 1e4 { total = (total + section) * large } else { total += section * large }
                section = 0
                lastUnit = large
                afterZero = false
                i += 1
                continue
            }
            break
        }
        guard i > start else { return nil }
        var value = total + section
        if !digitRun.isEmpty {
            value = digitRun.reduce(0) { $0 * 10 + $1 }
        } else if let digit = pending {
            // "两千五" is 2,500, "三万五" 35,000; "一千零五" is 1,005.
            if let unit = lastUnit, !afterZero, unit >= 100, pendingIsOneDigit {
                value += digit * unit / 10
            } else {
                value += digit
            }
        }
        return Match(start: start, end: i, value: value, isChinese: isChinese)
    }
}
