/// Misspelt date words ("tommorow", "wensday", "thrusday", "febuary"): a customer's typo of a
/// weekday, a month or "tomorrow" and "yesterday" still names the day.
extension DateWords {
    /// The date words a typo is read as: long enough that a word so close to one is no other
    /// English word (not "march", "may", "june" or "july").
    static let correctable: [String] = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "april", "august", "september", "october", "november", "december", "tomorrow", "yesterday",
    ]
    /// The first letters of `correctable`.
    static let correctableInitials = Set(correctable.map { $0.unicodeScalars.first! })
    /// English words and names as close to a date word as a typo is.
    static let closeWords: Set<String> = ["sundry", "sunray", "aprils", "augusta", "auguste", "augusto"]
    /// Words after which a weekday or a month is expected ("on wensday", "next thrusday", "in
    /// febuary"); "tomorrow" and "yesterday", whose typos are close to no other word, need none.
    static let beforeCorrectable: Set<String> = [
        "on", "by", "next", "last", "this", "until", "till", "til", "before", "after", "since", "every", "each",
        "from", "in", "of", "coming", "early", "late", "mid", "through",
    ]

    /// The date word `word`, said after `previous`, is a typo of, or nil: the same first letter,
    /// and an edit distance (insertions, deletions, substitutions, transpositions of neighbours)
    /// of 1, or 2 for date words of eight letters or more; a weekday or a month only after a word
    /// of `beforeCorrectable` ("on sturdy" would be Saturday, "the box is sturdy" is none); never
    /// a word that is already a date word or in `closeWords`.
    static func correctedSpelling(of word: String, after previous: String) -> String? {
        let anyDay = beforeCorrectable.contains(previous)
        // Most words start with no date word's letter, or need a weekday's or a month's context.
        guard word.utf8.count >= 5, word.utf8.count <= 44, let initial = word.unicodeScalars.first,
            anyDay ? correctableInitials.contains(initial) : initial == "t" || initial == "y"
        else { return nil }
        let letters = Array(word.unicodeScalars)
        guard letters.count <= 11, let first = letters.first, kinds[word] == nil, !closeWords.contains(word)
        else { return nil }
        for target in correctable
        where target.unicodeScalars.first == first && (anyDay || target == "tomorrow" || target == "yesterday") {
            let wanted = Array(target.unicodeScalars)
            let most = wanted.count >= 8 ? 2 : 1
            if abs(wanted.count - letters.count) <= most, distance(letters, wanted, atMost: most) <= most {
                return target
            }
        }
        return nil
    }

    /// The optimal-string-alignment distance between `a` and `b`, or `most + 1` once it is
    /// certainly more than `most`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost most: Int) -> Int {
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowBest = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
                rowBest = min(rowBest, current[j])
            }
            if rowBest > most { return most + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
