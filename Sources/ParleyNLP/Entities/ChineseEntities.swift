internal import Foundation

/// The built-in entity rules for Chinese text, with the same values and
/// resolution as the English ones:
///
/// - `money`: an amount before 元, 块 (钱), 人民币, 美元, 欧元, … or after ¥, RMB,
///   CNY, 人民币 ("¥200", "三百五十块钱", "1.5万元", "两块五" = 2.50, "五毛" =
///   0.50, "3元5角"), as `350 CNY`; ¥ is the yuan only in a Chinese bot.
/// - `datetime`: 今天, 明天, 后天, 昨天, 下周一, 周五, 12月3日, 2024年12月3日,
///   下个月15号, 三天后, 两周前, 下午三点, 晚上八点半, 15:30, combined
///   ("明天下午三点" → `2024-05-04T15:00`), durations ("30分钟" → `PT30M`,
///   "三天" → `P3D`), 下周 (a week), 下个月 (a month), 明年 (a year), holidays
///   (元旦, 双十一, 春节, 中秋节 …).
///   下周一 is Monday of next week (the week starts on Monday); a bare 周一 is
///   the coming Monday.
/// - `ordinal`: 第二个 (2), 第3次, 最后一个 (-1), 倒数第二 (-2), 上一个 (-1), 下一个 (+1).
/// - `number`: Chinese numerals (`ChineseNumerals`): 三百五十, 两千五, 1.5万; a
///   numeral of one character only before a measure word ("两个", not "一下").
///
/// Reads the NFKC scalars of `EntityText` with traditional characters
/// simplified one for one (`ChineseScript`), so offsets are the normalised
/// text's, which `EntityText.restoring` maps back. Forward scans: linear time.
struct ChineseEntities {
    let text: EntityText
    /// The normalised scalars, traditional characters simplified.
    let scalars: [Unicode.Scalar]
    let resolver: DateResolver
    /// Every numeral, in order, non-overlapping.
    let numerals: [ChineseNumerals.Match]
    /// Whether "¥" is the yuan (in a Chinese bot); otherwise the English rules read it (as the yen).
    let readsYuanSign: Bool

    init(text: EntityText, resolver: DateResolver, readsYuanSign: Bool) {
        self.text = text
        self.resolver = resolver
        self.readsYuanSign = readsYuanSign
        let scalars = ChineseScript.simplified(text.scalars)
        self.scalars = scalars
        var numerals: [ChineseNumerals.Match] = []
        var i = 0
        while i < scalars.count {
            // Digits glued to letters or a hyphen ("A-10234", "x2") are codes, not amounts.
            let glued =
                scalars[i].isASCIIDigit && i > 0
                && (scalars[i - 1].isASCIILetter || scalars[i - 1] == "-" || scalars[i - 1].isASCIIDigit
                    || scalars[i - 1] == ".")
            if !glued, let match = ChineseNumerals.numeral(in: scalars, at: i) {
                // 50,000 digits overflow to infinity: no entity, and no second look at them.
                if match.value < 1e15 { numerals.append(match) }
                i = match.end
            } else {
                i += 1
            }
        }
        self.numerals = numerals
    }

    // MARK: Text

    /// Whether `word` is written at `offset` (ASCII letters in any case).
    func has(_ word: String, at offset: Int) -> Bool {
        guard offset >= 0 else { return false }
        var i = offset
        for scalar in word.unicodeScalars {
            guard i < scalars.count else { return false }
            let here = scalars[i]
            guard here == scalar || (here.isASCIILetter && here.value | 0x20 == scalar.value) else { return false }
            i += 1
        }
        return true
    }

    /// The first of `words` written at `offset`, with its value.
    func first<Value>(of words: [(String, Value)], at offset: Int) -> (word: String, value: Value)? {
        for (word, value) in words where has(word, at: offset) { return (word, value) }
        return nil
    }

    /// `offset` moved past spaces.
    func skippingSpaces(_ offset: Int) -> Int {
        var i = offset
        while i < scalars.count && scalars[i] == " " { i += 1 }
        return i
    }

    func entity(_ type: String, _ start: Int, _ end: Int, value: String) -> Entity {
        Entity(type: type, value: value, text: text.text(start, end), start: start, end: end)
    }

    // MARK: Numbers and ordinals

    /// Measure words: a numeral of one character before one of them is a number ("两个", "三件").
    static let measureWords: Set<Unicode.Scalar> = [
        "个", "件", "台", "本", "双", "张", "次", "位", "名", "条", "瓶", "盒", "包", "箱", "份", "只", "支", "部", "辆",
        "间", "家", "单", "笔", "天", "周", "年", "月", "号", "日", "斤", "米", "块", "元", "套", "颗", "把", "层", "分",
        "秒", "岁", "遍", "趟", "款", "样", "种", "副", "对", "杯", "碗",
    ]

    /// Words that start with a numeral and a measure word but count nothing: 一样 (the same),
    /// 十分 (very; 十分钟 is ten minutes), 一块儿 (together).
    static let numeralWords: [(word: String, unlessFollowedBy: Unicode.Scalar?)] = [
        ("一样", nil), ("十分", "钟"), ("一块儿", nil),
    ]

