public import Foundation

/// A day named relative to today, as the demo shop's orders file gives its
/// dates (`placed: 5 days ago`, `eta: in 2 days`), so that the shipped demo
/// never promises a delivery on a day already past or on the wrong weekday.
///
/// Written `today`, `yesterday`, `tomorrow`, `N days ago` or `in N days`
/// (`1 day ago`, `in 1 day` too), case-insensitive.
public struct RelativeDay: Sendable, Hashable {
    /// Days after today; negative for days before.
    public var offset: Int

    public init(offset: Int) {
        self.offset = offset
    }

    /// Reads `text`; nil when it is none of the forms above.
    public init?(_ text: String) {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace)
        switch words.count {
        case 1:
            guard let offset = ["yesterday": -1, "today": 0, "tomorrow": 1][String(words[0])] else { return nil }
            self.offset = offset
        case 3 where words[0] == "in" && Self.isDays(words[2]):
            guard let count = Int(words[1]), count >= 0 else { return nil }
            self.offset = count
        case 3 where Self.isDays(words[1]) && words[2] == "ago":
            guard let count = Int(words[0]), count >= 0 else { return nil }
            self.offset = -count
        default:
            return nil
        }
    }

    private static func isDays(_ word: Substring) -> Bool { word == "days" || word == "day" }

    /// The day as a customer reads it, in the calendar of `timeZone`:
    /// "Friday 27 November" for `en` (British order), "11月27日 星期五" for
    /// `zh`; other languages take their locale's own order of weekday, day
    /// and month (Foundation's `Date.FormatStyle`, from ICU's CLDR data).
    public func formatted(from now: Date, timeZone: TimeZone, language: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let day = calendar.date(byAdding: .day, value: offset, to: now) ?? now
        let locale = Locale(identifier: language == "en" ? "en_GB" : language)
        // A format style, not a DateFormatter: Foundation keeps its ICU formatter (4 µs a date, not 140).
        return day.formatted(
            Date.FormatStyle(locale: locale, calendar: calendar, timeZone: timeZone).weekday(.wide).day().month(.wide))
    }
}
