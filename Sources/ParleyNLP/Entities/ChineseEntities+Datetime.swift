internal import Foundation

/// Chinese dates, times and durations (see `ChineseEntities`): a day (relative,
/// a weekday, a month and day), then a part of the day, then a clock time, any
/// of them alone or in that order; or an offset ("三天后") or a duration ("30分钟").
extension ChineseEntities {
    static let relativeDays: [(String, Int)] = [
        ("大后天", 3), ("大前天", -3), ("今天", 0), ("今日", 0), ("明天", 1), ("明日", 1), ("后天", 2), ("昨天", -1),
        ("昨日", -1), ("前天", -2),
    ]
    /// Characters before 后天/前天 whose word the 后 or 前 ends ("然后", "之前"), and after them
    /// whose word the 天 starts ("天猫", "天气"): "然后天猫" is no day after tomorrow.
    static let endingWithHouOrQian: Set<Unicode.Scalar> = [
        "然", "之", "以", "最", "随", "今", "此", "目", "提", "事", "饭", "午", "向", "往", "空",
    ]
    static let startingWithTian: Set<Unicode.Scalar> = [
        "猫", "气", "然", "津", "堂", "使", "空", "下", "才", "生", "赋", "真", "窗",
    ]

    /// Whether the relative day `word` at `offset` is read across two words ("然后天猫").
    func isAcrossWords(_ word: String, at offset: Int) -> Bool {
        guard word == "后天" || word == "前天" else { return false }
        let end = offset + 2
        return offset > 0 && Self.endingWithHouOrQian.contains(scalars[offset - 1])
            || end < scalars.count && Self.startingWithTian.contains(scalars[end])
    }

    /// A day and its part in one word ("今晚" is this evening).
    static let relativeDayParts: [(String, (Int, String))] = [
        ("今晚", (0, "TEV")), ("明晚", (1, "TEV")), ("昨晚", (-1, "TEV")), ("今早", (0, "TMO")), ("明早", (1, "TMO")),
    ]
    /// Parts of the day: their ISO suffix as English's `DateWords.dayParts`, whether a clock
    /// time in them is after noon, and whether they run into the night, so that their small hours
    /// are the next day's ("夜里两点", "晚上2点"; not 傍晚, dusk: "傍晚4点" is 16:00).
    static let dayParts: [(String, DayPart)] = [
        ("早上", DayPart("TMO")), ("早晨", DayPart("TMO")), ("上午", DayPart("TMO")), ("凌晨", DayPart("TNI")),
        ("中午", DayPart("T12:00", afternoon: true)), ("下午", DayPart("TAF", afternoon: true)),
        ("傍晚", DayPart("TEV", afternoon: true)), ("晚上", DayPart("TEV", afternoon: true, intoTheNight: true)),
        ("夜里", DayPart("TNI", afternoon: true, intoTheNight: true)), ("半夜", DayPart("TNI")),
    ]

    /// A part of the day as `dayParts` and `relativeDayParts` name it.
    struct DayPart {
        var code: String
        var afternoon = false
        var intoTheNight = false

