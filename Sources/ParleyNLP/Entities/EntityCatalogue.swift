/// A trainer-defined entity recognised from a list of values with synonyms,
/// such as the shop's products.
///
/// Matching is on normalised words (case and compatibility forms folded), and
/// names of five or more letters also match with one typo (one letter added,
/// dropped, changed or two swapped).
public struct EntityCatalogue: Sendable {
    /// One canonical value and the other ways of writing it.
    public struct Entry: Sendable, Hashable {
        public var value: String
        public var synonyms: [String]

        public init(value: String, synonyms: [String] = []) {
            self.value = value
            self.synonyms = synonyms
        }
    }

    public let name: String
    public let entries: [Entry]
    /// Each written form as normalised words, with the value it stands for.
    private let forms: [(words: [String], joined: [Unicode.Scalar], value: String)]

    public init(name: String, entries: [Entry]) {
        self.name = name
        self.entries = entries
        let tokenizer = Tokenizer()
        forms = entries.flatMap { entry in
            ([entry.value] + entry.synonyms).map { form in
                let words = tokenizer.tokenize(form).filter(\.isLexical).map(\.normalized)
                return (words, Array(words.joined(separator: " ").unicodeScalars), entry.value)
            }
        }.filter { !$0.words.isEmpty }
    }

    /// Matches among the message's lexical tokens.
    func matches(in tokens: [Token], text: String) -> [Entity] {
        let words = tokens.filter(\.isLexical)
        guard !words.isEmpty else { return [] }
        let wordScalars = words.map { Array($0.normalized.unicodeScalars) }
        var scalars: [Unicode.Scalar]?
        var entities: [Entity] = []
        for form in forms {
            let n = form.words.count
            guard words.count >= n else { continue }
            let target = form.joined.count
            let fuzzy = target >= 5
            for start in 0...(words.count - n) {
                // Cheap rejections first: the window's length, then its words.
                var length = n - 1
                for index in start..<(start + n) { length += wordScalars[index].count }
                guard abs(length - target) <= (fuzzy ? 1 : 0) else { continue }
                let window = words[start..<(start + n)]
                let exact = zip(window, form.words).allSatisfy { $0.normalized == $1 }
                guard exact || (fuzzy && Self.withinOneEdit(joined(wordScalars[start..<(start + n)]), form.joined))
                else {
                    continue
                }
                let first = window.first!
                let last = window.last!
                if scalars == nil { scalars = Array(text.unicodeScalars) }
                let matched = String(String.UnicodeScalarView(scalars![first.start..<last.end]))
                entities.append(Entity(type: name, value: form.value, text: matched, start: first.start, end: last.end))
            }
        }
        return entities
    }

    /// Words' scalars joined with single spaces.
    private func joined(_ words: ArraySlice<[Unicode.Scalar]>) -> [Unicode.Scalar] {
        guard words.count > 1 else { return words.first ?? [] }
        var joined: [Unicode.Scalar] = []
        for word in words {
            if !joined.isEmpty { joined.append(" ") }
            joined += word
        }
        return joined
    }

    /// Whether `a` becomes `b` with at most one insertion, deletion,
    /// substitution or transposition of neighbours.
    static func withinOneEdit(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Bool {
        if abs(x.count - y.count) > 1 { return false }
        var i = 0
        while i < min(x.count, y.count) && x[i] == y[i] { i += 1 }
        if i == x.count && i == y.count { return true }
        if x.count == y.count {
            if x[(i + 1)...] == y[(i + 1)...] { return true }
            return i + 1 < x.count && x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)...] == y[(i + 2)...]
        }
        return x.count > y.count ? x[(i + 1)...] == y[i...] : x[i...] == y[(i + 1)...]
    }
}
