internal import Foundation

/// Ranges: of times ("2-4pm"), of days ("20 Dec to 3 Jan"), and of bare hours beside a day
/// ("tomorrow from 9 to 11"), each an ISO 8601 interval.
extension DateResolver {
    /// The interval an expression names, if it names one.
    func range(
        _ lexemes: [EntityText.Lexeme], firstLexeme: Int, numbers: [NumberScanner.Match], previousWord: String
    ) -> String? {
        rangeOfTimes(lexemes, firstLexeme: firstLexeme, numbers: numbers, previousWord: previousWord)
            ?? rangeOfDays(lexemes, firstLexeme: firstLexeme, numbers: numbers, previousWord: previousWord)
            ?? windowOfHours(lexemes, firstLexeme: firstLexeme, numbers: numbers, previousWord: previousWord)
    }

    /// Where a range's two halves meet: the first range word, after the start, with none after
    /// it ("between", before it or in the expression, makes "and" one). Nil for a chain
    /// ("9:00-10:00-11:00").
    static func split(_ words: [String], previousWord: String) -> Int? {
        let between = words.contains("between") || previousWord == "between"
        let rangeWords: Set<String> = between ? ["-", "to", "and"] : ["-", "to", "until", "till", "through"]
        guard let split = words.firstIndex(where: rangeWords.contains), split > 0, split + 1 < words.count,
            !words[(split + 1)...].contains(where: rangeWords.contains)
        else { return nil }
        return split
    }

    /// "20 Dec to 3 Jan", "between May 10 and May 12", "24-26 December", "from the 20th to the
    /// 3rd", "Monday to Friday", "between Christmas and New Year": two days. A weekday that
    /// names no week of its own is the first such day after the start ("next Monday to
    /// Friday"); another end that would come first and names no year is the next such day
    /// after the start: a month's day in the next year, a day of the month in the next month. A bare day
    /// before an end with a month takes that month ("24-26 December", "from the 5th to the 9th
    /// of January"). Nil unless both halves are days.
    private func rangeOfDays(
        _ lexemes: [EntityText.Lexeme], firstLexeme: Int, numbers: [NumberScanner.Match], previousWord: String
    ) -> String? {
        let words = lexemes.map(\.text)
        guard let split = Self.split(words, previousWord: previousWord) else { return nil }
        let offset = firstLexeme + split + 1
        let endNumbers = numbers.filter { $0.firstLexeme >= offset }
        // The end is a day as after "to": "between the 10th and the 12th".
        let end = resolve(
            lexemes: Array(lexemes[(split + 1)...]), firstLexeme: offset, numbers: endNumbers, previousWord: "to"
        ).flatMap { Self.isDay($0) ? $0 : nil }
        let endWords = words[(split + 1)...]
        let endNamesAMonth = endWords.contains { DateWords.months[$0] != nil }
        // "from the 5th to 9th": an ordinal alone ends the range on a day of the month.
        let endDay = endNumbers.count == 1 ? endNumbers.first : nil
        let endIsAnOrdinalDay =
            endDay.map {
                $0.isOrdinal && (1...31).contains($0.value) && $0.endLexeme == firstLexeme + words.count
                    && $0.firstLexeme == (endWords.first == "the" ? offset + 1 : offset)
            } ?? false
        guard end != nil || endIsAnOrdinalDay else { return nil }
        let startNumbers = numbers.filter { $0.firstLexeme < offset - 1 }
        var start: String
        if let end, endNamesAMonth, startNumbers.count == 1, let day = startNumbers.first,
            day.isOrdinal || day.firstLexeme + 1 == day.endLexeme,
            !words[..<split].contains(where: { DateWords.months[$0] != nil }),
            (1...31).contains(day.value), day.value == day.value.rounded()
        {
            // "24-26 December": the start is a day of the end's month.
            start = String(end.prefix(8)) + String(format: "%02d", Int(day.value))
        } else {
            guard
                let resolved = resolve(
                    lexemes: Array(lexemes[..<split]), firstLexeme: firstLexeme, numbers: startNumbers,
                    previousWord: previousWord),
                Self.isDay(resolved)
            else { return nil }
            start = resolved
        }
        guard var finish = endIsAnOrdinalDay ? endDay.flatMap({ Self.day(Int($0.value), listedAfter: start) }) : end
        else { return nil }
        let endNamesAYear = endNumbers.contains { $0.value >= 1000 && $0.value <= 2999 }
        let endNamesAWeekday = !endNamesAMonth && endWords.contains { DateWords.weekdays[$0] != nil }
        if endNamesAWeekday, !endWords.contains(where: Self.weekShifts.contains),
            let day = Self.weekday(of: finish, firstAfter: start)
        {
            // "next Monday to Friday" ends that week; "from Monday to Monday" is a week.
            finish = day
        } else if finish < start, !endNamesAYear, let moved = Self.end(finish, movedPastStartBy: .year) {
            finish = moved
        }
        guard start < finish, Self.isValidDate(start), Self.isValidDate(finish) else { return nil }
        return start + "/" + finish
    }

