/// English words for dates and times.
enum DateWords {
    /// What a word can be in a date expression.
    enum Kind {
        case month, weekday, relativeDay, recurrence, dayPart, unit, holiday
    }

    /// Every date word's kind, so each word costs one look-up.
    static let kinds: [String: Kind] = {
        var table: [String: Kind] = [:]
        for word in holidays.keys { table[word] = .holiday }
        for word in units.keys { table[word] = .unit }
        for word in dayParts.keys { table[word] = .dayPart }
        for word in recurrences.keys { table[word] = .recurrence }
        for word in relativeDays.keys { table[word] = .relativeDay }
        for word in weekdays.keys { table[word] = .weekday }
        for word in months.keys { table[word] = .month }
        return table
    }()

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    /// Month names that are also common words: dates only next to a day, a year or a date word.
    static let ambiguousMonths: Set<String> = [
        "may", "march", "mar", "jan", "sep", "dec", "jun", "jul", "aug", "apr", "oct", "nov",
    ]

    /// Minutes said before "to" and an hour ("twenty to seven"), in words.
    static let minutesToTheHour: Set<Double> = [5, 10, 20, 25]

    /// Words before a day-and-month ("on 3/4") that make it a date whatever follows.
    static let datePrepositions: Set<String> = ["on", "by", "until", "till", "from", "since", "before", "after"]
    /// Words after "2/3" that make it a fraction or a rating ("2/3 of the order", "4/5 stars").
    static let afterFractions: Set<String> = ["of", "stars", "star", "rating", "score", "marks"]
    /// Words up to three before "4/5" that make it a rating or a size ("rate it 4/5", "size 12/14").
    static let beforeNonDates: Set<String> = [
        "rate", "rated", "rating", "score", "scored", "give", "gave", "giving", "grade", "graded", "mark", "marked",
        "size", "sizes", "ratio",
    ]

    /// Weekdays, 1 = Monday.
    static let weekdays: [String: Int] = [
        "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3, "thursday": 4, "thu": 4,
        "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
        "mondays": 1, "tuesdays": 2, "wednesdays": 3, "thursdays": 4, "fridays": 5, "saturdays": 6, "sundays": 7,
    ]
    static let ambiguousWeekdays: Set<String> = [
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "thur", "tues", "thurs",
    ]

    /// Weekday abbreviations that are English words too ("I sat down", "the sun"); the others
    /// ("thu", "tues", "fri") are weekdays wherever they stand.
    static let weekdaysThatAreWords: Set<String> = ["mon", "wed", "sat", "sun"]
    /// Words after which those are not weekdays even at the end of a clause ("we sat.", "the sun?").
    static let notBeforeWeekdays: Set<String> = [
        "i", "we", "you", "he", "she", "they", "it", "who", "the", "a", "an", "my", "your", "our", "their", "his",
        "her", "its", "this", "that", "'", "just", "then", "and",
    ]

    /// Days relative to today.
    static let relativeDays: [String: Int] = [
        "today": 0, "tonight": 0, "tomorrow": 1, "tmr": 1, "tmrw": 1, "yesterday": -1, "now": 0,
    ]

