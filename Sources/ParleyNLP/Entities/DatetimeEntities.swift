/// Dates, times, durations and recurrences: "3 May", "2024-05-03",
/// "tomorrow at 5pm", "next Monday", "in two days", "30 minutes", "every week".
///
/// Works in three passes over the lexemes, each linear: mark the words that
/// are certainly about time (anchors), join anchors that only connecting words
/// ("at", "on", "to", "of the", …) separate into one expression, then resolve
/// each expression against the reference time (`DateResolver`).
struct DatetimeEntities {
    let text: EntityText
    let numbers: [NumberScanner.Match]
    let resolver: DateResolver

    func find() -> [Entity] {
        let lexemes = text.lexemes
        guard !lexemes.isEmpty else { return [] }
        var anchor = [Bool](repeating: false, count: lexemes.count)
        var numberAt = [Int: NumberScanner.Match]()
        var numberEndingAt = [Int: NumberScanner.Match]()
        for match in numbers {
            numberAt[match.firstLexeme] = match
            numberEndingAt[match.endLexeme] = match
        }
        func mark(_ range: Range<Int>) { for k in range where k < anchor.count { anchor[k] = true } }
        func word(_ k: Int) -> String { k >= 0 && k < lexemes.count ? lexemes[k].text : "" }
        func isDigits(_ k: Int) -> Bool { k >= 0 && k < lexemes.count && lexemes[k].kind == .digits }
        func dayNumber(_ k: Int) -> Bool {
            if isDigits(k), let value = Int(word(k)), value >= 1, value <= 31, word(k).count <= 2 { return true }
            if let match = numberAt[k], match.value >= 1, match.value <= 31, match.value == match.value.rounded() {
                return true
            }
            return false
        }
        // An ordinal that counts no word after it ("the 15th," "the 15th please", not "the 2nd floor").
        func countsNoWord(_ ordinal: NumberScanner.Match) -> Bool {
            ordinal.endLexeme >= lexemes.count || lexemes[ordinal.endLexeme].kind != .word
                || DateWords.afterADayOfTheMonth.contains(word(ordinal.endLexeme))
        }
        // An ordinal that counts no word after it, or a day "of" a month ("on the 3rd of May", "by
        // the 3rd of next month", not "by the 3rd of the 4 boxes").
        func namesADay(_ ordinal: NumberScanner.Match) -> Bool {
            countsNoWord(ordinal)
                || word(ordinal.endLexeme) == "of"
                    && (DateWords.months[word(ordinal.endLexeme + 1)] != nil
                        || word(ordinal.endLexeme + 2) == "month" || word(ordinal.endLexeme + 2) == "months")
        }
        func year(_ k: Int) -> Bool {
            isDigits(k) && word(k).count == 4 && (Int(word(k)).map { $0 >= 1000 && $0 <= 2999 } ?? false)
        }

        for k in lexemes.indices {
            let w = lexemes[k].text
            let kind = lexemes[k].kind == .digits ? nil : DateWords.kinds[w]
            let previous = word(k - 1)
            let next = word(k + 1)
            // "12 May Street", "5 March Road": a street's name; "my name is April", "this is Sunday
            // Adams", "a girl called June": a person's.
            if DateWords.months[w] != nil || DateWords.weekdays[w] != nil,
                DateWords.streetTypes.contains(next) || ["named", "called"].contains(previous)
                    || previous == "is" && (word(k - 2) == "name" || word(k - 2) == "this")
            {
                continue
            }
            if DateWords.months[w] != nil, lexemes[k].kind == .word {
                // "31-Oct-74", "5/Jan/25", "2025-Jan-05": a month name between numbers joined by - or /.
                if k >= 2, k + 2 < lexemes.count, isDigits(k - 2), isDigits(k + 2), ["-", "/"].contains(previous),
                    next == previous, text.adjacent(k - 2), text.adjacent(k - 1), text.adjacent(k),
                    text.adjacent(k + 1), dayNumber(k - 2) || year(k - 2)
                {
                    mark((k - 2)..<(k + 3))
                    continue
                }
                // "Sept. 5", "Dec. 24": what follows the abbreviation's dot counts as beside it.
                let abbreviated = next == "." && text.adjacent(k) && (isDigits(k + 2) || numberAt[k + 2] != nil)
                let after = abbreviated ? k + 2 : k + 1
                let digitsBeside = (isDigits(after) && dayNumber(after)) || (isDigits(k - 1) && dayNumber(k - 1))
                let ordinalBeside =
                    numberAt[k + 1]?.isOrdinal == true
                    || (k > 0 && numberEndingAt[k]?.isOrdinal == true)
                    || ((previous == "of" || previous == "the")
                        && numbers.contains {
                            $0.endLexeme == k - 1 && ($0.isOrdinal || !DateWords.ambiguousMonths.contains(w))
                        })
                let nearNumber =
                    digitsBeside || ordinalBeside || year(after) || (next == "," && year(k + 2))
                    || (!DateWords.ambiguousMonths.contains(w)
                        && (numberAt[k + 1] != nil || numberEndingAt[k] != nil))
                if !DateWords.ambiguousMonths.contains(w) || nearNumber
                    || ([
                        "in", "of", "early", "late", "mid", "since", "until", "till", "during", "from", "through",
                        "last", "next", "this", "every", "by", "before", "after", "around",
                    ].contains(previous)
                        && (k + 1 >= lexemes.count || lexemes[k + 1].kind == .symbol
                            || ["and", "to", "through", "until"].contains(next)))
                {
                    if !(w == "may" && previous == "i") { mark(k..<after) }
                }
            } else if kind == .weekday {
                // "Mon-Fri", "Wed or Thurs": next to another weekday.
                let joiners: Set<String> = ["-", "or", "and", "to", "&", "/", "through", "thru"]
                let besideWeekday =
                    DateWords.weekdays[previous] != nil || DateWords.weekdays[next] != nil
                    || joiners.contains(next) && DateWords.weekdays[word(k + 2)] != nil
                    || joiners.contains(previous) && DateWords.weekdays[word(k - 2)] != nil
                // "come sat?", "Sat. morning", but not "I sat.", "the sun", "c'mon".
                let endsClause =
                    k + 1 >= lexemes.count || ["?", "!", ",", ".", ";"].contains(next)
                    || DateWords.dayParts[next] != nil
                let readsAsWeekday =
                    !DateWords.weekdaysThatAreWords.contains(w)
                    || besideWeekday || endsClause && !DateWords.notBeforeWeekdays.contains(previous)
                if !DateWords.ambiguousWeekdays.contains(w) || dayNumber(k + 1) || numberAt[k + 1]?.isOrdinal == true
                    || ["on", "next", "last", "this", "every", "each", "until", "by", "from", "till"].contains(previous)
                    || readsAsWeekday
                {
                    mark(k..<(k + 1))
                }
                // "Black Friday", "Cyber Monday": holidays of a shop's year.
                if (w == "friday" && previous == "black") || (w == "monday" && previous == "cyber") {
                    mark((k - 1)..<k)
                }
            } else if kind == .relativeDay {
                mark(k..<(k + 1))
            } else if kind == .recurrence {
                mark(k..<(k + 1))
                if previous == "-" && ["semi", "bi", "tri"].contains(word(k - 2)) { mark((k - 2)..<k) }
            } else if kind == .dayPart {
                let good = previous == "good" || previous == "nice"
                let night =
                    (w == "night" || w == "nights")
                    && !(["at", "last", "tonight", "tomorrow", "the", "every", "each", "this"].contains(previous))
                    && DateWords.weekdays[previous] == nil
                if !good && !night { mark(k..<(k + 1)) }
            } else if let unit = DateWords.units[w] ?? ((w == "night" || w == "nights") ? "D" : nil),
                kind == .unit || numberEndingAt[k] != nil
            {
                // Look past "business", "school", "fiscal" and the like: "next 4 business days".
                var at = k
                while at > 0 && DateWords.unitModifiers.contains(word(at - 1)) { at -= 1 }
                let previous = word(at - 1)
                let ordinalBefore =
                    (numberAt[at - 1]?.isOrdinal == true || (at >= 1 && NumberWords.ordinals[previous] != nil))
                    && !(w == "century" || w == "centuries")
                let numberBefore = numberEndingAt[at].map { !$0.isOrdinal } ?? false
                let fewBefore =
                    ["few", "couple", "several", "many", "some", "any", "all"].contains(previous)
                    || (previous == "of" && word(at - 2) == "couple")
                let articleBefore = (previous == "a" || previous == "an") && !["second", "quarter", "day"].contains(w)
                let halfBefore = previous == "half" || (previous == "an" && word(at - 2) == "half")
                let determiner = DateWords.determiners.contains(previous)
                if unit == "Q" {
                    if ordinalBefore || determiner || numberBefore { mark(at..<(k + 1)) }
                    // "third quarter", "3rd quarter": the ordinal belongs to it.
                    if let ordinal = numberEndingAt[at], ordinal.isOrdinal, ordinal.value >= 1, ordinal.value <= 4 {
                        mark(ordinal.firstLexeme..<at)
                    } else if let n = NumberWords.ordinals[previous], n <= 4 {
                        mark((at - 1)..<at)
                    }
                } else if (w == "second" || w == "seconds") && !numberBefore {
                    continue
                } else if ordinalBefore {
                    continue
                } else if numberBefore || fewBefore || articleBefore || halfBefore
                    || (determiner
                        && !(previous == "the" && ["day"].contains(w) && next == "after" && word(k + 2) == "day"))
                    || (unit == "WE" && ["on", "at", "over", "during"].contains(previous))
                {
                    if previous == "a" && (word(at - 2) == "great" || word(at - 2) == "nice") { continue }
                    mark(at..<(k + 1))
                    // "an hour and a half": the half belongs to it.
                    if next == "and" && word(k + 2) == "a" && word(k + 3) == "half" { mark((k + 1)..<(k + 4)) }
                    // The amount belongs to the expression: "two days", "a couple of weeks".
                    if let amount = numberEndingAt[at], !amount.isOrdinal {
                        mark(amount.firstLexeme..<at)
                    } else if fewBefore || halfBefore || articleBefore {
                        var start = max(0, at - (previous == "of" || previous == "an" && halfBefore ? 2 : 1))
                        // "a couple of days", "a few weeks": the article too.
                        if DateWords.vagueAmounts[word(start)] != nil && word(start - 1) == "a" { start -= 1 }
                        mark(start..<at)
                    }
                }
            } else if DateWords.seasons.contains(w),
                DateWords.determiners.contains(previous) || ["in", "during", "early", "late", "mid"].contains(previous)
            {
                mark(k..<(k + 1))
            } else if w == "day", DateWords.dayHolidays.contains(previous) {
                mark((k - 1)..<(k + 1))
                if k >= 2 && (word(k - 2) == "international" || word(k - 2) == "national") { mark((k - 2)..<k) }
            } else if lexemes[k].kind == .word, w == "q" || w == "h", isDigits(k + 1),
                lexemes[k].end == lexemes[k + 1].start,
                let n = Int(word(k + 1)), n >= 1, n <= (w == "q" ? 4 : 2),
                // "an Audi Q3" is a car: a model after its brand.
                !text.isCapitalizedMidSentence(k - 1) || DateWords.kinds[previous] != nil
            {
                mark(k..<(k + 2))
            } else if kind == .holiday {
                // "before Christmas", "Easter Monday", not "a Christmas jumper", "Easter Road".
                if k + 1 >= lexemes.count || lexemes[k + 1].kind != .word
                    || DateWords.afterAHoliday.contains(next) || DateWords.afterADayOfTheMonth.contains(next)
                    || DateWords.kinds[next] != nil
                {
                    // "Boxing Day", "Thanksgiving 2025": the day and the year are the holiday's.
                    let end = next == "eve" || next == "day" ? k + 2 : k + 1
                    mark(k..<(year(end) ? end + 1 : end))
                }
            } else if w == "new", next == "year" || next == "year's" || next == "years" {
                // "new year", "New Year's Day", "new years eve".
                var end = k + 2
                if word(end) == "'" && word(end + 1) == "s" { end += 2 }
                if word(end) == "day" || word(end) == "eve" { end += 1 }
                mark(k..<end)
            } else if ["am", "pm", "a.m.", "p.m.", "oclock"].contains(w)
                || (w == "a" || w == "p") && next == "." && word(k + 2) == "m"
            {
                let gluedAfter =
                    k + 1 < lexemes.count && lexemes[k].end == lexemes[k + 1].start && lexemes[k + 1].kind != .symbol
                if k > 0, !gluedAfter,
                    isDigits(k - 1) || numberAt[k - 1] != nil || numberEndingAt[k] != nil
                {
                    mark((k - 1)..<(k + 1))
                    if w == "a" || w == "p" { mark(k..<(k + 4)) }
                    // "2-4pm", "from 2 to 4pm", "between 2 and 4pm": the start shares the am or pm.
                    let joiner = word(k - 2)
                    if isDigits(k - 3), let start = Int(word(k - 3)), (1...12).contains(start),
                        joiner == "-" || joiner == "to" || joiner == "and" && word(k - 4) == "between"
                    {
                        mark((k - 3)..<(k - 1))
                    }
                }
            } else if w == "o", next == "'", word(k + 2) == "clock" {
                mark(max(0, k - 1)..<(k + 3))
            } else if w == "past" || (w == "to" && ["quarter", "half"].contains(previous))
                || (w == "to" && minutesToTheHour(numberEndingAt[k], numberAt[k + 1])), k > 0,
                numberEndingAt[k] != nil || previous == "quarter" || previous == "half",
                numberAt[k + 1] != nil || isDigits(k + 1)
            {
                mark(max(0, k - 1)..<(k + 2))
            } else if isDigits(k), let end = gluedDuration(at: k) {
                // "2h", "10D", "3.5years", "7p", "11ish".
                mark(k..<end)
            } else if isDigits(k) {
                if let end = clockTime(at: k) {
                    mark(k..<end)
                } else if let end = numericDate(at: k) {
                    mark(k..<end)
                } else if year(k) {
                    let context: Set<String> = [
                        "in", "since", "of", "year", "until", "till", "by", "before", "after", "from", "to", "during",
                        "between", "and", "early", "late", "mid", "through", "fiscal", "fy", "the", "=", ">", "<",
                        "than",
                        "around", "circa", "c",
                    ]
                    let followedByWord =
                        k + 1 < lexemes.count && lexemes[k + 1].kind == .word
                        && !DateWords.connectors.contains(next) && DateWords.months[next] == nil
                    let decimal = (next == "." || next == ",") && isDigits(k + 2) && text.adjacent(k)
                    if (context.contains(previous) || k == 0 && lexemes.count == 1) && !followedByWord && !decimal {
                        mark(k..<(k + 1))
                    }
                    // "2014-2018", "2014~2018", unless part of a longer chain of numbers.
                    let chained =
                        (k > 0 && ["-", "/"].contains(previous) && lexemes[k - 1].end == lexemes[k].start)
                        || (k + 3 < lexemes.count && ["-", "/"].contains(word(k + 3)) && text.adjacent(k + 2))
                    if (next == "-" || next == "~") && year(k + 2) && text.adjacent(k) && !chained { mark(k..<(k + 3)) }
                } else if previous == "at", let value = Int(w), value <= 24, w.count <= 2,
                    k + 1 >= lexemes.count || (lexemes[k + 1].kind == .symbol && ![".", ",", ":", "%"].contains(next))
                        || DateWords.connectors.contains(next) || DateWords.dayParts[next] != nil
                        || DateWords.relativeDays[next] != nil || DateWords.weekdays[next] != nil
                        || (next == "." && !isDigits(k + 2))
                        // "tomorrow at 10 please", "Friday night at 10 if you can": a day names the hour's.
                        || DateWords.dayParts[word(k - 2)] != nil || DateWords.relativeDays[word(k - 2)] != nil
                        || DateWords.weekdays[word(k - 2)] != nil
                {
                    mark(k..<(k + 1))
                }
            }
        }
        // "3pm EST", "10:00 CET", "9am Pacific time", "15:00 UTC+8": a zone after a clock time.
        for k in lexemes.indices.dropFirst() where anchor[k - 1] && TimeZoneWords.isZone(word(k)) {
            let endsAClock =
                ["am", "pm", "noon", "midnight", "clock"].contains(word(k - 1))
                || isDigits(k - 1) && word(k - 2) == ":"
            // A zone named by a common word is one only before "time" or the clause's end ("at
            // 3pm Central", not "at 3pm central park" or "a 3pm CT scan").
            let endsTheZone =
                k + 1 >= lexemes.count || lexemes[k + 1].kind != .word
                || ["time", "standard", "daylight"].contains(word(k + 1))
                || DateWords.connectors.contains(word(k + 1)) || DateWords.kinds[word(k + 1)] != nil
            guard endsAClock, !TimeZoneWords.commonWords.contains(word(k)) || endsTheZone else { continue }
            var end = k + 1
            if TimeZoneWords.standardAndDaylight[word(k)] != nil, ["standard", "daylight"].contains(word(end)) {
                end += 1
            }
            if TimeZoneWords.regions[word(k)] != nil && word(end) == "time" { end += 1 }
            if TimeZoneWords.fixedOffsets[word(k)] == 0, ["+", "-"].contains(word(end)), isDigits(end + 1),
                text.adjacent(k), text.adjacent(end)
            {
                end += 2
                if word(end) == ":" && isDigits(end + 1) && text.adjacent(end - 1) { end += 2 }
            }
            mark(k..<end)
        }
        // "tomorrow from 9 to 11", "9-12 on Saturday": two bare hours beside a day.
        func isDay(_ k: Int) -> Bool { DateWords.relativeDays[word(k)] != nil || DateWords.weekdays[word(k)] != nil }
        for k in lexemes.indices where isDigits(k) && isDigits(k + 2) && word(k).count <= 2 {
            guard let first = Int(word(k)), let last = Int(word(k + 2)), first < last, last <= 24,
                ["-", "to"].contains(word(k + 1)) || (word(k + 1) == "and" && word(k - 1) == "between")
            else { continue }
            let start = ["from", "between"].contains(word(k - 1)) ? k - 1 : k
            // "tomorrow evening between 6 and 8": a part of the day between.
            let dayBefore = isDay(start - 1) || (DateWords.dayParts[word(start - 1)] != nil && isDay(start - 2))
            if dayBefore || isDay(k + 3) || (word(k + 3) == "on" && isDay(k + 4)) { mark(start..<(k + 3)) }
        }
        // "The 29th." opening the message, the answer to "which day?": a day of the month, unless a
        // word follows that it counts ("The 3rd floor").
        if word(0) == "the", let day = numberAt[1], day.isOrdinal, (1...31).contains(day.value), countsNoWord(day) {
            mark(0..<day.endLexeme)
        }
        // Set phrases: "at the moment", "to date", "end of month", "every other day", "eod".
        for k in lexemes.indices {
            for phrase in DateWords.phrasesByFirstWord[lexemes[k].text] ?? [] where k + phrase.count <= lexemes.count {
                // "up to date" equipment is no date.
                if phrase == ["to", "date"] && ["up", "equals", "equal", "compared"].contains(word(k - 1)) {
                    continue
                }
                if (0..<phrase.count).allSatisfy({ word(k + $0) == phrase[$0] }) { mark(k..<(k + phrase.count)) }
                // "the weekend after next", "the weekend before last".
                if phrase == ["weekend"], word(k) == "weekend",
                    (word(k + 1), word(k + 2)) == ("after", "next") || (word(k + 1), word(k + 2)) == ("before", "last")
                {
                    mark((k + 1)..<(k + 3))
                }
            }
            // "the 2nd of this month", "the 15th of next month": a day of a month named relatively.
            if let day = numberAt[k], day.isOrdinal, day.value >= 1, day.value <= 31, word(day.endLexeme) == "of",
                DateWords.determiners.contains(word(day.endLexeme + 1)), word(day.endLexeme + 2) == "month"
            {
                mark(k..<(day.endLexeme + 3))
            }
            // "on the 18th", "by the 2nd", "from 5th": a day of the month, unless a word follows that
            // it counts ("on the 2nd floor", "by the 3rd attempt").
            let dayAt =
                word(k + 1) == "the"
                ? k + 2 : DateWords.beforeABareDayOfTheMonth.contains(word(k)) ? k + 1 : lexemes.count
            if DateWords.beforeADayOfTheMonth.contains(word(k)), let day = numberAt[dayAt],
                day.isOrdinal, day.value >= 1, day.value <= 31, namesADay(day)
            {
                // "on the 15th or 16th", "by the 2nd, 3rd or the 4th", "from the 5th to 9th": the
                // days listed after it, or the end of its range; none when one of them counts a
                // word ("between the 2nd and 3rd floor").
                var days = [(k + 1)..<day.endLexeme]
                var j = day.endLexeme
                while word(j) == "," || DateWords.listJoiners.contains(word(j))
                    || DateWords.rangeJoiners.contains(word(j))
                {
                    let at = word(j + 1) == "the" ? j + 2 : j + 1
                    guard let listed = numberAt[at], listed.isOrdinal, (1...31).contains(listed.value) else { break }
                    guard namesADay(listed) else {
                        days = []
                        break
                    }
                    days.append(at..<listed.endLexeme)
                    j = listed.endLexeme
                }
                days.forEach(mark)
            }
        }
        // Numbers and ordinals next to an anchored month or weekday are days or years:
        // "3 May", "May 3rd, 2024", "Tue 13th", "wednesday the thirty first", "January twenty five nineteen eighty six".
        for _ in 0..<3 {
            for match in numbers where !anchor[match.firstLexeme] {
                let before = match.firstLexeme - 1
                let after = match.endLexeme
                let joinsBefore =
                    before >= 0
                    && (anchor[before] && isCalendarWord(before)
                        || ((word(before) == "the" || word(before) == "," || word(before) == "of") && before - 1 >= 0
                            && anchor[before - 1] && isCalendarWord(before - 1)))
                let joinsAfter =
                    after < lexemes.count
                    && (anchor[after] && isCalendarWord(after)
                        || ((word(after) == "of" || word(after) == "day") && after + 1 < lexemes.count
                            && (anchor[after + 1]
                                || word(after + 1) == "of" && after + 2 < lexemes.count && anchor[after + 2])))
                // "24-26 December": a day before a range's end.
                let startsARange =
                    ["-", "to"].contains(word(after)) && after + 2 < lexemes.count && anchor[after + 1]
                    && numberAt[after + 1] != nil && isCalendarWord(after + 2) && match.value <= 31
                let plausible = match.value >= 1 && (match.value <= 31 || (match.value >= 1000 && match.value <= 2999))
                if (joinsBefore || joinsAfter || startsARange) && plausible {
                    mark(match.firstLexeme..<match.endLexeme)
                }
            }
        }
        let words = lexemes.map(\.text)
        var entities: [Entity] = []
        var lastDay: (value: String, end: Int)?
        // "the 15th, 16th or 17th": each day of a list its own expression; "between the 10th and
        // the 12th" is one range.
        let ranges = spans(anchor: anchor).flatMap { range in
            var parts: [Range<Int>] = []
            var from = range.lowerBound
            for k in range where k > from && (words[k] == "," || DateWords.listJoiners.contains(words[k])) {
                if words[k] == "and" && (words[from..<k].contains("between") || word(from - 1) == "between") {
                    continue
                }
                let next = word(k + 1) == "the" ? k + 2 : k + 1
                // Not an ordinal that counts a word after it ("July 1st, 17th times").
                guard numberEndingAt[k]?.isOrdinal == true, let listed = numberAt[next], listed.isOrdinal,
                    countsNoWord(listed)
                else { continue }
                parts.append(from..<k)
                from = k + 1
            }
            return parts + [from..<range.upperBound]
        }
        for range in ranges {
            let start = lexemes[range.lowerBound].start
            let end = lexemes[range.upperBound - 1].end
            let raw = text.text(start, end)
            var resolver = resolver
            resolver.tense = Tense.of(range, in: words)
            let inside = numbers.filter { range.contains($0.firstLexeme) }
            var value = resolver.resolve(
                lexemes: Array(lexemes[range]), firstLexeme: range.lowerBound, numbers: inside,
                previousWord: word(range.lowerBound - 1))
            // A day listed after another ("the 15th or 16th"): of the same month, or the next
            // when it comes first.
            if value == nil, let last = lastDay, inside.count == 1, let listed = inside.first, listed.isOrdinal,
                word(last.end) == "," || DateWords.listJoiners.contains(word(last.end)),
                last.end + 2 >= range.lowerBound
            {
                value = DateResolver.day(Int(listed.value), listedAfter: last.value)
            }
            lastDay = value.flatMap { DateResolver.isDay($0) ? ($0, range.upperBound) : nil }
            entities.append(
                Entity(type: "datetime", value: value ?? raw.lowercased(), text: raw, start: start, end: end))
        }
        return entities
    }