    /// How the end of a range of days that would come first is moved past its start.
    enum RangeEndStep {
        /// A day of a month: the same day a year on ("20 Dec to 3 Jan").
        case year
        /// A day of the month: the same day in the month after (`day(_:listedAfter:)`).
        case month(after: String)
        /// A weekday: a week on ("Monday to Friday", "from Monday to Monday").
        case week
    }

    /// Words that name a weekday's week ("next Friday", "this Friday").
    static let weekShifts: Set<String> = ["next", "last", "this", "coming", "previous", "following"]

    /// The first day after the day of `start` on the weekday of the day of `end` (a week on
    /// when they share it), with what `end` says after its day ("T15:00", "TAF"): "Monday to
    /// Friday" said of last week ends on that week's Friday. Nil unless both begin with a day
    /// ("2024-05-15").
    static func weekday(of end: String, firstAfter start: String) -> String? {
        let calendar = gregorianInUTC
        func date(_ value: String) -> Date? {
            let day = String(value.prefix(10))
            guard isDay(day), isValidDate(day) else { return nil }
            let parts = day.split(separator: "-").compactMap { Int($0) }
            return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
        }
        guard let from = date(start), let to = date(end),
            let days = calendar.dateComponents([.day], from: from, to: to).day
        else { return nil }
        let ahead = (days % 7 + 7) % 7
        return day(fromDay: String(start.prefix(10)), plus: ahead == 0 ? 7 : ahead).map { $0 + end.dropFirst(10) }
    }

    /// The end `end` of a range of days, moved past its start by `step`; nil when it is no day.
    static func end(_ end: String, movedPastStartBy step: RangeEndStep) -> String? {
        switch step {
        case .year: Int(end.prefix(4)).map { String(format: "%04d", $0 + 1) + end.dropFirst(4) }
        case .month(let start): Int(end.suffix(2)).flatMap { day($0, listedAfter: start) }
        case .week: day(fromDay: end, plus: 7)
        }
    }

    /// "tomorrow from 9 to 11", "9-12 on Saturday": two hours without am or pm beside the day
    /// before or after them. Hours from seven on are read as written; a window that starts
    /// earlier is the afternoon's ("tomorrow from 2 to 4" is 14:00 to 16:00), as a shop's day
    /// runs; a part of the day named with the day decides ("tomorrow evening between 6 and 8" is
    /// 18:00 to 20:00, "Saturday morning from 9 to 11" 09:00 to 11:00). Nil without a day: "from
    /// 9 to 11" alone may be a price or a count.
    private func windowOfHours(
        _ lexemes: [EntityText.Lexeme], firstLexeme: Int, numbers: [NumberScanner.Match], previousWord: String
    ) -> String? {
        let words = lexemes.map(\.text)
        guard let split = Self.split(words, previousWord: previousWord), lexemes[split - 1].kind == .digits,
            lexemes[split + 1].kind == .digits, let first = Int(words[split - 1]), let last = Int(words[split + 1]),
            first < last, last <= 24
        else { return nil }
        var windowStart = split - 1
        while windowStart > 0 && ["from", "between"].contains(words[windowStart - 1]) { windowStart -= 1 }
        let dayRange = windowStart > 0 ? 0..<windowStart : (split + 2)..<words.count
        guard !dayRange.isEmpty, windowStart == 0 || split + 2 == words.count,
            let named = resolve(
                lexemes: Array(lexemes[dayRange]), firstLexeme: firstLexeme + dayRange.lowerBound,
                numbers: numbers.filter { dayRange.contains($0.firstLexeme - firstLexeme) },
                previousWord: dayRange.lowerBound == 0 ? previousWord : words[dayRange.lowerBound - 1]),
            named.count >= 10
        else { return nil }
        let part = named.dropFirst(10)
        guard part.isEmpty || DateWords.dayParts.values.contains(String(part)) else { return nil }
        let afterNoon = ["TAF", "TEV", "TNI"].contains(String(part)) || part.isEmpty && first < 7
        let afternoon = afterNoon && last < 12 ? 12 : 0
        let day = named.prefix(10)
        return day + String(format: "T%02d:00/", first + afternoon) + day
            + String(format: "T%02d:00", last + afternoon)
    }

