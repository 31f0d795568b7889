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

    /// The holiday named at `start`: where its name ends and its day, the coming one (today
    /// included) or, in the past tense, the last ("春节前能到吗", "双十一买的").
    func holiday(at start: Int, now: DateComponents) -> (Int, DateComponents)? {
        guard let (word, when) = first(of: Self.holidays, at: start),
            // "超过年限" (past its years) is no 过年.
            !(word == "过年" && start > 0 && Self.endingWithGuo.contains(scalars[start - 1]))
        else { return nil }
        let back = tense(around: start) == .past
        var year = now.year!
        var day = date(when, year: year)
        if back ? (day.month!, day.day!) > (now.month!, now.day!) : (day.month!, day.day!) < (now.month!, now.day!) {
            year += back ? -1 : 1
            day = date(when, year: year)
        }
        return (start + word.unicodeScalars.count, day)
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
            let gregorian = Self.utcCalendar(.gregorian)
            let eve = gregorian.date(byAdding: .day, value: -1, to: gregorian.date(from: newYear)!)!
            return gregorian.dateComponents([.year, .month, .day], from: eve)
        }
    }

    /// The Gregorian day of a month and day of the Chinese year whose first day falls in
    /// Gregorian `year` (the Chinese new year is between 21 January and 20 February).
    private static func gregorianDay(ofChineseMonth month: Int, day: Int, inTheChineseYearStartingIn year: Int)
        -> DateComponents
    {
        let gregorian = utcCalendar(.gregorian)
        let chinese = utcCalendar(.chinese)
        let march = gregorian.date(from: DateComponents(year: year, month: 3, day: 1))!
        let chineseYear = chinese.dateComponents([.era, .year], from: march)
        let date = chinese.date(
            from: DateComponents(era: chineseYear.era, year: chineseYear.year, month: month, day: day))!
        return gregorian.dateComponents([.year, .month, .day], from: date)
    }

    private static func utcCalendar(_ identifier: Calendar.Identifier) -> Calendar {
        var calendar = Calendar(identifier: identifier)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }
}