    /// Whether a word of `numeralWords` starts at `offset`.
    func startsANumeralWord(at offset: Int) -> Bool {
        Self.numeralWords.contains { word, unless in
            let end = offset + word.unicodeScalars.count
            return has(word, at: offset) && !(unless.map { end < scalars.count && scalars[end] == $0 } ?? false)
        }
    }

    func numberEntities() -> [Entity] {
        numerals.compactMap { numeral in
            guard numeral.isChinese, !startsANumeralWord(at: numeral.start) else { return nil }
            if numeral.end - numeral.start == 1 {
                guard numeral.end < scalars.count, Self.measureWords.contains(scalars[numeral.end]) else { return nil }
            }
            return entity("number", numeral.start, numeral.end, value: NumberWords.format(numeral.value))
        }
    }

    /// Words after an ordinal that belong to it ("第二个", "第3次").
    static let ordinalMeasures: Set<Unicode.Scalar> = [
        "个", "次", "件", "位", "名", "条", "张", "笔", "单", "项", "款", "家", "本", "天", "双", "瓶", "台", "份", "箱",
        "盒", "包", "辆", "套", "杯", "把",
    ]

    /// Words that start like an ordinal and are none: a third party, straight away.
    static let notOrdinals = ["第三方", "第一时间", "第一手"]

    /// Positions relative to the last or the current one.
    static let relativeOrdinals: [(String, String)] = [("最后一", "-1"), ("最后", "-1"), ("上一", "-1"), ("下一", "+1")]

    func ordinalEntities() -> [Entity] {
        var entities: [Entity] = []
        var i = 0
        while i < scalars.count {
            // "倒数第二": the second to last.
            let counted = has("倒数第", at: i) ? i + 2 : i
            if scalars[counted] == "第", !Self.notOrdinals.contains(where: { has($0, at: counted) }),
                let numeral = ChineseNumerals.numeral(in: scalars, at: counted + 1),
                numeral.value == numeral.value.rounded(), numeral.value >= 1, numeral.value < 1e15
            {
                var end = numeral.end
                if end < scalars.count && Self.ordinalMeasures.contains(scalars[end]) { end += 1 }
                let value = counted > i ? -numeral.value : numeral.value
                entities.append(entity("ordinal", i, end, value: NumberWords.format(value)))
                i = end
                continue
            }
            if let (word, value) = first(of: Self.relativeOrdinals, at: i) {
                var end = i + word.unicodeScalars.count
                let measured = end < scalars.count && Self.ordinalMeasures.contains(scalars[end])
                // "上一个", "最后一次" need their measure word; "最后" alone is "the last" only
                // where no word follows ("最后还是没到" is "in the end").
                let next = end < scalars.count ? scalars[end] : " "
                if measured || (word == "最后" && !ChineseScript.isHan(next)) {
                    if measured { end += 1 }
                    entities.append(entity("ordinal", i, end, value: value))
                    i = end
                    continue
                }
            }
            i += 1
        }
        return entities
    }

    // MARK: Money

    /// Currencies written after an amount, longest first.
    static let currenciesAfter: [(String, String)] = [
        ("元人民币", "CNY"), ("人民币", "CNY"), ("块钱", "CNY"), ("元钱", "CNY"), ("美元", "USD"), ("美金", "USD"),
        ("欧元", "EUR"), ("英镑", "GBP"), ("日元", "JPY"), ("日币", "JPY"), ("港币", "HKD"), ("港元", "HKD"),
        ("韩元", "KRW"), ("新台币", "TWD"), ("台币", "TWD"), ("澳元", "AUD"), ("加元", "CAD"), ("卢布", "RUB"),
        ("日圆", "JPY"), ("元", "CNY"), ("圆", "CNY"), ("块", "CNY"), ("刀", "USD"), ("rmb", "CNY"), ("cny", "CNY"),
    ]
    /// Currencies written before an amount, longest first.
    static let currenciesBefore: [(String, String)] = [
        ("人民币", "CNY"), ("新台币", "TWD"), ("台币", "TWD"), ("港币", "HKD"), ("港元", "HKD"), ("美金", "USD"),
        ("美元", "USD"), ("欧元", "EUR"), ("英镑", "GBP"), ("日元", "JPY"), ("¥", "CNY"), ("rmb", "CNY"), ("cny", "CNY"),
    ]
    /// Units after an amount that any currency named before it takes ("新台币500元", "港币200块").
    static let genericUnits: Set<String> = ["元", "圆", "块"]
    /// Characters that may follow 块 when it is money ("三块钱", "200块的", "两块五"), not a piece ("一块蛋糕").
    static let afterKuai: Set<Unicode.Scalar> = [
        "钱", "的", "了", "吗", "呢", "吧", "啊", "呀", "左", "多", "我", "你", "他", "她", "都", "就", "还", "也",
        "是", "给", "退", "用", "买", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "到", "而", "零",
        "包", "运", "以", "太", "够", "差", "不", "起", "外", "邮",
    ]

