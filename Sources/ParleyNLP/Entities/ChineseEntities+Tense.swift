/// The tense of a Chinese date's clause (`Tense`): "我周一下的单", "28号发的货", "周一没到"
/// speak of the past, so a weekday or a day said without 下/上 is the last one; "能周一送到吗"
/// looks ahead.
extension ChineseEntities {
    /// How many characters either side of a date are read.
    static let tenseReach = 16

    /// Words that mark the past: the perfective 了 and 过, 的 of "下的单" ("it was on Monday
    /// that I ordered"), 已经, 刚, 昨, what did not happen (没到, 没打电话), and since (以来).
    static let pastMarkers = [
        "了", "过", "的", "已经", "已", "刚", "昨", "以来", "到现在", "至今", "没",
    ]

    /// Words that look ahead: can, will, want, please, expect.
    static let aheadMarkers = [
        "能", "会", "要", "可以", "请", "想", "希望", "预计", "打算", "将", "麻烦", "帮我", "安排", "需要",
    ]

    /// Words in which a marker's character is none: 请 in 申请, 了 in 了解 or 就好了, 过 in 过来 or 过年,
    /// 的 in 的话, 没 in 没空 ("周六没空": not free on Saturday).
    static let notMarkers = [
        "申请", "了解", "为了", "除了", "受不了", "就好了", "就行了", "过来", "过后", "过期", "过年", "不过", "超过", "的话", "的确",
        "目的", "请问", "没空", "没时间", "没问题", "没关系", "没事",
    ]

    /// Characters after which 的 belongs to the date or a pronoun ("周五的快递", "我的快递",
    /// "圣诞节前的星期五"), not to a verb ("下的单"); a 的 just before the date is the date's too
    /// ("说好的周一").
    static let beforeAnAttributiveDe: Set<Unicode.Scalar> = [
        "号", "日", "天", "末", "一", "二", "三", "四", "五", "六", "七", "点", "分", "午", "晚", "上", "节", "前", "后",
        "我", "你", "他", "她", "它", "们",
    ]

    /// Characters that end the clause read.
    static let clauseEnds: Set<Unicode.Scalar> = ["，", "。", "！", "？", "；", ",", ".", "!", "?", ";", "\n"]

    /// The tense of the clause around the date starting at `start`: the nearest marker after
    /// it (a Chinese verb follows its time), else the nearest before it.
    func tense(around start: Int) -> Tense {
        func marker(at k: Int) -> Tense? {
            if let word = Self.aheadMarkers.first(where: { has($0, at: k) }), !isInsideNonMarker(word, at: k) {
                return .ahead
            }
            if let word = Self.pastMarkers.first(where: { has($0, at: k) }), !isInsideNonMarker(word, at: k),
                !(word == "的" && (k == start - 1 || k > 0 && Self.beforeAnAttributiveDe.contains(scalars[k - 1])))
            {
                return .past
            }
            return nil
        }
        if reportsABrokenPromise(around: start) { return .past }
        var k = start
        while k < min(scalars.count, start + Self.tenseReach), !Self.clauseEnds.contains(scalars[k]) {
            // "十月五号的订单": the day of a thing that happened.
            if has("的", at: k), Self.pastThings.contains(where: { has($0, at: k + 1) }) { return .past }
            if let tense = marker(at: k) { return tense }
            k += 1
        }
        k = start - 1
        while k >= max(0, start - Self.tenseReach), !Self.clauseEnds.contains(scalars[k]) {
            if let tense = marker(at: k) { return tense }
            k -= 1
        }
        return .unmarked
    }

    /// Things that have happened by the time a customer names their day, after the date and
    /// 的 ("十月五号的订单", "周五的扣款").
    static let pastThings = ["订单", "单子", "扣款", "付款", "账单", "交易", "消费", "购买"]

    /// Words before a date that report a promise ("快递员说周六会送"), and words of a later
    /// clause that say it was not kept ("结果到现在都没来").
    static let promises = ["说", "答应", "承诺", "保证", "显示", "预计", "告诉"]
    static let brokenPromises = ["没", "未", "却", "至今", "到现在"]

    /// Whether the date at `start` is the day of a promise reported in its clause that a later
    /// clause, within twice `tenseReach` characters, says was broken: then the day is past
    /// ("快递员说周六会送，结果到现在都没来").
    private func reportsABrokenPromise(around start: Int) -> Bool {
        var k = start - 1
        var promised = false
        while !promised, k >= max(0, start - Self.tenseReach), !Self.clauseEnds.contains(scalars[k]) {
            promised = Self.promises.contains { has($0, at: k) }
            k -= 1
        }
        guard promised else { return false }
        k = start
        let end = min(scalars.count, start + 2 * Self.tenseReach)
        while k < end, !Self.clauseEnds.contains(scalars[k]) { k += 1 }
        return (k..<end).contains { j in
            Self.brokenPromises.contains { has($0, at: j) && !isInsideNonMarker($0, at: j) }
        }
    }

    /// Whether the marker `word` at `k` is inside one of `notMarkers`.
    private func isInsideNonMarker(_ word: String, at k: Int) -> Bool {
        let first = word.unicodeScalars.first!
        for other in Self.notMarkers {
            for (offset, scalar) in other.unicodeScalars.enumerated()
            where scalar == first && has(other, at: k - offset) {
                return true
            }
        }
        return false
    }
}