    private static func isValidDate(_ value: String) -> Bool {
        let parts = value.split(separator: "-").compactMap { Int($0) }
        return parts.count == 3 && isValid(year: parts[0], month: parts[1], day: parts[2])
    }

    /// The ISO 8601 interval an expression of two times names, if it names one: "9:00-18:00",
    /// "from 2pm to 4pm", or a bare hour before a time, which takes its am or pm and the day named
    /// before it ("2-4pm", "between 2 and 4pm", "tomorrow from 2 to 4pm"). A chain of more than
    /// two is none, and each half is split no further.
    private func rangeOfTimes(
        _ lexemes: [EntityText.Lexeme], firstLexeme: Int, numbers: [NumberScanner.Match], previousWord: String
    ) -> String? {
        let words = lexemes.map(\.text)
        guard let split = Self.split(words, previousWord: previousWord), Self.hasClock(words[(split + 1)...])
        else { return nil }
        let offset = firstLexeme + split + 1
        guard
            let end = resolve(
                lexemes: Array(lexemes[(split + 1)...]), firstLexeme: offset,
                numbers: numbers.filter { $0.firstLexeme >= offset }, previousWord: words[split])
        else { return nil }
        if Self.hasClock(words[..<split]) {
            guard
                let start = resolve(
                    lexemes: Array(lexemes[..<split]), firstLexeme: firstLexeme,
                    numbers: numbers.filter { $0.firstLexeme < offset - 1 }, previousWord: previousWord)
            else { return nil }
            return Self.interval(from: start, to: end)
        }
        guard lexemes[split - 1].kind == .digits, let hour = Int(words[split - 1]), (1...12).contains(hour),
            let t = end.firstIndex(of: "T"), let endHour = Int(end[end.index(after: t)...].prefix(2))
        else { return nil }
        var dayWords = split - 1
        while dayWords > 0 && ["from", "between"].contains(words[dayWords - 1]) { dayWords -= 1 }
        let day =
            dayWords == 0
            ? ""
            : resolve(
                lexemes: Array(lexemes[..<dayWords]), firstLexeme: firstLexeme,
                numbers: numbers.filter { $0.firstLexeme < firstLexeme + dayWords }, previousWord: previousWord)
        guard let day, day.isEmpty || day.count == 10 else { return nil }
        let shared = endHour >= 12 && hour < 12 && hour + 12 <= endHour ? hour + 12 : hour
        return Self.interval(
            from: (t == end.startIndex ? day : String(end[..<t])) + String(format: "T%02d:00", shared),
            to: t == end.startIndex ? day + end : end)
    }

    /// An ISO 8601 interval from two resolved values ("T14:00" to "T04:00" → "T14:00/T16:00"):
    /// an end that is a time alone takes the start's day, and the afternoon when the start was
    /// in it and the end would otherwise come before it ("下午2点到4点", "2pm-4"); nil when either is
    /// no date or time (a duration, a week) or when the end would come first.
    static func interval(from start: String, to end: String) -> String? {
        func isInstant(_ value: String) -> Bool {
            value.first.map { $0 == "T" || $0.isNumber } == true && !value.contains("W") && !value.contains("Q")
                && !value.contains("/")
        }
        guard isInstant(start), isInstant(end) else { return nil }
        // "10am-12pm friday": a start that is a time alone takes the end's day.
        if start.hasPrefix("T"), !end.hasPrefix("T"), let t = end.firstIndex(of: "T") {
            return interval(from: end[..<t] + start, to: end)
        }
        var finish = end
        if end.hasPrefix("T"), let t = start.firstIndex(of: "T") {
            let startClock = start[t...].dropFirst().split(separator: ":").compactMap { Int($0) }
            var clock = end.dropFirst().split(separator: ":").compactMap { Int($0) }
            if startClock.count == 2, clock.count == 2 {
                if clock[0] < 12 && startClock[0] >= 12 && clock[0] + 12 > startClock[0] { clock[0] += 12 }
                finish = start[..<t] + String(format: "T%02d:%02d", clock[0], clock[1])
            }
        }
        guard start.count != finish.count || start < finish else { return nil }
        return start + "/" + finish
    }
}