    /// Whether "to" between `minutes` and `hour` ends a clock time in words ("twenty to seven",
    /// "ten to five"): five, ten, twenty or twenty-five minutes in words, then an hour that ends
    /// the clause, and no "from" or "between" before ("from five to ten" is a range).
    func minutesToTheHour(_ minutes: NumberScanner.Match?, _ hour: NumberScanner.Match?) -> Bool {
        let lexemes = text.lexemes
        guard let minutes, let hour, minutes.isWords, DateWords.minutesToTheHour.contains(minutes.value),
            hour.value >= 1,
            hour.value <= 12, hour.value == hour.value.rounded(),
            !(minutes.firstLexeme > 0 && ["from", "between"].contains(lexemes[minutes.firstLexeme - 1].text))
        else { return false }
        guard hour.endLexeme < lexemes.count else { return true }
        let after = lexemes[hour.endLexeme]
        return after.kind == .symbol
            || ["am", "pm", "oclock", "o", "tonight", "tomorrow", "today"].contains(after.text)
    }

    /// Month, weekday or relative-day words, to which day numbers attach.
    func isCalendarWord(_ k: Int) -> Bool {
        let w = text.lexemes[k].text
        // The dot of an abbreviation: "Sept. 5".
        if w == ".", k > 0, text.adjacent(k - 1) {
            let before = text.lexemes[k - 1].text
            return DateWords.months[before] != nil || DateWords.weekdays[before] != nil
        }
        if w == "quarter" { return true }
        return DateWords.months[w] != nil || DateWords.weekdays[w] != nil || text.lexemes[k].kind == .digits
            || NumberWords.ordinals[w] != nil || NumberWords.isCardinal(w) || w == "st" || w == "nd" || w == "rd"
            || w == "th"
    }