        init(_ code: String, afternoon: Bool = false, intoTheNight: Bool = false) {
            self.code = code
            self.afternoon = afternoon
            self.intoTheNight = intoTheNight
        }
    }
    /// "下周", "上个月", "这周": an offset in weeks or months.
    static let shifts: [(String, Int)] = [
        ("下下个", 2), ("下下", 2), ("上上个", -2), ("上上", -2), ("下个", 1), ("上个", -1), ("这个", 0), ("本", 0),
        ("这", 0), ("下", 1), ("上", -1),
    ]
    static let weekWords = ["星期", "礼拜", "周"]
    static let weekdayNumbers: [Unicode.Scalar: Int] = [
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "1": 1, "2": 2, "3": 3, "4": 4,
        "5": 5, "6": 6, "7": 7,
    ]
    /// Units of offsets and durations, longest first, with `DateResolver`'s unit codes.
    static let timeUnits: [(String, String)] = [
        ("个小时", "H"), ("个钟头", "H"), ("小时", "H"), ("钟头", "H"), ("分钟", "M"), ("秒钟", "S"), ("秒", "S"),
        ("个星期", "W"), ("个礼拜", "W"), ("星期", "W"), ("礼拜", "W"), ("周", "W"), ("天", "D"), ("日", "D"),
        ("个月", "MO"), ("年", "Y"),
    ]
    static let after = ["以后", "之后", "后"]
    static let before = ["以前", "之前", "前"]
    /// Characters after 后 or 前 whose word they start ("后悔", "前台"): no "after" or "before".
    static let startingWithHouOrQian: Set<Unicode.Scalar> = [
        "悔", "面", "续", "台", "果", "期", "门", "端", "提", "往", "边", "排", "者", "天",
    ]
    /// Characters before 过 whose word it ends ("超过", "不过"): no "in … from now".
    static let endingWithGuo: Set<Unicode.Scalar> = ["超", "不", "经", "通", "错", "难", "越", "度", "路", "没", "过"]
    /// What a bare "N号" numbers when one of these follows: a battery, a building, a line …
    static let numberedByHao: Set<Unicode.Scalar> = [
        "电", "楼", "线", "门", "床", "房", "窗", "口", "馆", "厅", "车", "站", "柜", "台", "机", "位", "仓", "库", "店",
        "院", "铺", "码", "桌", "座", "厂", "箱", "球",
    ]
    /// Characters after a month that make it a street's name ("五月街", "四月路").
    static let afterAStreetsName: Set<Unicode.Scalar> = ["街", "路", "巷", "弄"]
    /// Characters before a bare "N号" that make it a house number ("人民路18号").
    static let beforeHouseNumbers: Set<Unicode.Scalar> = ["路", "街", "道", "巷", "弄", "里", "村", "号", "栋", "座"]
    /// Words after "N点" that make it the points of an argument ("三点建议"), not a clock time.
    static let pointsOf = [
        "建议", "意见", "要求", "问题", "原因", "看法", "理由", "不足", "优点", "缺点", "感受", "想法", "疑问", "需求",
        "好处", "坏处", ":",
    ]

    func datetimeEntities() -> [Entity] {
        var entities: [Entity] = []
        var i = 0
        while i < scalars.count {
            if var (end, value) = datetime(at: i) ?? (startsARangeOfDays(at: i) ? datetime(at: i, bareDay: true) : nil)
            {
                // "下午2点到4点", "9:00-18:00": a range, as an ISO 8601 interval whose end takes the
                // start's day and part of the day; after a day, "25日" is a day ("12月20日到25日").
                var j = skippingSpaces(end)
                if let joiner = Self.rangeJoiners.first(where: { has($0, at: j) }) {
                    j = skippingSpaces(j + joiner.unicodeScalars.count)
                    if let (rangeEnd, endValue) = datetime(at: j)
                        ?? (DateResolver.isDay(value) && dayOfTheMonthMark(at: j) != nil
                            ? datetime(at: j, bareDay: true) : nil),
                        let interval = DateResolver.interval(
                            from: value, to: endOfRange(endValue, after: value, text: scalars[j..<rangeEnd]))
                    {
                        value = interval
                        end = rangeEnd
                    }
                }
                entities.append(entity("datetime", i, end, value: value))
                i = end
            } else if ChineseNumerals.canStart(scalars[i]), let numeral = ChineseNumerals.numeral(in: scalars, at: i) {
                // No date starts inside a numeral: each is read once, so a long run of digits costs linear time.
                i = numeral.end
            } else {
                i += 1
            }
        }
        return entities
    }

    /// What joins the two ends of a range ("2点到4点", "9:00-18:00").
    static let rangeJoiners = ["到", "至", "-", "~"]

    /// Whether a range of days of the month starts at `start` whose first day has no 号: "20日到25日",
    /// "1-3号", "1到3号". A bare "20日" could be 20 days, so it is a day only before another "N日"
    /// or "N号"; a bare number only before "N号" ("3到5日" is three to five days).
    func startsARangeOfDays(at start: Int) -> Bool {
        guard let first = ChineseNumerals.numeral(in: scalars, at: start), (1...31).contains(first.value) else {
            return false
        }
        let saysDay = has("日", at: first.end)
        var j = skippingSpaces(saysDay ? first.end + 1 : first.end)
        guard let joiner = Self.rangeJoiners.first(where: { has($0, at: j) }) else { return false }
        j = skippingSpaces(j + joiner.unicodeScalars.count)
        guard let mark = dayOfTheMonthMark(at: j) else { return false }
        return mark == "号" || saysDay
    }

