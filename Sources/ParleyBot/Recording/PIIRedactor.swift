public import ParleyNLP

/// Masks personal data in a message before it is stored: email addresses and
/// phone numbers the entity extractor found, and payment-card numbers (13 to
/// 19 digits, spaces or hyphens allowed, passing the Luhn check).
public struct PIIRedactor: Sendable {
    /// What can be masked.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case email, phone, card
    }

    public let kinds: Set<Kind>

    public init(kinds: Set<Kind>) {
        self.kinds = kinds
    }

    /// The text with each personal datum replaced by `[email]`, `[phone]` or
    /// `[card]`, and the entities without the masked ones' values.
    public func redact(_ text: String, entities: [Entity]) -> (text: String, entities: [Entity]) {
        guard !kinds.isEmpty else { return (text, entities) }
        var spans: [(start: Int, end: Int, label: String)] = []
        for entity in entities {
            if let kind = Kind(rawValue: entity.type), kinds.contains(kind) {
                spans.append((entity.start, entity.end, "[\(kind.rawValue)]"))
            }
        }
        let scalars = Array(text.unicodeScalars)
        if kinds.contains(.card) {
            spans += Self.cardNumbers(in: scalars).map { ($0.lowerBound, $0.upperBound, "[card]") }
        }
        guard !spans.isEmpty else { return (text, entities) }
        var masked = String.UnicodeScalarView()
        var position = 0
        for span in spans.sorted(by: { $0.start < $1.start }) where span.start >= position {
            masked.append(contentsOf: scalars[position..<span.start])
            masked.append(contentsOf: span.label.unicodeScalars)
            position = span.end
        }
        masked.append(contentsOf: scalars[position...])
        let kept = entities.map { entity -> Entity in
            guard let kind = Kind(rawValue: entity.type), kinds.contains(kind) else { return entity }
            return Entity(
                type: entity.type, value: "[\(kind.rawValue)]", text: "[\(kind.rawValue)]", start: entity.start,
                end: entity.end)
        }
        return (String(masked), kept)
    }

    /// Runs of 13–19 digits (with single spaces or hyphens between) that pass the Luhn check.
    static func cardNumbers(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = 0
        while i < scalars.count {
            guard isDigit(scalars[i]), i == 0 || !isDigit(scalars[i - 1]) else {
                i += 1
                continue
            }
            var digits: [Int] = []
            var end = i
            var j = i
            while j < scalars.count {
                if isDigit(scalars[j]) {
                    digits.append(Int(scalars[j].value - 0x30))
                    j += 1
                    end = j
                } else if (scalars[j] == " " || scalars[j] == "-") && j + 1 < scalars.count && isDigit(scalars[j + 1]) {
                    j += 1
                } else {
                    break
                }
            }
            if (13...19).contains(digits.count) && luhn(digits) { found.append(i..<end) }
            i = max(end, i + 1)
        }
        return found
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func luhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let value = offset % 2 == 1 ? digit * 2 : digit
            sum += value > 9 ? value - 9 : value
        }
        return sum % 10 == 0
    }
}