    /// "2h", "10D", "3.5years", "7p", "11ish", "1990s": a number with a unit glued on; the lexeme after it.
    func gluedDuration(at k: Int) -> Int? {
        let lexemes = text.lexemes
        var end = k + 1
        // "3.5years"
        if end + 1 < lexemes.count, lexemes[end].text == ".", text.adjacent(k), lexemes[end + 1].kind == .digits,
            text.adjacent(end)
        {
            end += 2
        }
        guard end < lexemes.count, lexemes[end].kind == .word, lexemes[end - 1].end == lexemes[end].start else {
            return nil
        }
        // Not part of a code such as "4ea7-413d".
        if k > 0 && lexemes[k - 1].end == lexemes[k].start { return nil }
        let unit = lexemes[end].text
        // Not glued to more letters or digits after ("10D5", "3hx").
        if end + 1 < lexemes.count, lexemes[end].end == lexemes[end + 1].start, lexemes[end + 1].kind != .symbol {
            return nil
        }
        if unit == "s", lexemes[k].text.count == 4 || lexemes[k].text.count == 2, lexemes[k].text.hasSuffix("0") {
            return end + 1
        }
        guard DateWords.gluedUnits.contains(unit) else { return nil }
        // "40W" is watts.
        if unit == "w" && text.text(lexemes[end].start, lexemes[end].end) == "W" { return nil }
        if unit == "a" || unit == "p" || unit == "ampm" || unit == "ish" {
            guard let hour = Int(lexemes[k].text), hour <= 24, end == k + 1 else { return nil }
        }
        return end + 1
    }

