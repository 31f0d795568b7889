internal import Foundation

/// Holidays: those on a fixed date, those set by Easter, and those set by Thanksgiving in the
/// United States.
extension DateResolver {
    /// The month and day in `year` of the holiday the words name, if any:
    /// - on a fixed date: "christmas", "christmas eve", "halloween", "new year's day", "new
    ///   year's eve", "new years" (1 January);
    /// - set by Easter Sunday (`easter(year:)`): "easter", "easter monday" (a day after);
    /// - set by the fourth Thursday of November (Thanksgiving in the United States):
    ///   "thanksgiving", "black friday" (a day after), "cyber monday" (four days after).
    ///
    /// Nil for holidays of other calendars (Diwali, Eid, Ramadan, Hanukkah), for the eve of any
    /// but Christmas and the new year, and for "the new year" said as a time of year.
    static func holiday(_ words: [String], year: Int) -> (month: Int, day: Int)? {
        if let index = words.firstIndex(of: "new"), index + 1 < words.count,
            ["year", "years"].contains(words[index + 1])
        {
            let after = words.dropFirst(index + 2).filter { $0 != "'" && $0 != "s" }
            if after.first == "eve" { return (12, 31) }
            return index > 0 && words[index - 1] == "the" && after.first != "day" ? nil : (1, 1)
        }
        if let index = words.firstIndex(of: "friday"), index > 0, words[index - 1] == "black" {
            return day(after: thanksgiving(year: year), days: 1, year: year)
        }
        if let index = words.firstIndex(of: "monday"), index > 0, words[index - 1] == "cyber" {
            return day(after: thanksgiving(year: year), days: 4, year: year)
        }
        if words.contains("thanksgiving") { return thanksgiving(year: year) }
        if let index = words.firstIndex(of: "easter") {
            let monday = words.dropFirst(index + 1).first == "monday"
            return day(after: easter(year: year), days: monday ? 1 : 0, year: year)
        }
        guard let index = words.firstIndex(where: { DateWords.holidays[$0] != nil }),
            let fixed = DateWords.holidays[words[index]] ?? nil
        else { return nil }
        if words.dropFirst(index + 1).first == "eve" { return fixed == (12, 25) ? (12, 24) : nil }
        return fixed
    }

    /// The day the words name from the holiday on `holiday`: the holiday itself, or, before
    /// "before" or "after" it, the nearest such weekday on that side ("the Friday before
    /// Christmas"), the Saturday of the nearest weekend (`isWeekend`: "the weekend before
    /// Christmas"), or days or weeks from it ("the day after Christmas", "two days before
    /// Easter", "a week after Easter").
    func dayNamed(
        fromHoliday holiday: DateComponents, _ words: [String], _ lexemes: [EntityText.Lexeme],
        _ numbers: [NumberScanner.Match], _ firstLexeme: Int
    ) -> (day: DateComponents, isWeekend: Bool) {
        let calendar = self.calendar
        guard let k = words.firstIndex(where: { $0 == "after" || $0 == "before" }), k > 0,
            let start = calendar.date(from: holiday)
        else { return (holiday, false) }
        let step = words[k] == "after" ? 1 : -1
        let unit = words[k - 1]
        func components(_ date: Date) -> DateComponents { calendar.dateComponents([.year, .month, .day], from: date) }
        if DateWords.weekdays[unit] != nil || unit == "weekend" {
            let wanted = DateWords.weekdays[unit] ?? (step == 1 ? 6 : 7)
            var target = calendar.date(byAdding: .day, value: step, to: start)!
            while (calendar.component(.weekday, from: target) + 5) % 7 + 1 != wanted {
                target = calendar.date(byAdding: .day, value: step, to: target)!
            }
            guard unit == "weekend" else { return (components(target), false) }
            return (components(step == 1 ? target : calendar.date(byAdding: .day, value: -1, to: target)!), true)
        }
        guard ["day", "days", "week", "weeks"].contains(unit) else { return (holiday, false) }
        let (amount, code) =
            amounts(words, lexemes, numbers, firstLexeme).first { $0.1 == "D" || $0.1 == "W" }
            ?? (1, unit.hasPrefix("w") ? "W" : "D")
        let days = Int(amount) * (code == "W" ? 7 : 1) * step
        return (components(calendar.date(byAdding: .day, value: days, to: start)!), false)
    }

    /// Whether the words name "the new year" as a time of year ("in the new year"): the year
    /// to come, not its first day.
    static func namesTheNewYear(_ words: [String]) -> Bool {
        guard let index = words.firstIndex(of: "new"), index > 0, words[index - 1] == "the",
            index + 1 < words.count, words[index + 1] == "year"
        else { return false }
        return !words.dropFirst(index + 2).contains(where: { $0 == "day" || $0 == "eve" })
    }

    /// Easter Sunday of `year` in the Gregorian calendar, by the anonymous Gregorian algorithm
    /// (Meeus, *Astronomical Algorithms*, 1991): 2024 → (3, 31), 2025 → (4, 20).
    static func easter(year: Int) -> (month: Int, day: Int) {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return (month, day)
    }

    /// The fourth Thursday of November of `year` (Thanksgiving in the United States).
    static func thanksgiving(year: Int) -> (month: Int, day: Int) {
        // 1 November's weekday by Zeller's congruence, 0 = Saturday … 5 = Thursday.
        let j = year / 100
        let k = year % 100
        let firstOfNovember = (1 + (13 * 12) / 5 + k + k / 4 + j / 4 + 5 * j) % 7
        let firstThursday = 1 + (5 - firstOfNovember + 7) % 7
        return (11, firstThursday + 21)
    }

    /// The Gregorian calendar in UTC, for arithmetic on days that names no time of day.
    static let gregorianInUTC: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The month and day `days` days after `date` in `year`.
    private static func day(after date: (month: Int, day: Int), days: Int, year: Int) -> (month: Int, day: Int) {
        let shifted = day(year: year, month: date.month, day: date.day, plus: days)
        return (shifted.month, shifted.day)
    }
}
