/// Whether the clause around a date expression speaks of the past or of what is ahead, which
/// decides which way a date said without "next" or "last" points: "I ordered it on Monday" is
/// the Monday just gone, "can it arrive on Monday?" the coming one; "it was delivered on the
/// 29th" is the last 29th.
///
/// Read from the nearest tense word before the expression in its clause, else the nearest after
/// it ("On Monday, I ordered…"), up to `reach` words either way:
/// - a participle after "have" or "has" is the perfect, so past ("it should have arrived on
///   Friday", "I've been charged on the 29th"), but "have got" is having;
/// - after a form of "be", or after an object of "need", "want", "have" or "get" ("was
///   delivered", "will be sent", "need it delivered", "had it collected"), a participle is no
///   tense word of its own: the look goes on to the word that governs it;
/// - a deadline ("by", "for", "until", "before") looks ahead unless its clause is in the past
///   and nothing in it looks ahead ("It was due by the 29th", but "Delivered by Friday
///   please"); "since" looks back, and so does "from" after a thing that happened ("my order
///   from Monday", "the charge from Friday"), and so does a date right before an order or a
///   charge, or after a charge and "on" ("my September order", "the charge on 28 November").
enum Tense: Sendable {
    case past, ahead, unmarked

    /// How many words either side of the expression are read.
    static let reach = 12

    /// The tense of the clause around `words[expression]`.
    static func of(_ expression: Range<Int>, in words: [String]) -> Tense {
        let before = expression.lowerBound > 0 ? words[expression.lowerBound - 1] : ""
        let opening = [before, words[expression.lowerBound]]
        if opening.contains("since") { return .past }
        // "my order from Monday": "from" opening the expression or just before it.
        let from = words[expression.lowerBound] == "from" ? expression.lowerBound : expression.lowerBound - 1
        if from >= 1, words[from] == "from", happenings.contains(words[from - 1]) { return .past }
        // "my September order", "the charge on 28 November": the day of a thing that happened.
        let on = words[expression.lowerBound] == "on" ? expression.lowerBound : expression.lowerBound - 1
        if expression.upperBound < words.count && pastThings.contains(words[expression.upperBound])
            || on >= 1 && words[on] == "on" && pastThings.contains(words[on - 1]) && !orders.contains(words[on - 1])
        {
            return .past
        }
        if reportsABrokenPromise(expression, in: words) { return .past }
        let (back, ahead) = nearest(around: expression, in: words)
        if opening.contains(where: deadlines.contains) {
            // "I paid by Friday", but "Delivered by Friday please".
            return back != .ahead && ahead != .ahead && (back == .past || ahead == .past) ? .past : .ahead
        }
        return back ?? ahead ?? .unmarked
    }

    /// Whether the expression is the day of a promise reported in its clause ("they said it
    /// would come on Friday", "promised Thursday delivery") that a later clause, within twice
    /// `reach` words, says was broken ("…, it never did", "… but it arrived on Saturday"): then
    /// the day is past. "You said it would come on Tuesday" alone, or with "can you check?"
    /// after, still looks ahead.
    private static func reportsABrokenPromise(_ expression: Range<Int>, in words: [String]) -> Bool {
        var k = expression.lowerBound - 1
        var promised = false
        while !promised, k >= max(0, expression.lowerBound - reach), !clauseBreaks.contains(words[k]) {
            promised = promises.contains(words[k])
            k -= 1
        }
        guard promised else { return false }
        k = expression.upperBound
        let end = min(words.count, expression.upperBound + 2 * reach)
        while k < end, !clauseBreaks.contains(words[k]) { k += 1 }
        return words[k..<end].contains(where: brokenPromises.contains)
    }

    /// Words that report a promise before its day.
    static let promises: Set<String> = ["said", "says", "told", "promised", "supposed", "meant", "estimated", "quoted"]
    /// Words of a later clause that say a promise was not kept: it did not happen, or happened
    /// another day ("… but it arrived on Saturday").
    static let brokenPromises: Set<String> = [
        "never", "not", "didn", "didnt", "wasn", "wasnt", "weren", "werent", "hasn", "hasnt", "haven", "havent",
        "still", "instead", "arrived", "came", "delivered",
    ]

    /// The nearest tense word's tense before the expression in its clause, and after it.
    private static func nearest(around expression: Range<Int>, in words: [String]) -> (Tense?, Tense?) {
        var back: Tense?
        var k = expression.lowerBound - 1
        while back == nil, k >= max(0, expression.lowerBound - reach), !clauseBreaks.contains(words[k]) {
            back = tense(at: k, in: words)
            k -= 1
        }
        // "On Monday, I ordered a coat": a comma right after the expression ends no clause.
        var ahead: Tense?
        k = expression.upperBound
        if k < words.count && words[k] == "," { k += 1 }
        while ahead == nil, k < min(words.count, expression.upperBound + reach), !clauseBreaks.contains(words[k]) {
            ahead = tense(at: k, in: words)
            k += 1
        }
        return (back, ahead)
    }

    private static func tense(at k: Int, in words: [String]) -> Tense? {
        let word = words[k]
        if aheadWords.contains(word) || schedules.contains(word) { return .ahead }
        // "Deliver on 10 January", "please call me on the 3rd": a request.
        if requests.contains(word), k == 0 || clauseBreaks.contains(words[k - 1]) || politeness.contains(words[k - 1]) {
            return .ahead
        }
        if pastAuxiliaries.contains(word) { return .past }
        guard pastWords.contains(word) else { return nil }
        let previous = k > 0 ? words[k - 1] : ""
        if perfect.contains(previous) || previous == "been" && k > 1 && perfect.contains(words[k - 2]) {
            // "I have got a parcel on Friday" has one; "it should have arrived on Friday" did not come.
            return word == "got" && previous != "been" ? nil : .past
        }
        if passive.contains(previous) { return nil }
        if objects.contains(previous), k > 1, causatives.contains(words[k - 2]) { return nil }
        return .past
    }