    /// "7:30", "17:00:00", "11:30am": the lexeme after the time, if one starts at `k`.
    func clockTime(at k: Int) -> Int? {
        let lexemes = text.lexemes
        guard k + 2 < lexemes.count, lexemes[k + 1].text == ":" || lexemes[k + 1].text == ".", text.adjacent(k),
            text.adjacent(k + 1), lexemes[k + 2].kind == .digits, lexemes[k + 2].text.count == 2,
            let hour = Int(lexemes[k].text), hour <= 24, lexemes[k].text.count <= 2,
            let minute = Int(lexemes[k + 2].text),
            minute < 60
        else { return nil }
        if lexemes[k + 1].text == "." {
            // "2.30" is a time only after "at" or with am/pm.
            let previous = k > 0 ? lexemes[k - 1].text : ""
            let next = k + 3 < lexemes.count ? lexemes[k + 3].text : ""
            guard previous == "at" || ["am", "pm", "a", "p"].contains(next), !["%", "percent", "per"].contains(next)
            else {
                return nil
            }
        }
        var end = k + 3
        if end + 1 < lexemes.count, lexemes[end].text == ":", lexemes[end + 1].kind == .digits, text.adjacent(end - 1) {
            end += 2
        }
        if end < lexemes.count, ["am", "pm"].contains(lexemes[end].text) { end += 1 }
        return end
    }

