public import ParleyNLP

/// Messages the bot did not understand, grouped by similarity so trainers see
/// what customers keep asking that no intent covers.
///
/// Two messages are similar when most content stems (stopwords left out) of
/// the shorter one are in the other (overlap coefficient ≥ 0.6); each message
/// joins the first group whose first message it is similar to, so the
/// grouping is deterministic.
public struct FallbackInbox: Sendable {
    /// Similar misunderstood messages (any value with a text: a stored message, a line of a file).
    public struct Group<Message> {
        /// The stems the group's messages share most.
        public var label: String
        public var messages: [Message]
    }

    public let preprocessor: TextPreprocessor
    public let stopwords: Stopwords
    public var similarity = 0.6

    public init(preprocessor: TextPreprocessor = TextPreprocessor(), stopwords: Stopwords = .english) {
        self.preprocessor = preprocessor
        self.stopwords = stopwords
    }

    /// Groups of similar messages, largest first; `text` reads a message's words.
    public func group<Message>(_ messages: [Message], text: (Message) -> String) -> [Group<Message>] {
        group(messages, stems: { self.stems(of: text($0)) })
    }

    /// The content stems of `text` (stopwords left out): what the grouping compares.
    public func stems(of text: String) -> Set<String> {
        let text = preprocessor.preprocess(text)
        return Set(
            zip(text.tokens, text.stems).filter { $0.0.isLexical && !stopwords.contains($0.0.normalized) }.map(\.1))
    }

    /// Groups of similar messages, largest first, from each message's `stems(of:)` (kept by the caller, say).
    public func group<Message>(_ messages: [Message], stems: (Message) -> Set<String>) -> [Group<Message>] {
        var groups: [(stems: Set<String>, counts: [String: Int], messages: [Message])] = []
        for message in messages {
            let stems = stems(message)
            if let index = groups.firstIndex(where: { Self.overlap($0.stems, stems) >= similarity }) {
                groups[index].messages.append(message)
                for stem in stems { groups[index].counts[stem, default: 0] += 1 }
            } else {
                groups.append((stems, Dictionary(uniqueKeysWithValues: stems.map { ($0, 1) }), [message]))
            }
        }
        return groups.map { group in
            let label = group.counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map(\.key).joined(
                separator: " ")
            return Group(label: label.isEmpty ? "(no words)" : label, messages: group.messages)
        }
        .sorted { $0.messages.count > $1.messages.count }
    }

    /// |A ∩ B| / min(|A|, |B|): 1 when one message's words are all in the other.
    static func overlap(_ a: Set<String>, _ b: Set<String>) -> Double {
        let smaller = min(a.count, b.count)
        return smaller == 0 ? (a.count == b.count ? 1 : 0) : Double(a.intersection(b).count) / Double(smaller)
    }
}

extension FallbackInbox.Group: Sendable where Message: Sendable {}
extension FallbackInbox.Group: Equatable where Message: Equatable {}
extension FallbackInbox.Group: Hashable where Message: Hashable {}
extension FallbackInbox.Group: Encodable where Message: Encodable {}