    /// Units of time and their ISO 8601 duration designators.
    static let units: [String: String] = [
        "second": "S", "seconds": "S", "sec": "S", "secs": "S", "minute": "M", "minutes": "M", "min": "M",
        "mins": "M", "hour": "H", "hours": "H", "hr": "H", "hrs": "H", "h": "H", "day": "D", "days": "D",
        "week": "W", "weeks": "W", "fortnight": "W2", "fortnights": "W2", "month": "MO", "months": "MO",
        "year": "Y", "years": "Y", "yr": "Y", "yrs": "Y", "decade": "Y10", "decades": "Y10", "weekend": "WE",
        "weekends": "WE", "quarter": "Q", "quarters": "Q", "century": "Y100", "centuries": "Y100", "workweek": "W",
        "weekday": "D", "weekdays": "D",
    ]
    /// Words that stand for an amount of a unit ("a couple of days", "a few weeks"), valued as
    /// Microsoft Recognizers-Text (MIT licence) values them.
    static let vagueAmounts: [String: Double] = ["couple": 2, "few": 3]
    /// Units written glued to a number: "2h", "10D", "3.5years", "2W".
    /// Glued units ("2h", "3d", "2w") and `DateResolver`'s codes for them.
    static let gluedUnitCodes: [String: String] = [
        "h": "H", "hr": "H", "hrs": "H", "hours": "H", "d": "D", "days": "D", "w": "W", "weeks": "W", "y": "Y",
        "yr": "Y", "yrs": "Y", "years": "Y", "min": "M", "mins": "M", "minutes": "M", "sec": "S", "secs": "S",
        "months": "MO",
    ]
    static let gluedUnits: Set<String> = [
        "h", "hr", "hrs", "d", "w", "y", "yr", "yrs", "min", "mins", "sec", "secs", "years", "days", "weeks",
        "months", "hours", "minutes", "ish", "p", "a", "ampm",
    ]
    /// Words that may sit between a determiner or number and a unit: "next 4 business days", "this school year".
    static let unitModifiers: Set<String> = [
        "business", "working", "work", "calendar", "school", "fiscal", "financial", "academic", "other", "whole",
        "entire", "full",
    ]
    /// Seasons, dates with a determiner or "in" ("this summer", "in winter").
    static let seasons: Set<String> = ["summer", "winter", "spring", "autumn", "fall", "summertime", "wintertime"]
    /// Names that form a holiday with "day" ("labor day", "independence day").
    static let dayHolidays: Set<String> = [
        "labor", "labour", "independence", "earth", "memorial", "mother's", "mothers", "father's", "fathers",
        "veterans", "columbus", "presidents", "workers", "workers'", "groundhog", "canada", "australia", "bastille",
        "victoria", "freedom", "jubilee", "flag", "boxing", "valentine's", "valentines", "election", "inauguration",
    ]
    /// `phrases` by their first word.
    static let phrasesByFirstWord: [String: [[String]]] = Dictionary(grouping: phrases, by: { $0[0] })

    /// Set phrases about the present or a period's end.
    static let phrases: [[String]] = [
        ["at", "the", "moment"], ["at", "present"], ["to", "date"], ["till", "date"], ["until", "date"],
        ["end", "of", "the", "year"], ["end", "of", "year"], ["end", "of", "the", "month"], ["end", "of", "month"],
        ["end", "of", "the", "day"], ["end", "of", "day"], ["end", "of", "the", "week"], ["end", "of", "week"],
        ["every", "other", "day"], ["another", "day"], ["some", "days"], ["all", "day"], ["all", "week"],
        ["all", "month"], ["all", "year"], ["all", "weekend"], ["all", "weekends"], ["any", "weekend"],
        ["right", "now"], ["as", "soon", "as", "possible"], ["asap"], ["eod"], ["eoy"], ["eom"], ["eow"], ["tonite"],
        ["nineties"], ["eighties"], ["seventies"], ["sixties"], ["twenties"], ["thirties"], ["forties"], ["fifties"],
        ["one", "a", "day"], ["twice", "a", "day"], ["once", "a", "week"], ["twice", "a", "week"],
        ["once", "a", "month"], ["midweek"], ["weekend"], ["weekends"],
    ]

    /// Words before "the 15th" that make it a day of the month ("move it to the 5th", "from the
    /// 20th to the 3rd", "between the 10th and the 12th").
    static let beforeADayOfTheMonth: Set<String> = [
        "on", "by", "until", "till", "til", "before", "after", "since", "from", "for", "to", "through", "thru",
        "between",
    ]
    /// Those of them before which a day of the month needs no "the" ("from 5th to 9th", "on 3rd").
    static let beforeABareDayOfTheMonth: Set<String> = ["on", "from", "between", "since", "until", "till", "by"]
    /// Words that end a range of days begun by a day of the month ("from the 5th to 9th").
    static let rangeJoiners: Set<String> = ["to", "-", "until", "till", "through", "thru"]
    /// Words that join days in a list ("the 15th or 16th").
    static let listJoiners: Set<String> = ["or", "and"]
    /// Words that may follow such a day; any other word is what the ordinal counts ("the 2nd floor").
    static let afterADayOfTheMonth: Set<String> = [
        "and", "or", "but", "so", "then", "please", "pls", "at", "in", "latest", "instead", "if", "as", "when",
        "until", "till", "til", "thru",
        "because", "is", "was", "would", "will", "works", "ok", "okay", "thanks", "thank", "morning", "afternoon",
        "evening", "night", "to", "through", "for", "on", "i", "we", "you", "it", "that", "which", "too", "again",
        "can", "could", "should", "shall", "may", "might", "must", "still", "yet", "already", "he", "she", "they",
        "my", "your", "our", "their", "not", "never", "nothing",
    ]

