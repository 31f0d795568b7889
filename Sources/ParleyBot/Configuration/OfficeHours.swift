public import Foundation

/// When human agents are at work: opening blocks per day of the week (several
/// a day if need be), in a time zone, except on holidays.
public struct OfficeHours: Sendable, Hashable {
    /// One stretch of opening time, in minutes after midnight (`closes` is not included).
    public struct Block: Sendable, Hashable, Comparable {
        public var opens: Int
        public var closes: Int

        public init(opens: Int, closes: Int) {
            self.opens = opens
            self.closes = closes
        }

        public static func < (lhs: Block, rhs: Block) -> Bool {
            (lhs.opens, lhs.closes) < (rhs.opens, rhs.closes)
        }

        /// "09:00–17:30".
        public var description: String { "\(OfficeHours.clock(opens))–\(OfficeHours.clock(closes))" }
    }

    public var timeZone: TimeZone
    /// Opening blocks by day of the week, 1 = Monday … 7 = Sunday, in order; a day without blocks is closed.
    public var week: [Int: [Block]]
    /// Days closed whatever the day of the week, `YYYY-MM-DD` in `timeZone`.
    public var holidays: Set<String>

    public init(timeZone: TimeZone, week: [Int: [Block]], holidays: Set<String> = []) {
        self.timeZone = timeZone
        self.week = week.mapValues { $0.sorted() }.filter { !$0.value.isEmpty }
        self.holidays = holidays
    }

    /// The same hours on each of `days` (1 = Monday … 7 = Sunday).
    public init(timeZone: TimeZone, days: Set<Int>, opens: Int, closes: Int, holidays: Set<String> = []) {
        self.init(
            timeZone: timeZone,
            week: Dictionary(uniqueKeysWithValues: days.map { ($0, [Block(opens: opens, closes: closes)]) }),
            holidays: holidays)
    }

    /// Open days, 1 = Monday … 7 = Sunday.
    public var days: Set<Int> { Set(week.keys) }

    /// Whether agents are at work at `date`.
    public func isOpen(at date: Date) -> Bool {
        let (day, weekday, minute) = moment(date)
        guard !holidays.contains(day) else { return false }
        return (week[weekday] ?? []).contains { minute >= $0.opens && minute < $0.closes }
    }

    /// When agents are next in (when they are away at `date`) or next leave
    /// (when they are in): nil when that is not within a year.
    public func nextChange(after date: Date) -> Date? {
        let open = isOpen(at: date)
        // Opening stretches from the day before on, joined where one ends as the next begins (midnight).
        var stretches: [(opens: Date, closes: Date)] = []
        let calendar = self.calendar
        let today = calendar.startOfDay(for: date)
        for offset in -1...370 {
            guard let day = calendar.date(byAdding: .day, value: offset, to: today) else { continue }
            let (name, weekday, _) = moment(day.addingTimeInterval(3600))
            guard !holidays.contains(name) else { continue }
            for block in week[weekday] ?? [] {
                guard let opens = Self.time(block.opens, on: day, calendar),
                    let closes = Self.time(block.closes, on: day, calendar)
                else { continue }
                if let last = stretches.last, last.closes >= opens {
                    stretches[stretches.count - 1].closes = max(last.closes, closes)
                } else {
                    stretches.append((opens, closes))
                }
            }
            if !open, let next = stretches.first(where: { $0.opens > date }) { return next.opens }
            // In: the stretch holding `date` can only grow while the days run on from it.
            if open, let last = stretches.last, last.closes < day || last.opens > date,
                let holding = stretches.first(where: { $0.opens <= date && date < $0.closes })
            {
                return holding.closes
            }
        }
        if open { return stretches.first { $0.opens <= date && date < $0.closes }?.closes }
        return stretches.first { $0.opens > date }?.opens
    }

