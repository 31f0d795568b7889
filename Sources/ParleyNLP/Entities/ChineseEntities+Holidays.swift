internal import Foundation

/// Chinese holidays and shopping days (see `ChineseEntities`): 元旦, 圣诞节, 双十一, … on a fixed
/// day of the Gregorian year, and 春节, 元宵节, 端午节, 中秋节, … on a fixed day of the Chinese
/// year, whose Gregorian dates Foundation's `Calendar(identifier: .chinese)` (ICU) gives.
extension ChineseEntities {
    /// When a holiday falls.
    enum HolidayDate {
        /// Month and day of the Gregorian year.
        case gregorian(Int, Int)
        /// Month and day of the Chinese year that starts in a Gregorian year.
        case chinese(Int, Int)
        /// The day before the Chinese new year (除夕).
        case chineseNewYearsEve
    }

    /// Holiday names, the longer of two that start alike first.
    static let holidays: [(String, HolidayDate)] = [
        ("元旦", .gregorian(1, 1)), ("情人节", .gregorian(2, 14)), ("妇女节", .gregorian(3, 8)),
        ("劳动节", .gregorian(5, 1)), ("儿童节", .gregorian(6, 1)), ("国庆节", .gregorian(10, 1)),
        ("国庆", .gregorian(10, 1)), ("万圣节", .gregorian(10, 31)), ("双十一", .gregorian(11, 11)),
        ("双11", .gregorian(11, 11)), ("双十二", .gregorian(12, 12)), ("双12", .gregorian(12, 12)),
        ("平安夜", .gregorian(12, 24)), ("圣诞节", .gregorian(12, 25)), ("圣诞", .gregorian(12, 25)),
        ("春节", .chinese(1, 1)), ("过年", .chinese(1, 1)), ("元宵节", .chinese(1, 15)), ("端午节", .chinese(5, 5)),
        ("端午", .chinese(5, 5)), ("七夕", .chinese(7, 7)), ("中秋节", .chinese(8, 15)), ("中秋", .chinese(8, 15)),
        ("除夕", .chineseNewYearsEve),
    ]

    /// The first characters of holidays' names, and of years said before them (今年, 去年, and
    /// Chinese numerals: 二〇二五年).
    static let holidayInitials = Set(holidays.map { $0.0.unicodeScalars.first! })
    static let yearInitials: Set<Unicode.Scalar> = [
        "今", "明", "去", "后", "前", "〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "两",
    ]

    /// Characters after a holiday's name that make it part of another word or qualify what
    /// follows: 节目 (a programme, "青春节目"), an address (国庆路), a thing (圣诞树, 中秋月饼).
    static let afterNoHoliday: [String] = [
        "目", "路", "街", "道", "巷", "村", "镇", "小区", "广场", "树", "老人", "帽", "袜", "礼", "装", "服", "卡", "歌",
        "灯", "饰", "款", "月饼", "套餐", "限定", "主题",
    ]
    /// Surnames before a name that a holiday's may be part of (张国庆, 李七夕); not those that
    /// are common words' last characters too (周, 马, 高, 万, 钱 …).
    static let surnames: Set<Unicode.Scalar> = [
        "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "吴", "徐", "孙", "朱", "胡", "郭", "何", "林", "罗", "郑", "梁",
        "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "董", "袁", "潘", "蒋", "蔡", "杜", "苏", "魏",
        "吕", "丁", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "廖", "贾", "韦", "邹", "孟", "熊", "秦",
        "邱", "尹", "薛", "闫", "段", "雷", "侯", "陶", "黎", "贺", "顾", "郝", "龚", "邵", "严", "武", "戴", "莫", "汤",
    ]
    /// Characters before 双 that make it the measure word of a pair ("这双11码的鞋", "买双12寸"),
    /// and after 双11 or 双12 that make the number a size.
    static let beforeAPair: Set<Unicode.Scalar> = ["这", "那", "一", "两", "几", "每", "买", "双", "哪"]
    static let sizes: Set<Unicode.Scalar> = ["码", "寸", "厘", "米", "尺", "英", "斤", "个", "只", "元", "块", "c", "C", "m"]

    /// The holiday named at `start`, after a year or none ("去年双十一"): where its name ends and
    /// its day, in that year, or else the coming one (today included) or, in the past tense,
    /// the last ("春节前能到吗", "双十一买的").
    func holiday(at start: Int, now: DateComponents) -> (Int, DateComponents)? {
        // Most characters start no holiday and no year: one look-up each.
        guard start < scalars.count,
            Self.holidayInitials.contains(scalars[start]) || Self.yearInitials.contains(scalars[start])
                || scalars[start].isASCIIDigit
        else { return nil }
        let named = Self.holidayInitials.contains(scalars[start]) ? nil : year(at: start, now: now)
        let i = named?.0 ?? start
        guard i < scalars.count, let (word, when) = first(of: Self.holidays, at: i) else { return nil }
        let end = i + word.unicodeScalars.count
        // "超过年限" (past its years) is no 过年; names, addresses, programmes and things are none.
        if word == "过年" && i > 0 && Self.endingWithGuo.contains(scalars[i - 1]) { return nil }
        if Self.afterNoHoliday.contains(where: { has($0, at: end) }) { return nil }
        if named == nil, i > 0, Self.surnames.contains(scalars[i - 1]) { return nil }
        if word.hasPrefix("双"),
            i > 0 && Self.beforeAPair.contains(scalars[i - 1])
                || end < scalars.count && Self.sizes.contains(scalars[end]) || i > 0 && scalars[i - 1].isASCIIDigit
        {
            return nil
        }
        if let (_, year) = named { return (end, date(when, year: year)) }
        let back = tense(around: start) == .past
        var year = now.year!
        var day = date(when, year: year)
        if back ? (day.month!, day.day!) > (now.month!, now.day!) : (day.month!, day.day!) < (now.month!, now.day!) {
            year += back ? -1 : 1
            day = date(when, year: year)
        }
        return (end, day)
    }

    /// The Gregorian day of `when` in Gregorian `year`.
    private func date(_ when: HolidayDate, year: Int) -> DateComponents {
        switch when {
        case .gregorian(let month, let day):
            return DateComponents(year: year, month: month, day: day)
        case .chinese(let month, let day):
            return Self.gregorianDay(ofChineseMonth: month, day: day, inTheChineseYearStartingIn: year)
        case .chineseNewYearsEve:
            let newYear = Self.gregorianDay(ofChineseMonth: 1, day: 1, inTheChineseYearStartingIn: year)
            let gregorian = DateResolver.gregorianInUTC
            let eve = gregorian.date(byAdding: .day, value: -1, to: gregorian.date(from: newYear)!)!
            return gregorian.dateComponents([.year, .month, .day], from: eve)
        }
    }

    /// The Gregorian day of a month and day of the Chinese year whose first day falls in
    /// Gregorian `year` (the Chinese new year is between 21 January and 20 February).
    private static func gregorianDay(ofChineseMonth month: Int, day: Int, inTheChineseYearStartingIn year: Int)
        -> DateComponents
    {
        let gregorian = DateResolver.gregorianInUTC
        let march = gregorian.date(from: DateComponents(year: year, month: 3, day: 1))!
        let chineseYear = chinese.dateComponents([.era, .year], from: march)
        let date = chinese.date(
            from: DateComponents(era: chineseYear.era, year: chineseYear.year, month: month, day: day))!
        return gregorian.dateComponents([.year, .month, .day], from: date)
    }

    /// The Chinese calendar in UTC (ICU's), made once.
    private static let chinese: Calendar = {
        var calendar = Calendar(identifier: .chinese)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