    /// The 日 or 号 after a number of 1 to 31 at `start` ("25日", "二十五号"), if one follows.
    func dayOfTheMonthMark(at start: Int) -> Unicode.Scalar? {
        guard let numeral = ChineseNumerals.numeral(in: scalars, at: start), (1...31).contains(numeral.value) else {
            return nil
        }
        return has("日", at: numeral.end) ? "日" : has("号", at: numeral.end) ? "号" : nil
    }

    /// The end of a range of days, `end` as said in `text`: a weekday without a week of its own
    /// the first such day after the start; else moved past the start when it would come first
    /// and names no year: a weekday to the next week ("下周三到这周一"), a day of the month
    /// to the next month ("20号到3号"), a month and day to the next year ("12月20号到1月3号").
    func endOfRange(_ end: String, after start: String, text: ArraySlice<Unicode.Scalar>) -> String {
        let namesAWeekday = text.contains("周") || text.contains("期") || text.contains("拜")
        // A weekday that names no week of its own ("下周五", "这周五") is the first such day after
        // the start: "上周一到周五下午" is last week's Monday to Friday, "周五到周五" a week.
        let namesItsWeek = text.first.map { "上下这本".unicodeScalars.contains($0) } ?? false
        if namesAWeekday && !namesItsWeek, let day = DateResolver.weekday(of: end, firstAfter: start) {
            return day
        }
        // "这周五到这周五" is a week.
        guard DateResolver.isDay(start), DateResolver.isDay(end), end < start || end == start && namesAWeekday,
            !text.contains("年")
        else { return end }
        let step: DateResolver.RangeEndStep? =
            text.contains("月")
            ? .year
            : namesAWeekday ? .week : text.contains("号") || text.contains("日") ? .month(after: start) : nil
        return step.flatMap { DateResolver.end(end, movedPastStartBy: $0) } ?? end
    }

