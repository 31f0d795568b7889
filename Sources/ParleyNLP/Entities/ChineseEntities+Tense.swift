/// The tense of a Chinese date's clause (`Tense`): "我周一下的单", "28号发的货" speak of the
/// past, so a weekday or a day said without 下/上 is the last one; "能周一送到吗" looks ahead.
extension ChineseEntities {
    /// How many characters either side of a date are read.
    static let tenseReach = 12

    /// Words that mark the past: the perfective 了 and 过, 的 of "下的单" ("it was on Monday
    /// that I ordered"), 已经, 刚, 昨.
    static let pastMarkers = ["了", "过", "的", "已经", "已", "刚", "昨"]

    /// Words that look ahead: can, will, want, please, expect.
    static let aheadMarkers = [
        "能", "会", "要", "可以", "请", "想", "希望", "预计", "打算", "将", "麻烦", "帮我", "安排", "需要",
    ]

    /// Characters that end the clause read.
    static let clauseEnds: Set<Unicode.Scalar> = ["，", "。", "！", "？", "；", ",", ".", "!", "?", ";", "\n"]

    /// The tense of the clause around the date starting at `start`: the nearest marker after
    /// it (a Chinese verb follows its time), else the nearest before it.
    func tense(around start: Int) -> Tense {
        func marker(at k: Int) -> Tense? {
            if Self.aheadMarkers.contains(where: { has($0, at: k) }) { return .ahead }
            if Self.pastMarkers.contains(where: { has($0, at: k) }) { return .past }
            return nil
        }
        var k = start
        while k < min(scalars.count, start + Self.tenseReach), !Self.clauseEnds.contains(scalars[k]) {
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
}
