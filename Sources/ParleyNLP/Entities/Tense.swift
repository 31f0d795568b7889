/// Whether the clause around a date expression speaks of the past or of what is ahead, which
/// decides which way a date said without "next" or "last" points: "I ordered it on Monday" is
/// the Monday just gone, "can it arrive on Monday?" the coming one; "it was delivered on the
/// 29th" is the last 29th.
///
/// Read from the nearest tense word before the expression in its clause, else the nearest after
/// it ("On Monday I ordered…"), up to `reach` words either way. A participle after "be", "been",
/// "have", "get" or an object ("was delivered", "need it delivered", "will be sent") is no tense
/// word of its own: the look goes on to the word that governs it. A deadline ("by", "for",
/// "until") just before the expression or opening it always looks ahead, "since" back.
enum Tense: Sendable {
    case past, ahead, unmarked

    /// How many words either side of the expression are read.
    static let reach = 8

    /// The tense of the clause around `words[expression]`.
    static func of(_ expression: Range<Int>, in words: [String]) -> Tense {
        let opening = [expression.lowerBound > 0 ? words[expression.lowerBound - 1] : "", words[expression.lowerBound]]
        if opening.contains(where: deadlines.contains) { return .ahead }
        if opening.contains("since") { return .past }
        var k = expression.lowerBound - 1
        while k >= max(0, expression.lowerBound - reach), !clauseBreaks.contains(words[k]) {
            if let tense = tense(at: k, in: words) { return tense }
            k -= 1
        }
        k = expression.upperBound
        while k < min(words.count, expression.upperBound + reach), !clauseBreaks.contains(words[k]) {
            if let tense = tense(at: k, in: words) { return tense }
            k += 1
        }
        return .unmarked
    }

    private static func tense(at k: Int, in words: [String]) -> Tense? {
        let word = words[k]
        if aheadWords.contains(word) { return .ahead }
        if pastAuxiliaries.contains(word) { return .past }
        guard pastWords.contains(word) else { return nil }
        if k > 0, governsAParticiple.contains(words[k - 1]) { return nil }
        return .past
    }

    /// Words just before a date that make it a deadline or a target, so ahead ("by Monday",
    /// "for the 15th").
    static let deadlines: Set<String> = ["by", "for", "until", "till", "til", "before"]

    /// Words that end the clause looked over.
    static let clauseBreaks: Set<String> = [
        ".", "!", "?", ";", ",", ":", "but", "and", "so", "because", "then", "if", "when", "though", "although",
    ]

    /// Past auxiliaries ("it was", "didn't").
    static let pastAuxiliaries: Set<String> = ["was", "were", "wasn", "weren", "did", "didn", "had", "hadn"]

    /// Past forms of the verbs of support conversations, participles too ("was delivered").
    static let pastWords: Set<String> = [
        "ordered", "placed", "paid", "bought",
        "purchased", "received", "arrived", "came", "got", "delivered", "shipped", "dispatched", "sent", "posted",
        "returned", "cancelled", "canceled", "called", "phoned", "rang", "emailed", "messaged", "contacted", "spoke",
        "wrote", "told", "said", "asked", "requested", "charged", "refunded", "billed", "tried", "made", "happened",
        "went", "broke", "stopped", "started", "signed", "registered", "subscribed", "moved", "changed", "opened",
        "lost", "missed", "collected", "picked", "left", "dropped", "failed", "declined", "reported", "complained",
        "noticed", "saw", "checked", "waited", "took", "gave", "used", "upgraded", "renewed", "exchanged",
    ]

    /// Words that speak of the present or of what is ahead: modals, wishes, "is", "-ing" forms
    /// of arriving ("it's coming on Monday").
    static let aheadWords: Set<String> = [
        "will", "ll", "won", "shall", "can", "could", "couldn", "would", "wouldn", "should", "shouldn", "must", "may",
        "might", "gonna", "going",
        "need", "needs", "want", "wants", "like", "please", "hope", "hoping", "expect", "expecting", "possible",
        "able", "let", "is", "isn", "are", "aren", "am", "be", "do", "does", "don", "doesn", "arriving", "coming",
        "planning", "schedule", "reschedule", "book", "rebook", "arrange",
    ]

    /// Words after which a past form is a participle, governed by a word further back: "was
    /// delivered", "will be sent", "need it delivered", "have them collected".
    static let governsAParticiple: Set<String> = [
        "be", "been", "being", "is", "are", "am", "was", "were", "get", "gets", "getting", "got", "have", "has",
        "having", "had", "it", "them", "this", "that", "these", "those", "one", "mine", "everything",
    ]
}
