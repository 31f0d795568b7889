internal import CICU

/// Where one message may hold more than one request: its sentences (ICU's
/// sentence breaks, UAX #29), and inside a sentence a conjunction ("and",
/// "also", "plus") followed by the start of a new question or request ("…and
/// how do I return the shoes?", "…and can you…"), or, in Chinese, a comma
/// before a clause that asks or requests ("我要退货，发票怎么开？").
public enum MessageParts {
    /// Words that start a new question or request after a conjunction.
    static let openers: Set<String> = [
        "how", "where", "when", "what", "why", "which", "who", "can", "could", "do", "does", "did", "is", "are",
        "will", "would", "should", "i", "please", "tell",
    ]
    static let conjunctions: Set<String> = ["and", "also", "plus"]
    /// Chinese words that make a clause a question ("发票怎么开").
    static let chineseQuestionWords: Set<String> = [
        "怎么", "怎样", "如何", "什么", "哪", "哪里", "哪儿", "哪个", "多少", "几", "为什么", "吗", "呢", "能不能",
        "可不可以", "是否", "有没有", "多久", "何时",
    ]
    /// Chinese words that open a new request after a comma ("…，我想换个地址").
    static let chineseOpeners: Set<String> = ["我要", "我想", "帮我", "还有", "另外", "顺便", "麻烦"]

    /// The code-point ranges of the parts of a message with `tokens`, in order,
    /// each from its first token to its last, conjunctions left out; parts
    /// without a word or number are dropped. Stops after `limit` parts.
    public static func ranges(of text: String, tokens: [Token], limit: Int) -> [Range<Int>] {
        var cuts = sentenceEnds(of: text, limit: limit)
        var skipped: Set<Int> = []
        for (index, token) in tokens.enumerated().dropLast()
        where conjunctions.contains(token.normalized) && openers.contains(tokens[index + 1].normalized) {
            cuts.append(token.start)
            skipped.insert(index)
        }
        for (index, token) in tokens.enumerated().dropLast() where token.kind == .punctuation && token.normalized == ","
        {
            let clause = tokens[(index + 1)...].prefix { $0.kind != .punctuation }
            guard let first = clause.first, first.kind == .ideographic,
                chineseOpeners.contains(first.normalized)
                    || clause.contains(where: { chineseQuestionWords.contains($0.normalized) })
            else { continue }
            cuts.append(token.start)
            skipped.insert(index)
        }
        cuts.sort()
        var parts: [Range<Int>] = []
        var cut = 0
        var first: Int?
        var last = 0
        var hasContent = false
        func close() {
            if let start = first, hasContent { parts.append(start..<last) }
            first = nil
            hasContent = false
        }
        for (index, token) in tokens.enumerated() {
            while cut < cuts.count && cuts[cut] <= token.start {
                close()
                cut += 1
            }
            if parts.count >= limit { break }
            guard !skipped.contains(index) else { continue }
            if first == nil { first = token.start }
            last = token.end
            if token.isLexical { hasContent = true }
        }
        if parts.count < limit { close() }
        return parts
    }

    /// The code-point offsets where ICU ends a sentence, at most `limit` of them.
    static func sentenceEnds(of text: String, limit: Int) -> [Int] {
        let units = Array(text.utf16)
        guard !units.isEmpty, limit > 0 else { return [] }
        var ends = [Int32](repeating: 0, count: limit)
        let count = units.withUnsafeBufferPointer { buffer in
            cicu_sentence_ends(buffer.baseAddress, Int32(buffer.count), &ends, Int32(limit))
        }
        guard count > 0 else { return [] }
        let codePoints = CodePointOffsets.of(units)
        return ends.prefix(Int(min(count, Int32(limit)))).map { codePoints[Int($0)] }
    }
}