    /// "2024-05-03", "05/03/2024", "1/1/2015", "5/12", "on 5.12": the lexeme after it.
    func numericDate(at k: Int) -> Int? {
        let lexemes = text.lexemes
        var parts = [lexemes[k].text]
        var separator = ""
        var end = k + 1
        while end + 1 < lexemes.count, ["-", "/", "."].contains(lexemes[end].text),
            separator.isEmpty || lexemes[end].text == separator,
            text.adjacent(end - 1), text.adjacent(end), lexemes[end + 1].kind == .digits, parts.count < 3
        {
            separator = lexemes[end].text
            parts.append(lexemes[end + 1].text)
            end += 2
        }
        if parts.count == 1 {
            // "20161016": year, month and day run together.
            let digits = parts[0]
            guard digits.count == 8, digits.hasPrefix("19") || digits.hasPrefix("20"),
                let month = Int(digits.dropFirst(4).prefix(2)), let day = Int(digits.suffix(2)),
                month >= 1 && month <= 12 && day >= 1 && day <= 31
            else { return nil }
            return end
        }
        // A longer chain of numbers ("133-03-03-2020", "123-12-1234") is a code, not a date.
        if end + 1 < lexemes.count, lexemes[end].text == separator, text.adjacent(end - 1),
            lexemes[end + 1].kind == .digits
        {
            return nil
        }
        if end < lexemes.count, lexemes[end].text == "." || lexemes[end].text == "/", text.adjacent(end - 1),
            end + 1 < lexemes.count,
            lexemes[end + 1].kind == .digits, text.adjacent(end)
        {
            return nil
        }
        if k > 0, ["/", ".", "-"].contains(lexemes[k - 1].text), text.adjacent(k - 1) { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return nil }
        // Ranges only: "2/29/2019" is a date even if that day never was (it just will not resolve).
        func plausible(month: Int, day: Int) -> Bool { month >= 1 && month <= 12 && day >= 1 && day <= 31 }
        if parts.count == 3 {
            if parts[0].count == 4 { return plausible(month: numbers[1], day: numbers[2]) ? end : nil }
            guard parts[2].count == 4 || parts[2].count == 2 else { return nil }
            return plausible(month: numbers[0], day: numbers[1]) || plausible(month: numbers[1], day: numbers[0])
                ? end : nil
        }
        // Two parts: "2015-12", "12-2015" (a month of a year); "5/12" (day and month); "5.12" only after "on".
        if parts[0].count == 4 || parts[1].count == 4 {
            let (year, month) = parts[0].count == 4 ? (numbers[0], numbers[1]) : (numbers[1], numbers[0])
            return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && separator != "." ? end : nil
        }
        guard parts[0].count <= 2, parts[1].count <= 2 else { return nil }
        if separator == "-" { return nil }
        if separator == "." && !(k > 0 && lexemes[k - 1].text == "on") { return nil }
        // "24/7", "2/3 of the order", "rate it 4/5", "4/5 stars": round the clock, fractions and
        // ratings, unless a preposition makes it a date ("on 3/4", "by 24/7").
        let word = { (j: Int) in j >= 0 && j < lexemes.count ? lexemes[j].text : "" }
        if separator == "/" && !DateWords.datePrepositions.contains(word(k - 1)) {
            // "the 3/4 sleeve", "a 1/2 price deal": a fraction of ten or less after an article.
            let articleFraction =
                ["the", "a", "an"].contains(word(k - 1)) && numbers[0] < numbers[1] && numbers[1] <= 10
            if numbers == [24, 7] || DateWords.afterFractions.contains(word(end)) || articleFraction
                || (1...3).contains(where: { DateWords.beforeNonDates.contains(word(k - $0)) })
            {
                return nil
            }
        }
        return plausible(month: numbers[0], day: numbers[1]) || plausible(month: numbers[1], day: numbers[0])
            ? end : nil
    }