    /// Words just before a date that make it a deadline or a target, so ahead ("by Monday",
    /// "for the 15th") unless the clause is in the past ("I paid by Friday").
    static let deadlines: Set<String> = ["by", "for", "until", "till", "til", "before"]

    /// Things that happened, before "from" and a date ("my order from Monday").
    static let happenings: Set<String> = [
        "order", "orders", "charge", "charges", "payment", "payments", "parcel", "package", "delivery", "email",
        "message", "call", "purchase", "transaction", "invoice", "receipt", "refund", "booking", "chat", "letter",
    ]

    /// Things that have happened by the time a customer names their day: after a date ("my
    /// September order"), or before "on" and a date ("the charge on 28 November") unless an
    /// order (`orders`: "deliver the order on Monday").
    static let pastThings: Set<String> = [
        "order", "orders", "charge", "charges", "payment", "payments", "purchase", "purchases", "transaction",
        "transactions", "invoice", "receipt", "bill", "statement",
    ]
    static let orders: Set<String> = ["order", "orders"]

    /// Words that end the clause looked over.
    static let clauseBreaks: Set<String> = [
        ".", "!", "?", ";", ",", ":", "but", "and", "so", "because", "then", "if", "when", "though", "although",
    ]

    /// Past auxiliaries ("it was", "didn't", typed "didnt" too).
    static let pastAuxiliaries: Set<String> = [
        "was", "were", "wasn", "weren", "did", "didn", "had", "hadn", "wasnt", "werent", "didnt", "hadnt",
    ]

    /// Past forms of the verbs of support conversations, participles too ("was delivered"), and
    /// their common misspellings.
    static let pastWords: Set<String> = [
        "ordered", "orderd", "reordered", "placed", "paid", "payed", "bought", "purchased", "received", "recieved",
        "arrived", "came", "got", "delivered", "shipped", "dispatched", "sent", "posted", "returned", "cancelled",
        "canceled", "called", "phoned", "rang", "emailed", "messaged", "contacted", "spoke", "wrote", "told", "said",
        "asked", "requested", "charged", "refunded", "billed", "tried", "attempted", "made", "happened", "went",
        "broke", "stopped", "started", "signed", "registered", "subscribed", "moved", "changed", "opened", "lost",
        "missed", "collected", "picked", "left", "dropped", "failed", "declined", "approved", "confirmed",
        "submitted", "reported", "complained", "noticed", "saw", "heard", "checked", "waited", "took", "taken",
        "gave", "brought", "chose", "used", "upgraded", "renewed", "exchanged",
    ]

    /// Words that speak of the present or of what is ahead: modals, wishes, "is", "-ing" forms
    /// of arriving ("it's coming on Monday").
    static let aheadWords: Set<String> = [
        "will", "ll", "won", "wont", "shall", "can", "cant", "could", "couldn", "couldnt", "would", "wouldn",
        "wouldnt", "should", "shouldn", "shouldnt", "must",
        "may", "might", "gonna", "going", "need", "needs", "want", "wants", "please", "hope", "hoping",
        "expect", "expecting", "possible", "able", "let", "is", "isn", "isnt", "are", "aren", "arent", "am", "be", "do",
        "does", "don", "dont", "doesn", "doesnt", "arriving", "coming", "planning", "schedule", "reschedule", "book",
        "rebook", "arrange",
    ]

    /// Verbs of a request when they open a clause ("Deliver on 10 January", "call me on the
    /// 3rd"); after "did" or "didn't" they are the past's.
    static let requests: Set<String> = [
        "deliver", "send", "ship", "dispatch", "post", "call", "ring", "phone", "email", "text", "message", "contact",
        "book", "bring", "collect", "pick", "come", "visit", "refund", "cancel", "charge", "bill", "hold", "keep",
    ]
    /// Words before such a verb that still leave it a request.
    static let politeness: Set<String> = ["please", "pls", "plz", "kindly", "just"]
    /// Verbs in the present that speak of what is scheduled ("my subscription renews on 3
    /// January", "the sale ends on Friday").
    static let schedules: Set<String> = [
        "renews", "expires", "ends", "starts", "begins", "opens", "closes", "arrives", "ships", "leaves", "departs",
        "resumes", "reopens",
    ]

    /// Words after which a participle is the perfect ("have arrived", "I've paid").
    static let perfect: Set<String> = ["have", "has", "ve", "haven", "hasn", "havent", "hasnt"]

    /// Forms of "be" after which a participle is passive, its tense that of the "be" ("was
    /// delivered", "will be sent", "is shipped").
    static let passive: Set<String> = ["be", "being", "is", "are", "am", "was", "were", "get", "gets", "getting"]

    /// Objects, and the verbs before them that make the participle after them no tense of its
    /// own ("need it delivered", "had them collected").
    static let objects: Set<String> = ["it", "them", "this", "that", "these", "those", "one", "mine", "everything"]
    static let causatives: Set<String> = [
        "need", "needs", "want", "wants", "like", "have", "has", "had", "having", "get", "gets", "got", "getting",
        "keep", "see",
    ]
}