    /// A date or time expression starting at `start`: where it ends and its value. With
    /// `bareDay`, a day of the month may be "25日" or "25" without a month (in a range of days).
    func datetime(at start: Int, bareDay: Bool = false) -> (Int, String)? {
        if let offset = offsetOrDuration(at: start) { return offset }
        let calendar = resolver.calendar
        let reference = resolver.reference
        let now = calendar.dateComponents([.year, .month, .day, .weekday], from: reference)
        var i = start
        var date: DateComponents?
        var part: DayPart?
        func day(shiftedBy days: Int) -> DateComponents {
            calendar.dateComponents(
                [.year, .month, .day], from: calendar.date(byAdding: .day, value: days, to: reference)!)
        }
        // A day.
        if let (word, (offset, code)) = first(of: Self.relativeDayParts, at: i) {
            date = day(shiftedBy: offset)
            // "今晚", "昨晚": an evening into the night; "今早": a morning.
            part = code == "TEV" ? DayPart(code, afternoon: true, intoTheNight: true) : DayPart(code)
            i += word.unicodeScalars.count
        } else if let (word, offset) = first(of: Self.relativeDays, at: i), !isAcrossWords(word, at: i) {
            date = day(shiftedBy: offset)
            i += word.unicodeScalars.count
        } else if let (end, value) = week(at: i, now: now) {
            switch value {
            case .day(let offset): date = day(shiftedBy: offset)
            case .weekend(let shift): return (end, resolver.weekend(weeksFromNow: shift))
            case .week(let shift):
                let target = calendar.date(byAdding: .weekOfYear, value: shift, to: reference)!
                let c = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: target)
                return (end, String(format: "%04d-W%02d", c.yearForWeekOfYear!, c.weekOfYear!))
            }
            i = end
        } else if let (end, components) = holiday(at: i, now: now) {
            date = components
            i = end
        } else if let (end, components) = monthAndDay(at: i, now: now, bareDay: bareDay) {
            guard let components else { return (end, text.text(start, end)) }
            if components.day == nil {
                return (
                    end,
                    components.month == nil
                        ? String(format: "%04d", components.year!)
                        : String(format: "%04d-%02d", components.year!, components.month!)
                )
            }
            date = components
            i = end
        }
        // A part of the day, then a clock time.
        let afterDay = i
        if part == nil, let (word, value) = first(of: Self.dayParts, at: i) {
            part = value
            i += word.unicodeScalars.count
        }
        if let (end, hour, minute) = clock(at: i, bare: part == nil && date == nil) {
            var hour = hour
            var nextDay = false
            if let part {
                if part.code == "TNI" {
                    // "夜里两点" is 2 at night, "夜里十点" 10, "半夜十二点" midnight; "今天夜里两点" is
                    // the small hours after today.
                    if hour == 12 { hour = 0 } else if part.afternoon && hour >= 6 && hour < 12 { hour += 12 }
                    nextDay = part.intoTheNight && hour < 6
                } else if part.code == "TEV" && hour == 12 || part.intoTheNight && (1...4).contains(hour) {
                    // "晚上十二点", "昨晚12点": the midnight that ends the evening; "昨晚2点" the small
                    // hours after it.
                    if hour == 12 { hour = 0 }
                    nextDay = true
                } else if part.afternoon && hour < 12 && !(part.code == "T12:00" && hour >= 11) {
                    hour += 12
                }
            }
            if hour == 24 { hour = 0 }
            guard hour < 24 else { return nil }
            if nextDay, let day = date {
                let next = calendar.date(byAdding: .day, value: 1, to: calendar.date(from: day)!)!
                date = calendar.dateComponents([.year, .month, .day], from: next)
            }
            if var date {
                date.hour = hour
                date.minute = minute
                return (end, resolver.iso(date, time: true))
            }
            return (end, String(format: "T%02d:%02d", hour, minute))
        }
        // "明天下午", "今晚": the day and its part; a part alone is no date.
        guard let date else { return nil }
        if let part { return (i, resolver.iso(date, time: false) + part.code) }
        return (afterDay, resolver.iso(date, time: false))
    }

    enum WeekValue {
        /// A day, as days from today.
        case day(Int)
        /// A whole week, as weeks from this one.
        case week(Int)
        /// A week's Saturday and Sunday, as weeks from this one.
        case weekend(Int)
    }

    /// "下周一", "周五", "这个星期三", "上礼拜天", "下周", "周末" (Monday is the first day of a week).
    func week(at start: Int, now: DateComponents) -> (Int, WeekValue)? {
        var i = start
        let shift = first(of: Self.shifts, at: i)
        if let shift { i += shift.word.unicodeScalars.count }
        guard let word = Self.weekWords.first(where: { has($0, at: i) }) else { return nil }
        i += word.unicodeScalars.count
        let today = (now.weekday! + 5) % 7 + 1  // 1 = Monday
        if i < scalars.count, let weekday = Self.weekdayNumbers[scalars[i]],
            !(scalars[i] == "天" && word == "周"), !(i + 1 < scalars.count && scalars[i + 1].isASCIIDigit)
        {
            let delta: Int
            if let shift {
                delta = weekday - today + 7 * shift.value
            } else if tense(around: start) == .past {
                // "我周一下的单": the last Monday.
                delta = DateResolver.daysBack(fromDaysAhead: (weekday - today + 7) % 7)
            } else {
                delta = (weekday - today + 7) % 7
            }
            return (i + 1, .day(delta))
        }
        // "周末", "下周末": the weekend; "每个周末", every weekend, is none.
        if word == "周" && i < scalars.count && scalars[i] == "末" {
            let every = (start >= 1 && scalars[start - 1] == "每") || (start >= 2 && has("每个", at: start - 2))
            if every { return nil }
            if shift == nil, tense(around: start) == .past {
                // "周末送到的": the last weekend, unless today is in it.
                return (i + 1, .weekend(DateResolver.weeksToTheLastWeekend(today: now.weekday!)))
            }
            return (i + 1, .weekend(shift?.value ?? 0))
        }
        // "下周", "上个星期": a week; "周" alone is no date.
        guard let shift else { return nil }
        // 周末 is the weekend; 周边, 周期, 周年, 周围 are no weeks.
        if i < scalars.count && ["末", "边", "期", "年", "围", "转", "全"].contains(scalars[i]) { return nil }
        return (i, .week(shift.value))
    }

    /// "12月3日", "2024年12月3号", "下个月15号", "本月1日", "15号", "2024年3月", "明年":
    /// the components (nil when the date is impossible), or nil when there is none.
    /// With `bareDay`, a day without a month may be "3日" or a bare "3" (`datetime(at:bareDay:)`).
    func monthAndDay(at start: Int, now: DateComponents, bareDay: Bool = false) -> (Int, DateComponents?)? {
        var i = start
        var year: Int?
        var month: Int?
        // A year: "2024年", "今年", "明年", "去年".
        if let (end, named) = self.year(at: i, now: now) { (year, i) = (named, end) }
        // A month: "12月", "下个月", "这个月", "本月"; not the 月 of 月饼 (mooncakes).
        if Self.shifts.contains(where: { has($0.0 + "月饼", at: i) }) { return nil }
        if let numeral = ChineseNumerals.numeral(in: scalars, at: i), has("月", at: numeral.end),
            !has("饼", at: numeral.end + 1),
            (1...12).contains(numeral.value), numeral.value == numeral.value.rounded()
        {
            month = Int(numeral.value)
            i = numeral.end + 1
        } else if year == nil, let (word, shift) = first(of: Self.shifts, at: i),
            has("月", at: i + word.unicodeScalars.count)
        {
            let target = resolver.calendar.date(byAdding: .month, value: shift, to: resolver.reference)!
            let c = resolver.calendar.dateComponents([.year, .month], from: target)
            (year, month) = (c.year, c.month)
            i += word.unicodeScalars.count + 1
        }
        // A day: "3日", "15号".
        var dayEnd = i
        var day: Int?
        if let numeral = ChineseNumerals.numeral(in: scalars, at: i), numeral.value == numeral.value.rounded(),
            (1...31).contains(numeral.value), has("日", at: numeral.end) || has("号", at: numeral.end)
        {
            day = Int(numeral.value)
            dayEnd = numeral.end + 1
        } else if bareDay, month == nil, year == nil, let numeral = ChineseNumerals.numeral(in: scalars, at: i),
            numeral.value == numeral.value.rounded(), (1...31).contains(numeral.value)
        {
            day = Int(numeral.value)
            dayEnd = numeral.end
        }
        guard year != nil || month != nil || day != nil else { return nil }
        // A bare "3日" could be "3 days"; only "号" counts without a month (or a day in a range
        // of days, `bareDay`), and not before what it numbers ("5号电池", "3号楼", "2号线").
        let saysHao = has("号", at: dayEnd - 1)
        if month == nil && year == nil
            && (!saysHao && !bareDay
                || saysHao
                    && (dayEnd < scalars.count && Self.numberedByHao.contains(scalars[dayEnd])
                        || start > 0 && Self.beforeHouseNumbers.contains(scalars[start - 1])))
        {
            return nil
        }
        if day == nil && month == nil {
            // A year alone ("明年", "2024年").
            return (i, DateComponents(year: year))
        }
        var y = year ?? now.year!
        var m = month ?? now.month!
        let tense = year == nil ? tense(around: start) : .unmarked
        guard let day else {
            // A name ("我叫四月", "叫做五月") or a street ("五月街12号") is no month.
            let named = start > 0 && has("叫", at: start - 1) || start > 1 && has("叫做", at: start - 2)
            if month != nil && year == nil
                && (named || i < scalars.count && Self.afterAStreetsName.contains(scalars[i]))
            {
                return nil
            }
            // "一月能到货吗" said in December: the coming January; "一月买的" the last.
            if tense != .unmarked {
                y = DateResolver.year(ofMonth: m, back: tense == .past, passingThisMonth: false, now: now)
            }
            return (i, DateComponents(year: y, month: m))
        }
        // "28号发的货", "12月20日买的": in the past, the last such day; "1月5日能送到吗", "15号能到吗"
        // said after it: the coming one.
        if tense == .past, (m, day) > (now.month!, now.day!) {
            if month == nil {
                (y, m) = DateResolver.month(y, m, plus: -1)
            } else {
                y = DateResolver.year(ofMonth: m, day: day, back: true, now: now)
            }
        } else if tense == .ahead, (m, day) < (now.month!, now.day!) {
            if month == nil {
                (y, m) = DateResolver.month(y, m, plus: 1)
            } else {
                y = DateResolver.year(ofMonth: m, day: day, back: false, now: now)
            }
        }
        // "1月3号之前送到" said in May: before next year's 3 January.
        if year == nil, y == now.year!, month != nil, Self.before.contains(where: { has($0, at: dayEnd) }),
            (m, day) < (now.month!, now.day!)
        {
            y += 1
        }
        guard DateResolver.isValid(year: y, month: m, day: day) else { return (dayEnd, nil) }
        return (dayEnd, DateComponents(year: y, month: m, day: day))
    }

    /// Years relative to this one.
    static let relativeYears: [(String, Int)] = [("今年", 0), ("明年", 1), ("去年", -1), ("后年", 2), ("前年", -2)]

    /// A year at `start` ("2024年", "今年", "明年", "去年"): where it ends, and the year.
    func year(at start: Int, now: DateComponents) -> (Int, Int)? {
        if let (word, offset) = first(of: Self.relativeYears, at: start) {
            return (start + word.unicodeScalars.count, now.year! + offset)
        }
        if let numeral = ChineseNumerals.numeral(in: scalars, at: start), has("年", at: numeral.end),
            numeral.value >= 1000, numeral.value <= 2999, numeral.value == numeral.value.rounded()
        {
            return (numeral.end + 1, Int(numeral.value))
        }
        return nil
    }

    /// "三点", "8点半", "十点一刻", "3点15分", "15:30", "九点钟": the hour and minute. A bare
    /// "一点" with nothing around it is "a little", not one o'clock.
    func clock(at start: Int, bare: Bool) -> (Int, Int, Int)? {
        guard let hour = ChineseNumerals.numeral(in: scalars, at: start), hour.value == hour.value.rounded(),
            hour.value <= 24
        else { return nil }
        var i = hour.end
        if i + 1 < scalars.count, scalars[i] == ":", scalars[i + 1].isASCIIDigit, !hour.isChinese {
            var j = i + 1
            while j < scalars.count && scalars[j].isASCIIDigit { j += 1 }
            guard j - i - 1 == 2, let minute = Int(String(String.UnicodeScalarView(scalars[(i + 1)..<j]))), minute < 60
            else { return nil }
            return (j, Int(hour.value), minute)
        }
        guard has("点", at: i) || has("时", at: i) else { return nil }
        i += 1
        // "有三点建议", "我有两点要反馈": points one has or says.
        if Self.pointsOf.contains(where: { has($0, at: i) })
            || has("点", at: i - 1) && start > 0 && (scalars[start - 1] == "有" || scalars[start - 1] == "说")
        {
            return nil
        }
        var minute = 0
        var said = false
        if has("零", at: i), let minutes = ChineseNumerals.numeral(in: scalars, at: i + 1), minutes.value < 10,
            minutes.end == i + 2
        {
            // "八点零五分", "十点零五".
            minute = Int(minutes.value)
            i = minutes.end + (has("分", at: minutes.end) && !has("分钟", at: minutes.end) ? 1 : 0)
            said = true
        } else if has("钟", at: i) {
            i += 1
            said = true
        } else if has("半", at: i) {
            minute = 30
            i += 1
            said = true
        } else if has("一刻", at: i) || has("三刻", at: i) {
            minute = scalars[i] == "一" ? 15 : 45
            i += 2
            said = true
        } else if let minutes = ChineseNumerals.numeral(in: scalars, at: i), minutes.value < 60,
            minutes.value == minutes.value.rounded()
        {
            // "三点十五", "3点05", "3点5分"; "三点五" alone reads as 3.5, not a time.
            if has("分", at: minutes.end) && !has("分钟", at: minutes.end) {
                minute = Int(minutes.value)
                i = minutes.end + 1
                said = true
            } else if minutes.value >= 10 || minutes.end - minutes.start == 2 {
                minute = Int(minutes.value)
                i = minutes.end
                said = true
            }
        }
        if bare && !said && hour.isChinese && hour.value == 1 { return nil }
        return (i, Int(hour.value), minute)
    }

    /// "三天后", "两周前", "30分钟后", "过两天", "30分钟", "三天", "半小时": an offset from now
    /// (a date, or a date and time for hours and minutes) or a duration.
    func offsetOrDuration(at start: Int) -> (Int, String)? {
        var i = start
        var direction = 0
        if has("过", at: i) {
            // "超过三天" is more than three days, a duration read from the numeral on.
            if i > 0 && Self.endingWithGuo.contains(scalars[i - 1]) { return nil }
            direction = 1
            i += 1
        }
        var amount: Double
        if has("半", at: i) {
            amount = 0.5
            i += 1
            if has("个", at: i) && !has("个月", at: i) && !has("个星期", at: i) && !has("个礼拜", at: i)
                && !has("个小时", at: i) && !has("个钟头", at: i)
            {
                i += 1
            }
        } else if let numeral = ChineseNumerals.numeral(in: scalars, at: i) {
            amount = numeral.value
            i = numeral.end
            if has("个半", at: i) {
                amount += 0.5
                i += 2
            } else if has("半个", at: i) {
                amount += 0.5
                i += 1
            }
        } else {
            return nil
        }
        // "一个半月": the month of "个半" is written without its 个.
        let halfMonth = amount != amount.rounded() && has("月", at: i) && has("半", at: i - 1)
        guard amount < 100_000, let (word, unit) = halfMonth ? ("月", "MO") : first(of: Self.timeUnits, at: i) else {
            return nil
        }
        // "3日" is a day of the month, "两周" two weeks; "周三" is no duration.
        if word == "日" || (unit == "Y" && amount >= 1000)
            || (word == "周" && i + 1 < scalars.count && Self.weekdayNumbers[scalars[i + 1]] != nil)
        {
            return nil
        }
        i += word.unicodeScalars.count
        // "三天两头": all the time, no span.
        if has("两头", at: i) { return nil }
        // "一天半", "一年半": the half after the unit.
        if amount == amount.rounded() && has("半", at: i) {
            amount += 0.5
            i += 1
        }
        if direction == 0 {
            let starts = { (end: Int) in end < scalars.count && Self.startingWithHouOrQian.contains(scalars[end]) }
            if let later = Self.after.first(where: { has($0, at: i) }), !starts(i + later.unicodeScalars.count) {
                direction = 1
                i += later.unicodeScalars.count
            } else if let earlier = Self.before.first(where: { has($0, at: i) }),
                !starts(i + earlier.unicodeScalars.count)
            {
                direction = -1
                i += earlier.unicodeScalars.count
            }
        }
        guard direction != 0, let component = resolver.component(unit), amount == amount.rounded() else {
            // "半小时" is PT30M, "一天半" PT36H: a half in the next unit down where there is one.
            let smaller: [String: (Double, String)] = ["H": (60, "M"), "M": (60, "S"), "D": (24, "H"), "Y": (12, "MO")]
            if amount != amount.rounded(), let (factor, next) = smaller[unit] {
                return resolver.duration(amount * factor, next).map { (i, $0) }
            }
            return resolver.duration(amount, unit).map { (i, $0) }
        }
        let multiplier = unit == "W" ? 7 : 1
        let calendar = resolver.calendar
        let target = calendar.date(
            byAdding: component, value: direction * Int(amount) * multiplier, to: resolver.reference)!
        let time = ["H", "M", "S"].contains(unit)
        return (
            i, resolver.iso(calendar.dateComponents([.year, .month, .day, .hour, .minute], from: target), time: time)
        )
    }
}
