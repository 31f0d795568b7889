internal import Foundation

/// Time zones a customer names after a clock time ("3pm EST", "10:00 CET", "9am Pacific",
/// "15:00 UTC+8"), and the UTC offset each gives that time.
enum TimeZoneWords {
    /// Abbreviations of a fixed offset from UTC, in minutes. IST is India's (Irish and Israeli
    /// time share the letters).
    static let fixedOffsets: [String: Int] = [
        "utc": 0, "gmt": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180, "msk": 180,
        "ist": 330, "sgt": 480, "hkt": 480, "awst": 480, "jst": 540, "kst": 540, "acst": 570, "aest": 600,
        "aedt": 660, "nzst": 720, "nzdt": 780, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
        "mdt": -360, "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600,
    ]
    /// Names whose offset depends on the day (daylight saving time), as IANA zone identifiers,
    /// which Foundation's time zone database resolves.
    static let regions: [String: String] = [
        "et": "America/New_York", "eastern": "America/New_York", "ct": "America/Chicago",
        "central": "America/Chicago", "mt": "America/Denver", "mountain": "America/Denver",
        "pt": "America/Los_Angeles", "pacific": "America/Los_Angeles", "uk": "Europe/London",
        "london": "Europe/London",
    ]

    /// Regions of North America said with "standard" or "daylight" ("Eastern Standard Time"):
    /// the offsets of each, in minutes.
    static let standardAndDaylight: [String: (standard: Int, daylight: Int)] = [
        "eastern": (-300, -240), "central": (-360, -300), "mountain": (-420, -360), "pacific": (-480, -420),
    ]
    /// Zone names that are common words or letters too ("central park", "a PT session"): zones
    /// only before "time", "standard", "daylight" or the clause's end.
    static let commonWords: Set<String> = [
        "central", "eastern", "pacific", "mountain", "london", "uk", "et", "ct", "mt", "pt",
    ]

    /// Whether `word` names a zone.
    static func isZone(_ word: String) -> Bool {
        fixedOffsets[word] != nil || regions[word] != nil
    }

    /// The offset from UTC, in minutes, that the zone named in `words` gives a clock time on
    /// `date` (the zone's rules for daylight saving on that day): "est" → -300; "eastern" in
    /// July → -240, "eastern standard" → -300 whatever the day; "utc", "+", "8" → 480; nil when
    /// the words name no zone.
    static func offset(_ words: [String], on date: Date) -> Int? {
        guard let index = words.lastIndex(where: isZone) else { return nil }
        if let minutes = fixedOffsets[words[index]] {
            // "UTC+8", "GMT-5", "UTC+05:30".
            guard minutes == 0, index + 2 < words.count, ["+", "-"].contains(words[index + 1]),
                let hours = Int(words[index + 2]), hours <= 14
            else { return minutes }
            let extra = index + 4 < words.count && words[index + 3] == ":" ? Int(words[index + 4]) ?? 0 : 0
            return (words[index + 1] == "-" ? -1 : 1) * (hours * 60 + extra)
        }
        if index + 1 < words.count, let offsets = standardAndDaylight[words[index]] {
            if words[index + 1] == "standard" { return offsets.standard }
            if words[index + 1] == "daylight" { return offsets.daylight }
        }
        return TimeZone(identifier: regions[words[index]]!).map { $0.secondsFromGMT(for: date) / 60 }
    }

    /// `minutes` from UTC as ISO 8601 writes an offset: "+08:00", "-05:00", "+05:30".
    static func iso(_ minutes: Int) -> String {
        String(format: "%@%02d:%02d", minutes < 0 ? "-" : "+", abs(minutes) / 60, abs(minutes) % 60)
    }
}