    /// Words that make "weekend" a particular one ("this weekend", "at the weekend").
    static let weekendDeterminers: Set<String> = [
        "this", "next", "last", "the", "coming", "following", "previous", "upcoming",
    ]

    /// Parts of the day.
    static let dayParts: [String: String] = [
        "morning": "TMO", "mornings": "TMO", "afternoon": "TAF", "afternoons": "TAF", "evening": "TEV",
        "evenings": "TEV", "night": "TNI", "nights": "TNI", "noon": "T12:00", "midnight": "T00:00",
        "midday": "T12:00", "lunchtime": "T12:00", "daytime": "TDT", "overnight": "TNI",
    ]

    /// Recurrences written as one word.
    static let recurrences: [String: String] = [
        "daily": "P1D", "everyday": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W",
        "monthly": "P1M", "bimonthly": "P2M", "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y",
        "annual": "P1Y", "hourly": "PT1H",
    ]

    /// Holidays: the first word, the words that may follow, and the month and day if fixed.
    static let holidays: [String: (Int, Int)?] = [
        "christmas": (12, 25), "xmas": (12, 25), "easter": nil, "thanksgiving": nil, "halloween": (10, 31),
        "valentine": (2, 14), "valentines": (2, 14), "patrick": (3, 17), "patricks": (3, 17), "hanukkah": nil,
        "diwali": nil, "ramadan": nil, "eid": nil, "boxing": (12, 26),
    ]

    /// Words that may follow a holiday's name besides those that may follow a day of the month;
    /// any other word is what the name qualifies ("a Christmas jumper", "an Easter egg").
    static let afterAHoliday: Set<String> = [
        "eve", "holiday", "holidays", "period", "break", "season", "rush", "delivery", "deliveries", "shipping",
        "sale", "sales", "deals", "deadline", "cutoff", "early", "late", "al",
    ]

    /// Kinds of street after a month's or a weekday's name, which is then the street's ("12 May
    /// Street", "5 March Road").
    static let streetTypes: Set<String> = [
        "street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "close", "drive", "dr", "way", "court", "ct",
        "place", "pl", "crescent", "terrace", "grove", "gardens", "square", "boulevard", "blvd", "row", "mews",
    ]

    /// Words that qualify a time noun as a date ("next week", "the month").
    static let determiners: Set<String> = [
        "this", "next", "last", "previous", "coming", "following", "upcoming", "past", "prior", "current", "the",
        "each", "every", "same", "that", "recent", "whole", "entire", "rest",
    ]

    /// Words that may join or extend date parts inside one expression.
    static let connectors: Set<String> = [
        "at", "on", "in", "of", "the", "to", "from", "between", "and", "through", "thru", "till", "until", "til",
        "-", "~", ",", "by", "around", "about", "before", "after", "since", "beginning", "end", "middle",
        "mid", "early", "late", "later", "earlier", "than", "no", "within", "this", "next", "last", "coming",
        "following", "previous", "every", "each", "a", "an", "day", "o", "'", "during", "approximately",
        "upcoming", "same", "rest", "half", "second", "first", "/", "start", "ago",
    ]

    /// Whether `word` names a span of time ("week", "month"), for other rules to leave alone.
    static func isTimeNoun(_ word: String) -> Bool {
        units[word] != nil || weekdays[word] != nil || months[word] != nil || dayParts[word] != nil
            || relativeDays[word] != nil
    }
}