    func moneyEntities() -> [Entity] {
        var entities: [Entity] = []
        for numeral in numerals {
            // A numeral inside the amount before it ("五十块零五毛"'s "零五") is part of it.
            if let last = entities.last, numeral.start < last.end { continue }
            var start = numeral.start
            var code: String?
            var amount = numeral.value
            let before = skippingBack(from: numeral.start)
            for (word, currency) in Self.currenciesBefore
            where has(word, at: before - word.unicodeScalars.count) && (word != "¥" || readsYuanSign) {
                code = currency
                start = before - word.unicodeScalars.count
                break
            }
            var end = numeral.end
            let after = skippingSpaces(numeral.end)
            if let (word, currency) = first(of: Self.currenciesAfter, at: after),
                code == nil || currency == code || Self.genericUnits.contains(word),
                // "50刀" is fifty dollars; "砍一刀" a cut.
                word != "刀" || !numeral.isChinese
            {
                let unitEnd = after + word.unicodeScalars.count
                // "一块蛋糕" is a piece; more than ten of them ("二十块以上", "七十六块对吧") is money.
                let isPiece =
                    word == "块" && unitEnd < scalars.count && ChineseScript.isHan(scalars[unitEnd])
                    && !Self.afterKuai.contains(scalars[unitEnd]) && numeral.value <= 10
                if !isPiece {
                    code = code ?? currency
                    end = unitEnd
                    if code == "CNY" && word.unicodeScalars.last != "钱" && has("钱", at: end) { end += 1 }
                    if code == "CNY" && !word.hasPrefix("r") && !word.hasPrefix("c") {
                        let (minor, minorEnd) = minorUnits(at: end)
                        amount += minor
                        end = minorEnd
                    }
                }
            } else if code == nil, numeral.value < 100, let unit = first(of: [("角", 0.1), ("毛", 0.1)], at: after) {
                // "五毛", "三毛钱": tenths of a yuan alone.
                code = "CNY"
                amount *= unit.value
                end = after + 1
                if has("钱", at: end) { end += 1 }
            }
            guard let code else { continue }
            entities.append(entity("money", start, end, value: Currency.format(amount, code: code)))
        }
        return entities
    }

    /// `offset` moved back over spaces.
    func skippingBack(from offset: Int) -> Int {
        var i = offset
        while i > 0 && scalars[i - 1] == " " { i -= 1 }
        return i
    }

    /// Tenths and hundredths of a yuan after the yuan ("五角", "5毛3分", "两块五"'s "五", "零五毛",
    /// "零八分"), and where they end.
    func minorUnits(at offset: Int) -> (Double, Int) {
        if has("零", at: offset) {
            // "五十块零五毛", "三元零八分": a zero before the smaller unit, which must be written.
            guard let digit = ChineseNumerals.numeral(in: scalars, at: offset + 1), digit.value < 10,
                digit.end == offset + 2
            else { return (0, offset) }
            if has("分", at: digit.end) { return (digit.value / 100, digit.end + (has("钱", at: digit.end + 1) ? 2 : 1)) }
            return has("角", at: digit.end) || has("毛", at: digit.end) ? minorUnits(at: offset + 1) : (0, offset)
        }
        guard let tenths = digit(at: offset) else { return (0, offset) }
        if let unit = first(of: [("角", 0.1), ("毛", 0.1)], at: offset + 1) {
            var end = offset + 1 + unit.word.unicodeScalars.count
            var amount = tenths / 10
            if let cents = digit(at: end), has("分", at: end + 1) {
                amount += cents / 100
                end += 2
            } else if let cents = digit(at: end), endsAnAmount(at: end + 1) {
                // "八毛八": the hundredths, unwritten.
                amount += cents / 100
                end += 1
            }
            if has("钱", at: end) { end += 1 }
            return (amount, end)
        }
        // "两块五", "9块9", "一块五一个": one digit right after the yuan, with nothing after it
        // that makes it a count.
        guard endsAnAmount(at: offset + 1) else { return (0, offset) }
        return (tenths / 10, offset + 1)
    }

    /// The value of the one digit (Chinese or ASCII, 1 to 9) at `offset`, if one is there.
    func digit(at offset: Int) -> Double? {
        guard offset < scalars.count else { return nil }
        let scalar = scalars[offset]
        let value = scalar.isASCIIDigit ? Double(scalar.value - 0x30) : ChineseNumerals.digits[scalar]
        return value.flatMap { $0 >= 1 && $0 <= 9 ? $0 : nil }
    }

    /// Whether an amount may end before `offset`: no measure word, digit or numeral unit follows.
    func endsAnAmount(at offset: Int) -> Bool {
        let next = offset < scalars.count ? scalars[offset] : " "
        // "9块9包邮": free postage, not a pack.
        return (!Self.measureWords.contains(next) || has("包邮", at: offset)) && !next.isASCIIDigit
            && ChineseNumerals.units[next] == nil
            && ChineseNumerals.largeUnits[next] == nil
    }
}
