internal import Foundation

/// Turns a date or time expression into an ISO 8601 value, relative to a
/// reference time in a time zone: "tomorrow at 5pm" → `2024-05-04T17:00`,
/// "next Monday" → `2024-05-06`, "in two days" → `2024-05-05`, "30 minutes"
/// → `PT30M`, "May 2024" → `2024-05`. Expressions it cannot pin down (or
/// impossible dates such as "31 February") resolve to nil rather than to a
/// wrong value.
struct DateResolver: Sendable {
    let reference: Date
    let timeZone: TimeZone
    var dateOrder: DateOrder = .monthFirst
    /// The tense of the expression's clause: in the past, a weekday, "the 29th", a weekend or
    /// a day and month without a year said without "next" or "last" is the last one, not the
    /// next ("I ordered on Monday", "it was delivered on the 29th").
    var tense: Tense = .unmarked

    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        return calendar
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard month >= 1 && month <= 12 && day >= 1 else { return false }
        let lengths = [
            31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
        ]
        return day <= lengths[month - 1]
    }

    /// The ISO value of an expression: its lexemes, which start at message
    /// lexeme `firstLexeme`, the numbers inside it, and the word before it ("at" makes
    /// "at 3" an hour; "by" and "until" make "by Jan 10" the next Jan 10).
    func resolve(
        lexemes: [EntityText.Lexeme], firstLexeme: Int, numbers: [NumberScanner.Match], previousWord: String = ""
    ) -> String? {
        let words = lexemes.map(\.text)
        let calendar = self.calendar
        let now = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: reference)
        var year: Int?
        var month: Int?
        var day: Int?
        var date: DateComponents?
        var hour: Int?
        var minute = 0
        // The small hours of a night named by its evening's day ("tonight at 1") are the next day's.
        var nextDay = false

        if let interval = range(lexemes, firstLexeme: firstLexeme, numbers: numbers, previousWord: previousWord) {
            // "between 9am and 5pm CET": the zone is each end's.
            return interval.split(separator: "/").map { zoned(String($0), words) }.joined(separator: "/")
        }
        // Quarters: "Q3", "Q1 2025", "the third quarter 2027", "3rd quarter of 2023".
        if let quarter = Self.quarter(words, lexemes, numbers) {
            let year =
                numbers.first(where: { $0.value >= 1000 && $0.value <= 2999 && $0.value == $0.value.rounded() })
                .map { Int($0.value) } ?? now.year!
            return String(format: "%04d-Q%d", year, quarter)
        }
        // Numeric dates; their lexemes are no clock time ("3.27.2026").
        var dateLexemes = 0..<0
        for i in words.indices
        where lexemes[i].kind == .digits && i + 2 < words.count && ["-", "/", "."].contains(words[i + 1]) {
            var parts: [Int] = []
            for j in stride(from: i, to: min(words.count, i + 5), by: 2) {
                guard let part = Int(words[j]), lexemes[j].kind == .digits else { break }
                parts.append(part)
            }
            guard parts.count >= 2 else { continue }
            // "3.27" is a date only after "on" ("at 3.27 pm" is a time).
            if parts.count == 2 && words[i + 1] == "." && (i > 0 ? words[i - 1] : previousWord) != "on" { continue }
            dateLexemes = i..<(i + 2 * parts.count - 1)
            if parts.count == 3 {
                if words[i].count == 4 {
                    (year, month, day) = (parts[0], parts[1], parts[2])
                } else {
                    let y = words[i + 4].count == 2 ? 2000 + parts[2] : parts[2]
                    // In the bot's order when valid, otherwise the other.
                    let (m, d) = dateOrder == .dayFirst ? (parts[1], parts[0]) : (parts[0], parts[1])
                    if Self.isValid(year: y, month: m, day: d) {
                        (year, month, day) = (y, m, d)
                    } else {
                        (year, month, day) = (y, d, m)
                    }
                }
                break
            } else if parts.count == 2, words[i + 1] != "-" || words[i].count == 4 {
                if words[i].count == 4 { break }
                let (m, d) = dateOrder == .dayFirst ? (parts[1], parts[0]) : (parts[0], parts[1])
                (month, day) = m <= 12 ? (m, d) : (d, m)
                break
            }
        }
        // Month names with a day and a year.
        if month == nil, let index = words.firstIndex(where: { DateWords.months[$0] != nil }) {
            month = DateWords.months[words[index]]
            for match in numbers {
                let k = match.firstLexeme - firstLexeme
                if match.value >= 1000 && match.value <= 2999 && match.value == match.value.rounded() {
                    year = Int(match.value)
                } else if day != nil, year == nil, k > index, k >= 2, ["-", "/"].contains(words[k - 1]),
                    words[k].count == 2, lexemes[k].kind == .digits, let yy = Int(words[k])
                {
                    // "31-Oct-74": two digits after a month name and a day are the year, at most 20 years ahead.
                    year = 2000 + yy > now.year! + 20 ? 1900 + yy : 2000 + yy
                } else if match.value >= 1 && match.value <= 31 && match.value == match.value.rounded() && day == nil {
                    day = Int(match.value)
                }
            }
            // "January twenty five nineteen eighty six": the scanner reads one long number
            // ("May 2025" is a month of a year).
            if day == nil, let match = numbers.first, match.value > 31, match.isWords {
                return nil
            }
        } else if year == nil,
            let match = numbers.first(where: { $0.value >= 1000 && $0.value <= 2999 && !$0.isWords }),
            words.count <= 3 || Self.holiday(words, year: now.year!) != nil
        {
            year = Int(match.value)
        }
        if let m = month {
            var y = year ?? now.year!
            // A deadline without a year is the next one: "by Jan 10" in December is next year's.
            let deadline: Set<String> = ["by", "until", "till", "til"]
            if year == nil, let d = day,
                deadline.contains(previousWord) || deadline.contains(words[0]) || words.contains("next"),
                (m, d) < (now.month!, now.day!)
            {
                y += 1
            } else if year == nil, let d = day, tense != .unmarked, !words.contains("next") {
                // One in the past is the last: "I ordered on 20 December", said in January; one
                // ahead the coming one: "can it come on 5 January?", said in December.
                y = Self.year(ofMonth: m, day: d, back: tense == .past, now: now)
            } else if year == nil, day == nil {
                // A month alone: the coming one when ahead ("back in stock in January?" said in
                // December), the last in the past tense, this month either way; "next" and "last"
                // pass over this month.
                let (next, last) = (words.contains("next"), words.contains("last"))
                if next || last || tense != .unmarked {
                    let back = last || tense == .past && !next
                    y = Self.year(ofMonth: m, back: back, passingThisMonth: back ? last : next, now: now)
                }
            }
            if let d = day {
                guard Self.isValid(year: y, month: m, day: d) else { return nil }
                date = DateComponents(year: y, month: m, day: d)
            } else if words.contains(where: { DateWords.weekdays[$0] != nil }) == false {
                return String(format: "%04d-%02d", y, m)
            }
        } else if let y = year, words.count <= 3, !words.contains(where: { DateWords.units[$0] != nil }),
            Self.holiday(words, year: y) == nil
        {
            // A year alone; "Thanksgiving 2025" is a day of it.
            return String(format: "%04d", y)
        }

        // Relative days and weekdays.
        if date == nil {
            if let offset = words.lazy.compactMap({ DateWords.relativeDays[$0] }).first,
                !words.contains("now") || words.count == 1
            {
                var shift = offset
                if words.contains("after") && words.contains("tomorrow") && words.contains("day") { shift = 2 }
                if words.contains("before") && words.contains("yesterday") && words.contains("day") { shift = -2 }
                var day = calendar.date(byAdding: .day, value: shift, to: reference)!
                // "a week from tomorrow", "two days from today".
                if words.contains("from") || words.contains("after"),
                    let (amount, unit) = amounts(words, lexemes, numbers, firstLexeme).first,
                    amount == amount.rounded(), let component = component(unit), !["H", "M", "S"].contains(unit)
                {
                    day = calendar.date(byAdding: component, value: Int(amount) * multiplier(unit), to: day)!
                }
                date = calendar.dateComponents([.year, .month, .day], from: day)
                if words == ["now"] {
                    return iso(
                        calendar.dateComponents([.year, .month, .day, .hour, .minute], from: reference), time: true)
                }
            } else if let day = ordinalDay(words, numbers, firstLexeme, previousWord: previousWord) {
                date = day
            } else if Self.namesTheNewYear(words) {
                // "in the new year": the year to come, or the one that began, in the past tense.
                return String(format: "%04d", tense == .past ? now.year! : now.year! + 1)
            } else if let (m, d) = Self.holiday(words, year: year ?? now.year!) {
                // "before Christmas", "at Easter": the coming one, or the last in the past tense;
                // a holiday set by another day falls on another date in the next or last year.
                let back = tense == .past || words.contains("last") || words.contains("previous")
                let y = year ?? Self.year(ofMonth: m, day: d, back: back, now: now)
                if let (m, d) = Self.holiday(words, year: y) {
                    let named = dayNamed(
                        fromHoliday: DateComponents(year: y, month: m, day: d), words, lexemes, numbers, firstLexeme)
                    if named.isWeekend { return weekend(from: calendar.date(from: named.day)!) }
                    date = named.day
                }
            } else if words.contains(where: { DateWords.dayParts[$0] != nil }),
                let shift = words.contains("this") ? 0 : (words.contains("last") ? -1 : nil),
                !words.contains(where: { DateWords.weekdays[$0] != nil })
            {
                // "this afternoon" is today's, "last night" yesterday's.
                date = calendar.dateComponents(
                    [.year, .month, .day], from: calendar.date(byAdding: .day, value: shift, to: reference)!)
            } else if let weekday = words.lazy.compactMap({ DateWords.weekdays[$0] }).first {
                let today = (now.weekday! + 5) % 7 + 1  // 1 = Monday
                var delta = (weekday - today + 7) % 7
                if words.contains("next") { delta += delta == 0 ? 7 : (delta < 7 ? 7 : 0) }
                if words.contains("last") || words.contains("previous") {
                    delta -= 7
                } else if tense == .past, !words.contains(where: ["next", "coming", "following"].contains) {
                    // "I ordered on Monday": the last Monday ("this Monday" may be today).
                    delta = delta == 0 && words.contains("this") ? 0 : Self.daysBack(fromDaysAhead: delta)
                }
                if let d = day, let m = month {
                    date = DateComponents(year: year ?? now.year!, month: m, day: d)
                } else {
                    date = calendar.dateComponents(
                        [.year, .month, .day], from: calendar.date(byAdding: .day, value: delta, to: reference)!)
                }
            }
        }

        // Clock times: "half past 3", "quarter to 5", "twenty past six", then digits.
        if let (h, m) = Self.clockInWords(words, numbers, firstLexeme) {
            minute = m
            let rest = words.joined(separator: " ")
            if (rest.contains("pm") || rest.contains("p . m")) && h < 12 {
                hour = h + 12
            } else {
                (hour, nextDay) = Self.hour(h, partOfDay: words)
            }
        }
        for (i, w) in words.enumerated() where hour == nil && lexemes[i].kind == .digits && !dateLexemes.contains(i) {
            guard let value = Int(w), value <= 24 else { continue }
            let next = i + 1 < words.count ? words[i + 1] : ""
            if next == ":" || (next == "." && i + 2 < words.count && words[i + 2].count == 2) {
                guard i + 2 < words.count, let m = Int(words[i + 2]), m < 60 else { continue }
                hour = value
                minute = m
            } else if ["am", "pm", "a", "p", "oclock", "o"].contains(next) || (i > 0 && words[i - 1] == "at")
                || (i == 0 && previousWord == "at" && w.count <= 2)
            {
                hour = value
            } else {
                continue
            }
            let suffix = words[min(words.count - 1, i + (next == ":" || next == "." ? 3 : 1))...].prefix(3).joined()
            if suffix.hasPrefix("pm") || suffix.hasPrefix("p.m") {
                if hour! < 12 { hour! += 12 }
            } else if suffix.hasPrefix("am") || suffix.hasPrefix("a.m") {
                if hour == 12 { hour = 0 }
                nextDay = hour! < 6 && Self.namesANight(words)
            } else {
                (hour, nextDay) = Self.hour(hour!, partOfDay: words)
            }
            break
        }
        if hour == nil {
            if words.contains("noon") || words.contains("midday") { hour = 12 }
            if words.contains("midnight") { hour = 0 }
        }

        // Durations, and offsets from now: "in two days", "3 weeks ago".
        if date == nil && hour == nil {
            for (amount, unit) in amounts(words, lexemes, numbers, firstLexeme) {
                let direction =
                    words.contains("ago") || words.contains("before") || words.contains("earlier")
                    ? -1
                    : (words.first == "in" || previousWord == "in" || words.contains("later")
                        || words.contains("after") || words.contains("within") || words.suffix(2) == ["from", "now"]
                        ? 1 : 0)
                if direction == 0 { return duration(amount, unit) }
                guard let component = component(unit), amount == amount.rounded() else { return duration(amount, unit) }
                let target = calendar.date(
                    byAdding: component, value: direction * Int(amount) * multiplier(unit), to: reference)!
                let time = ["H", "M", "S"].contains(unit)
                return iso(calendar.dateComponents([.year, .month, .day, .hour, .minute], from: target), time: time)
            }
            // "next week", "last month", "this year".
            let shift =
                words.contains("next") || words.contains("following") || words.contains("coming")
                ? 1 : (words.contains("last") || words.contains("previous") ? -1 : 0)
            // "next day delivery": tomorrow.
            if words == ["next", "day"] || words == ["following", "day"] {
                let tomorrow = calendar.date(byAdding: .day, value: 1, to: reference)!
                return iso(calendar.dateComponents([.year, .month, .day], from: tomorrow), time: false)
            }
            // "this weekend", "over the weekend", "next weekend", "the weekend after next": that
            // week's Saturday and Sunday; "weekend delivery" and "every weekend" name none.
            if words.contains("weekend"), !words.contains("every"), !words.contains("each"),
                words.contains(where: DateWords.weekendDeterminers.contains)
                    || DateWords.weekendDeterminers.contains(previousWord)
            {
                // "delivered over the weekend": the last one, unless today is in it.
                if tense == .past && shift == 0 && !words.contains("after") {
                    return weekend(weeksFromNow: Self.weeksToTheLastWeekend(today: now.weekday!))
                }
                if words.contains("this") { return weekend(weeksFromNow: 0) }
                if words.contains("after") && words.contains("next") { return weekend(weeksFromNow: 2) }
                if words.contains("before") && words.contains("last") { return weekend(weeksFromNow: -2) }
                return weekend(weeksFromNow: shift)
            }
            if words.contains("week") {
                let target = calendar.date(byAdding: .weekOfYear, value: shift, to: reference)!
                let c = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: target)
                return String(format: "%04d-W%02d", c.yearForWeekOfYear!, c.weekOfYear!)
            }
            if words.contains("month") {
                let c = calendar.dateComponents(
                    [.year, .month], from: calendar.date(byAdding: .month, value: shift, to: reference)!)
                // "the 2nd of this month", "the 15th of next month": a day of that month.
                if words.contains("of"),
                    let day = numbers.first(where: { $0.isOrdinal && $0.value >= 1 && $0.value <= 31 })
                {
                    guard Self.isValid(year: c.year!, month: c.month!, day: Int(day.value)) else { return nil }
                    return String(format: "%04d-%02d-%02d", c.year!, c.month!, Int(day.value))
                }
                return String(format: "%04d-%02d", c.year!, c.month!)
            }
            if words.contains("year") {
                return String(format: "%04d", now.year! + shift)
            }
            // "end of day", "eod": today ("at the end of the day" is a turn of phrase); "eow",
            // "eom", "eoy": this week, month, year.
            switch words {
            case ["eod"], ["end", "of", "day"]:
                return iso(calendar.dateComponents([.year, .month, .day], from: reference), time: false)
            case ["eow"]:
                let c = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: reference)
                return String(format: "%04d-W%02d", c.yearForWeekOfYear!, c.weekOfYear!)
            case ["eom"]: return String(format: "%04d-%02d", now.year!, now.month!)
            case ["eoy"]: return String(format: "%04d", now.year!)
            default: break
            }
            // "in the morning": a part of a day not named; "every morning" recurs.
            if let part = words.lazy.compactMap({ DateWords.dayParts[$0] }).first,
                !words.contains("every"), !words.contains("each")
            {
                return part
            }
            return nil
        }
        if var components = date {
            if nextDay, hour != nil, let day = calendar.date(from: components),
                let following = calendar.date(byAdding: .day, value: 1, to: day)
            {
                components = calendar.dateComponents([.year, .month, .day], from: following)
            }
            if let hour {
                components.hour = hour
                components.minute = minute
                return iso(components, time: true) + zone(words, on: calendar.date(from: components))
            }
            let part = words.lazy.compactMap { DateWords.dayParts[$0] }.first
            return iso(components, time: false) + (part ?? "")
        }
        if let hour { return String(format: "T%02d:%02d", hour, minute) + zone(words, on: nil) }
        return nil
    }

    /// `value` with the UTC offset of the zone the words name when it is a clock time without
    /// one ("T17:00", "2024-05-04T17:00"); else `value`.
    func zoned(_ value: String, _ words: [String]) -> String {
        guard let t = value.firstIndex(of: "T"), value.distance(from: t, to: value.endIndex) == 6 else { return value }
        let parts = value[..<t].split(separator: "-").compactMap { Int($0) }
        let day =
            parts.count == 3 ? calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) : nil
        return value + zone(words, on: day)
    }

    /// The UTC offset of the zone the words name after a clock time, as ISO 8601 writes it
    /// ("+01:00"), for a time on `day` (today when nil); "" when they name none.
    func zone(_ words: [String], on day: Date?) -> String {
        TimeZoneWords.offset(words, on: day ?? reference).map(TimeZoneWords.iso) ?? ""
    }

    /// Whether `value` is a day, "2024-05-15".
    static func isDay(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// Day `day` listed after the day `previous` ("2024-05-15" for "the 15th or 16th"): of the
    /// same month, or of the next when it would come first; nil when that month has no such day.
    static func day(_ day: Int, listedAfter previous: String) -> String? {
        let parts = previous.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var (year, month) = (parts[0], parts[1])
        if day < parts[2] { (year, month) = Self.month(year, month, plus: 1) }
        guard isValid(year: year, month: month, day: day) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The day `days` days after the day `value` ("2024-05-15"), in the same form; nil unless
    /// `value` is a valid day.
    static func day(fromDay value: String, plus days: Int) -> String? {
        let parts = value.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, isValid(year: parts[0], month: parts[1], day: parts[2]) else { return nil }
        let shifted = day(year: parts[0], month: parts[1], day: parts[2], plus: days)
        return String(format: "%04d-%02d-%02d", shifted.year, shifted.month, shifted.day)
    }

    /// The day `days` days after `day` of `month` of `year` (Gregorian, UTC).
    static func day(year: Int, month: Int, day: Int, plus days: Int) -> (year: Int, month: Int, day: Int) {
        let calendar = gregorianInUTC
        let start = calendar.date(from: DateComponents(year: year, month: month, day: day))!
        let shifted = calendar.dateComponents(
            [.year, .month, .day], from: calendar.date(byAdding: .day, value: days, to: start)!)
        return (shifted.year!, shifted.month!, shifted.day!)
    }

    /// The days from today to a weekday `daysAhead` days ahead (0–6), said in the past: the
    /// last one, a week back when it is today's ("I ordered on Tuesday", said on a Tuesday).
    static func daysBack(fromDaysAhead daysAhead: Int) -> Int {
        daysAhead == 0 ? -7 : daysAhead - 7
    }

    /// The weeks from this one to the weekend said in the past ("delivered over the weekend"):
    /// this week's when today, a `Calendar` weekday (1 = Sunday), is in it; else the last.
    static func weeksToTheLastWeekend(today weekday: Int) -> Int {
        weekday == 7 || weekday == 1 ? 0 : -1
    }

    /// The year of month `m` said alone: the coming one, or the last when `back`; this month's
    /// either way unless `passingThisMonth` ("next December" said in December is next year's).
    static func year(ofMonth m: Int, back: Bool, passingThisMonth: Bool, now: DateComponents) -> Int {
        let this = now.month!
        if back { return m > this || passingThisMonth && m == this ? now.year! - 1 : now.year! }
        return m < this || passingThisMonth && m == this ? now.year! + 1 : now.year!
    }

    /// The year of month `m`, day `d` said without one: the coming such day, or the last one
    /// when `back`; today's either way. `now` holds today's year, month and day.
    static func year(ofMonth m: Int, day d: Int, back: Bool, now: DateComponents) -> Int {
        let today = (now.month!, now.day!)
        if back { return (m, d) > today ? now.year! - 1 : now.year! }
        return (m, d) < today ? now.year! + 1 : now.year!
    }

    /// The weekend of the week `weeksFromNow` weeks from this one, as an ISO 8601 interval of
    /// its Saturday and Sunday ("2024-05-04/2024-05-05"; weeks start on Monday).
    func weekend(weeksFromNow shift: Int) -> String {
        let calendar = self.calendar
        let target = calendar.date(byAdding: .weekOfYear, value: shift, to: reference)!
        let weekday = (calendar.component(.weekday, from: target) + 5) % 7  // 0 = Monday
        return weekend(from: calendar.date(byAdding: .day, value: 5 - weekday, to: target)!)
    }

    /// The weekend starting on `saturday`, as an ISO 8601 interval of it and the Sunday after.
    func weekend(from saturday: Date) -> String {
        let calendar = self.calendar
        let sunday = calendar.date(byAdding: .day, value: 1, to: saturday)!
        return iso(calendar.dateComponents([.year, .month, .day], from: saturday), time: false) + "/"
            + iso(calendar.dateComponents([.year, .month, .day], from: sunday), time: false)
    }

    /// The hour a clock hour without am or pm names in a part of the day, and whether it falls
    /// on the next day: the afternoon and the evening are after noon; at night (and tonight)
    /// six to eleven are in the evening, twelve is midnight and one to five the small hours, both
    /// after the day the night is named by ("tonight at 1" is tomorrow 01:00, "Friday night at
    /// 12" Saturday 00:00, "last night at 2" today 02:00).
    static func hour(_ hour: Int, partOfDay words: [String]) -> (hour: Int, nextDay: Bool) {
        if namesANight(words) {
            if hour == 12 { return (0, true) }
            return hour < 6 ? (hour, true) : (hour < 12 ? hour + 12 : hour, false)
        }
        if hour < 12 && (words.contains("afternoon") || words.contains("evening")) { return (hour + 12, false) }
        return (hour, false)
    }

    /// Whether the words name a night ("tonight", "Friday night").
    static func namesANight(_ words: [String]) -> Bool {
        words.contains("night") || words.contains("tonight")
    }

    /// The day "the 15th" names after a preposition ("on the 15th", "by the 2nd"): the next
    /// such day, today included, or the last one after "since" or in the past tense; months
    /// too short for it are passed over ("on the 31st" in April is 31 May). Nil unless the words hold one ordinal,
    /// after "the" and a preposition ("on the 15th at 3pm", "at 8pm on the 15th"), right after one
    /// of `DateWords.beforeABareDayOfTheMonth` ("from 5th"), or opening the message ("The 29th").
    private func ordinalDay(
        _ words: [String], _ numbers: [NumberScanner.Match], _ firstLexeme: Int, previousWord: String
    ) -> DateComponents? {
        let ordinals = numbers.filter(\.isOrdinal)
        guard ordinals.count == 1, let number = ordinals.first, !words.contains("of") else { return nil }
        let k = number.firstLexeme - firstLexeme
        let preposition: String
        var opensTheMessage = false
        if k >= 1 && words[k - 1] == "the" {
            preposition = k >= 2 ? words[k - 2] : previousWord
            opensTheMessage = k == 1 && firstLexeme == 0
        } else {
            // "from 5th to 9th", "on 3rd": right after a preposition.
            preposition = k >= 1 ? words[k - 1] : previousWord
            guard DateWords.beforeABareDayOfTheMonth.contains(preposition) else { return nil }
        }
        // "The 29th" opening the message needs no preposition.
        guard DateWords.beforeADayOfTheMonth.contains(preposition) || opensTheMessage,
            (1...31).contains(number.value), number.value == number.value.rounded()
        else { return nil }
        let day = Int(number.value)
        let now = calendar.dateComponents([.year, .month, .day], from: reference)
        let step = preposition == "since" || tense == .past ? -1 : 1
        var (year, month) = (now.year!, now.month!)
        if step == 1 ? day < now.day! : day > now.day! { (year, month) = Self.month(year, month, plus: step) }
        for _ in 0..<12 {
            if Self.isValid(year: year, month: month, day: day) {
                return DateComponents(year: year, month: month, day: day)
            }
            (year, month) = Self.month(year, month, plus: step)
        }
        return nil
    }

    /// The year and month `step` months from `month` of `year`.
    static func month(_ year: Int, _ month: Int, plus step: Int) -> (Int, Int) {
        let index = year * 12 + (month - 1) + step
        return (index / 12, index % 12 + 1)
    }

    /// Whether `words` hold a clock time: "9:00", "2pm", "3 p.m.", "noon".
    static func hasClock(_ words: ArraySlice<String>) -> Bool {
        words.indices.contains { k in
            ["noon", "midday", "midnight"].contains(words[k])
                || words[k].first?.isNumber == true
                    && (k + 1 < words.endIndex
                        && (words[k + 1] == ":" || ["am", "pm", "a", "p"].contains(words[k + 1])))
        }
    }

    /// The hour and minute of a clock time in words: "half past 3", "quarter to 5", "twenty
    /// past six", "twenty to seven" (12-hour, as "3:30" is). Of "to", only "quarter to" and five,
    /// ten, twenty or twenty-five in words: "10 to 4" is more often a range of hours.
    static func clockInWords(_ words: [String], _ numbers: [NumberScanner.Match], _ firstLexeme: Int) -> (Int, Int)? {
        let wordedMinutes = { (p: Int) in
            numbers.contains {
                $0.endLexeme - firstLexeme == p && $0.isWords && DateWords.minutesToTheHour.contains($0.value)
            }
        }
        for (p, w) in words.enumerated()
        where p > 0 && (w == "past" || w == "to" && (words[p - 1] == "quarter" || wordedMinutes(p))) {
            guard let hour = numbers.first(where: { $0.firstLexeme - firstLexeme == p + 1 }),
                hour.value >= 1, hour.value <= 12, hour.value == hour.value.rounded(), !hour.isOrdinal
            else { continue }
            let minutes: Int
            if words[p - 1] == "half" {
                guard w == "past" else { continue }
                minutes = 30
            } else if words[p - 1] == "quarter" {
                minutes = 15
            } else if let count = numbers.first(where: { $0.endLexeme - firstLexeme == p }), count.value >= 1,
                count.value < 60, count.value == count.value.rounded()
            {
                minutes = Int(count.value)
            } else {
                continue
            }
            let h = Int(hour.value)
            return w == "past" ? (h, minutes) : (h == 1 ? 12 : h - 1, 60 - minutes)
        }
        return nil
    }

    /// The quarter (1 to 4) an expression names: "Q3", "third quarter", "3rd quarter".
    static func quarter(_ words: [String], _ lexemes: [EntityText.Lexeme], _ numbers: [NumberScanner.Match]) -> Int? {
        for (i, w) in words.enumerated() {
            if w == "q", i + 1 < words.count, lexemes[i + 1].kind == .digits, lexemes[i].end == lexemes[i + 1].start,
                let n = Int(words[i + 1]), n >= 1, n <= 4
            {
                return n
            }
            if w == "quarter", i > 0 {
                if let n = NumberWords.ordinals[words[i - 1]], n >= 1, n <= 4 { return Int(n) }
                if i > 1, ["st", "nd", "rd", "th"].contains(words[i - 1]), let n = Int(words[i - 2]), n >= 1, n <= 4 {
                    return n
                }
            }
        }
        return nil
    }

    /// Each amount of a unit in an expression, in order: a number before a unit ("two days"),
    /// or an article, which is one ("a week", "an hour").
    func amounts(
        _ words: [String], _ lexemes: [EntityText.Lexeme], _ numbers: [NumberScanner.Match], _ firstLexeme: Int
    ) -> [(Double, String)] {
        var found: [(index: Int, amount: Double, unit: String)] = []
        for match in numbers {
            let index = match.endLexeme - firstLexeme
            if index >= 0, index < words.count, let unit = DateWords.units[words[index]] {
                found.append((index, match.value, unit))
            }
        }
        // "2h", "3d", "2w": digits with a unit glued on.
        for index in words.indices.dropFirst()
        where lexemes[index - 1].kind == .digits && lexemes[index - 1].end == lexemes[index].start {
            if let unit = DateWords.gluedUnitCodes[words[index]], let amount = Double(words[index - 1]) {
                found.append((index, amount, unit))
            }
        }
        for (index, word) in words.enumerated() where index > 0 && (words[index - 1] == "a" || words[index - 1] == "an")
        {
            if let unit = DateWords.units[word], !found.contains(where: { $0.index == index }) {
                found.append((index, 1, unit))
            }
        }
        // "a couple of days", "a few weeks".
        for (index, word) in words.enumerated() where index > 0 {
            let amountWord = words[index - 1] == "of" && index > 1 ? words[index - 2] : words[index - 1]
            if let unit = DateWords.units[word], let amount = DateWords.vagueAmounts[amountWord],
                !found.contains(where: { $0.index == index })
            {
                found.append((index, amount, unit))
            }
        }
        // "an hour and a half", "two days and a half".
        return found.sorted { $0.index < $1.index }.map { found in
            let half =
                found.index + 3 < words.count && words[(found.index + 1)...(found.index + 3)] == ["and", "a", "half"]
            return (found.amount + (half ? 0.5 : 0), found.unit)
        }
    }

    /// How many of `component(unit)` one `unit` is: a week is 7 days, a quarter 3 months.
    func multiplier(_ unit: String) -> Int {
        switch unit {
        case "W": 7
        case "W2": 14
        case "Q": 3
        case "Y10": 10
        case "Y100": 100
        default: 1
        }
    }

    func component(_ unit: String) -> Calendar.Component? {
        switch unit {
        case "S": .second
        case "M": .minute
        case "H": .hour
        case "D": .day
        case "W", "W2": .day
        case "MO", "Q": .month
        case "Y", "Y10", "Y100": .year
        default: nil
        }
    }

    func duration(_ amount: Double, _ unit: String) -> String? {
        let number = NumberWords.format(amount)
        switch unit {
        case "S", "M", "H": return "PT\(number)\(unit)"
        case "D": return "P\(number)D"
        case "W": return "P\(number)W"
        case "W2": return "P\(NumberWords.format(amount * 2))W"
        case "MO": return "P\(number)M"
        case "Q": return "P\(NumberWords.format(amount * 3))M"
        case "Y": return "P\(number)Y"
        case "Y10": return "P\(NumberWords.format(amount * 10))Y"
        case "Y100": return "P\(NumberWords.format(amount * 100))Y"
        default: return nil
        }
    }

    func iso(_ c: DateComponents, time: Bool) -> String {
        let date = String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 1, c.day ?? 1)
        return time ? date + String(format: "T%02d:%02d", c.hour ?? 0, c.minute ?? 0) : date
    }
}