    /// "Mon–Fri 09:00–17:30; Sat 10:00–14:00 (Europe/London)", with holidays when there are some.
    public var summary: String {
        var groups: [(days: [Int], blocks: [Block])] = []
        for day in 1...7 {
            guard let blocks = week[day] else { continue }
            if let last = groups.last, last.blocks == blocks, last.days.last == day - 1 {
                groups[groups.count - 1].days.append(day)
            } else {
                groups.append(([day], blocks))
            }
        }
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let text = groups.map { group in
            let days =
                group.days.count == 1
                ? names[group.days[0] - 1] : "\(names[group.days[0] - 1])–\(names[group.days.last! - 1])"
            return days + " " + group.blocks.map(\.description).joined(separator: ", ")
        }
        var summary = (text.isEmpty ? "never" : text.joined(separator: "; ")) + " (\(timeZone.identifier))"
        if !holidays.isEmpty { summary += "; closed on \(holidays.sorted().joined(separator: ", "))" }
        return summary
    }

    /// Whether agents are in at `date` and until when, or when they are next in, as a person reads it:
    /// "agents are in until 17:30 (Europe/London)", "agents are away until Monday 09:00 (Europe/London)".
    public func describe(at date: Date) -> String {
        let open = isOpen(at: date)
        guard let next = nextChange(after: date) else {
            return open ? "agents are in" : "agents are away (no office hours ahead)"
        }
        return (open ? "agents are in until " : "agents are away until ") + readable(next, from: date)
    }

    /// "17:30 (Europe/London)" the same day, "Monday 09:00 (Europe/London)" within a week, else with the date.
    public func readable(_ date: Date, from now: Date) -> String {
        let calendar = self.calendar
        let parts = calendar.dateComponents([.hour, .minute, .weekday], from: date)
        let time = Self.clock(parts.hour! * 60 + parts.minute!)
        let days =
            calendar.dateComponents(
                [.day], from: calendar.startOfDay(for: now), to: calendar.startOfDay(for: date)
            ).day ?? 0
        let zone = " (\(timeZone.identifier))"
        if days == 0 { return time + zone }
        let weekday = calendar.weekdaySymbols[parts.weekday! - 1]
        if days == 1 { return "tomorrow (\(weekday)) " + time + zone }
        if days < 7 { return weekday + " " + time + zone }
        return moment(date).day + " " + time + zone
    }

    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        return calendar
    }

    /// The day (`YYYY-MM-DD`), the day of the week (1 = Monday) and the minute after midnight at `date`.
    private func moment(_ date: Date) -> (day: String, weekday: Int, minute: Int) {
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: date)
        let day = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        return (day, (parts.weekday! + 5) % 7 + 1, parts.hour! * 60 + parts.minute!)
    }

    /// Minute `minute` after midnight of the day that starts at `day`.
    private static func time(_ minute: Int, on day: Date, _ calendar: Calendar) -> Date? {
        if minute == 24 * 60 { return calendar.date(byAdding: .day, value: 1, to: day) }
        return calendar.date(bySettingHour: minute / 60, minute: minute % 60, second: 0, of: day)
    }

    static let dayNames = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]

    /// "09:30" → 570.
    static func minutes(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0...24).contains(hour),
            (0..<60).contains(minute), hour * 60 + minute <= 24 * 60
        else { return nil }
        return hour * 60 + minute
    }

    /// "09:00-12:30" (or with an en dash) → a block; nil when it is not one or does not open before it closes.
    static func block(_ text: String) -> Block? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" })
        guard parts.count == 2, let opens = minutes(String(parts[0])), let closes = minutes(String(parts[1])),
            opens < closes
        else { return nil }
        return Block(opens: opens, closes: closes)
    }

    /// "mon", "monday", "mon-fri" → the days they name (1 = Monday), or nil.
    static func days(_ text: String) -> [Int]? {
        let parts = text.lowercased().split(whereSeparator: { $0 == "-" || $0 == "–" }).map {
            String($0.trimmingCharacters(in: .whitespaces).prefix(3))
        }
        guard let first = parts.first.flatMap({ dayNames[$0] }) else { return nil }
        if parts.count == 1 { return [first] }
        guard parts.count == 2, let last = dayNames[parts[1]] else { return nil }
        return first <= last ? Array(first...last) : Array(first...7) + Array(1...last)
    }

    /// 570 → "09:30".
    static func clock(_ minute: Int) -> String {
        String(format: "%02d:%02d", minute / 60, minute % 60)
    }
}