    /// Anchors joined into expressions across connecting words, extended by
    /// the words that qualify them, and trimmed of dangling connectors.
    func spans(anchor: [Bool]) -> [Range<Int>] {
        let lexemes = text.lexemes
        var ranges: [Range<Int>] = []
        var k = 0
        while k < lexemes.count {
            guard anchor[k] else {
                k += 1
                continue
            }
            var end = k + 1
            // Join the next anchor if at most three connectors lie between.
            while true {
                while end < lexemes.count && anchor[end] { end += 1 }
                var gap = end
                var connectors = 0
                while gap < lexemes.count && !anchor[gap] && connectors < 3 && isConnector(gap, afterAnchor: end - 1) {
                    gap += 1
                    connectors += 1
                }
                if gap < lexemes.count && anchor[gap] && gap > end {
                    end = gap
                } else {
                    break
                }
            }
            var start = k
            // Qualifiers before: "next", "last", "early", "the end of", "from", "between", "in", "every", …
            let leading: Set<String> = [
                "next", "last", "this", "coming", "following", "previous", "upcoming", "past", "every", "each",
                "early", "late", "mid", "from", "between", "since", "until", "till", "within", "in", "the", "of", "end",
                "beginning", "middle", "start", "around", "before", "after", "by", "later", "earlier", "than", "no",
                "starting", "all", "for", "same", "rest", "half", "-",
            ]
            // One preposition at most, outermost: "since 3 May" in "log in since 3 May".
            let prepositions: Set<String> = [
                "from", "between", "since", "until", "till", "within", "in", "around", "before", "after", "by", "for",
                "starting", "than",
            ]
            while start > 0 && leading.contains(lexemes[start - 1].text) && start > (ranges.last?.upperBound ?? 0) {
                let w = lexemes[start - 1].text
                if w == "-" && !(start >= 2 && ["mid", "semi"].contains(lexemes[start - 2].text)) { break }
                start -= 1
                if prepositions.contains(w)
                    && !(w == "than" && start > 0
                        && ["later", "earlier", "more", "less"].contains(lexemes[start - 1].text))
                {
                    break
                }
            }
            // Trailing words: "ago", "later", "from now".
            if end < lexemes.count && ["ago", "later", "earlier", "hence"].contains(lexemes[end].text) { end += 1 }
            // Trim dangling connectors at either end.
            let trimmable: Set<String> = [
                "the", "of", "at", "on", "to", "and", "-", ",", "by", "a", "an", "for", "than", "no", "or", "all", "/",
                "~",
            ]
            while start < end - 1 && trimmable.contains(lexemes[start].text) && !anchor[start] { start += 1 }
            while end - 1 > start && trimmable.contains(lexemes[end - 1].text) && !anchor[end - 1] { end -= 1 }
            ranges.append(start..<end)
            k = end
        }
        return ranges
    }

    func isConnector(_ k: Int, afterAnchor: Int) -> Bool {
        let w = text.lexemes[k].text
        if w == "and" {
            // "between 3 and 5", "Monday and Tuesday" are one range only after "between".
            var j = afterAnchor
            while j >= 0 && j >= afterAnchor - 6 {
                if text.lexemes[j].text == "between" { return true }
                j -= 1
            }
            return false
        }
        return DateWords.connectors.contains(w)
    }
}
