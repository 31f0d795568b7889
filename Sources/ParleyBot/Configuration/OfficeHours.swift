public import Foundation

/// When human agents are at work: days of the week and opening times in a time zone.
public struct OfficeHours: Sendable, Hashable {
    public var timeZone: TimeZone
    /// Open days, 1 = Monday … 7 = Sunday.
    public var days: Set<Int>
    /// Minutes after midnight.
    public var opens: Int
    public var closes: Int

    public init(timeZone: TimeZone, days: Set<Int>, opens: Int, closes: Int) {
        self.timeZone = timeZone
        self.days = days
        self.opens = opens
        self.closes = closes
    }

    /// Whether agents are at work at `date`.
    public func isOpen(at date: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        let weekday = (parts.weekday! + 5) % 7 + 1
        let minute = parts.hour! * 60 + parts.minute!
        return days.contains(weekday) && minute >= opens && minute < closes
    }

    static let dayNames = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]

    /// "09:30" → 570.
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0...24).contains(hour),
            (0..<60).contains(minute), hour * 60 + minute <= 24 * 60
        else { return nil }
        return hour * 60 + minute
    }
}
