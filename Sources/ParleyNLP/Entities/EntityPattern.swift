internal import CICU

/// A trainer-defined entity recognised by regular expressions (ICU syntax),
/// such as an order number `[A-Z]-\d{5}`.
///
/// Matching runs under a step limit, so even a pattern that would backtrack
/// catastrophically costs bounded time per message. `\b` follows Unicode's
/// word boundaries (ICU's `(?w)`), so `\b[A-Z]-\d{5}\b` also finds
/// "A-10234" in "订单号A-10234", where Chinese, Japanese or Thai letters touch it.
public struct EntityPattern: Sendable {
    public let name: String
    public let patterns: [String]
    private let compiled: [CompiledRegex]

    /// Compiles the patterns; throws naming the first invalid one.
    public init(name: String, patterns: [String]) throws(EntityPatternError) {
        self.name = name
        self.patterns = patterns
        compiled = try patterns.map { pattern throws(EntityPatternError) in
            guard let regex = CompiledRegex("(?w)" + pattern) else { throw EntityPatternError(pattern: pattern) }
            return regex
        }
    }

    /// Every match in `text`, as code-point spans. Compatibility forms read as their plain
    /// ones, as the built-in scanners read them (an input method's "Ａ－１０２３４" is
    /// "A-10234", the entity's value); the text and span are the message's.
    func matches(in text: EntityText, codePoints: [Int], units: [UInt16]) -> [Entity] {
        var entities: [Entity] = []
        let (folded, foldedOrigin) = Self.foldingCompatibilityForms(text, units: units)
        let (searched, origin) = Self.separatingUnspacedScripts(folded)
        for regex in compiled {
            for found in regex.matches(searched) {
                let inFolded = origin.map { $0[found.lowerBound]..<$0[found.upperBound] } ?? found
                let range = foldedOrigin.map { $0[inFolded.lowerBound]..<$0[inFolded.upperBound] } ?? inFolded
                guard !range.isEmpty else { continue }
                let raw = String(decoding: units[range], as: UTF16.self)
                entities.append(
                    Entity(
                        type: name, value: String(decoding: folded[inFolded], as: UTF16.self), text: raw,
                        start: codePoints[range.lowerBound], end: codePoints[range.upperBound]))
            }
        }
        return entities
    }
}

extension EntityPattern {
    /// The message's UTF-16 units (`units`) with compatibility forms folded, as `text` holds
    /// them, and for each folded unit (and the end) the unit of the message it comes from; nil
    /// when nothing was folded.
    static func foldingCompatibilityForms(_ text: EntityText, units: [UInt16]) -> ([UInt16], [Int]?) {
        guard let scalarOrigin = text.origin else { return (units, nil) }
        let (original, scalars) = (text.original, text.scalars)
        var unitOf = [Int]()
        unitOf.reserveCapacity(original.count + 1)
        var offset = 0
        for scalar in original {
            unitOf.append(offset)
            offset += scalar.utf16.count
        }
        unitOf.append(offset)
        var folded: [UInt16] = []
        var origin: [Int] = []
        folded.reserveCapacity(units.count + 4)
        origin.reserveCapacity(units.count + 5)
        for (i, scalar) in scalars.enumerated() {
            for unit in scalar.utf16 {
                folded.append(unit)
                origin.append(unitOf[scalarOrigin[i]])
            }
        }
        origin.append(unitOf[scalarOrigin[scalars.count]])
        return (folded, origin)
    }

    /// Thai, Lao, Khmer and Myanmar are written without spaces, and Unicode's word
    /// boundaries without a dictionary see no break between their letters and
    /// Latin ones. So a space goes between such a letter and a Latin letter or
    /// digit before matching; `origin` maps the searched text's offsets (and its
    /// end) back to the message's (nil when nothing was inserted).
    static func separatingUnspacedScripts(_ units: [UInt16]) -> ([UInt16], [Int]?) {
        func unspaced(_ unit: UInt16) -> Bool {
            (0x0E00...0x0EFF).contains(unit) || (0x1000...0x109F).contains(unit) || (0x1780...0x17FF).contains(unit)
        }
        func latin(_ unit: UInt16) -> Bool {
            unit < 0x80 && (unit | 0x20 >= 0x61 && unit | 0x20 <= 0x7A || unit >= 0x30 && unit <= 0x39)
        }
        guard units.contains(where: unspaced) else { return (units, nil) }
        var searched: [UInt16] = []
        var origin: [Int] = []
        searched.reserveCapacity(units.count + 8)
        for (i, unit) in units.enumerated() {
            if i > 0 && (unspaced(units[i - 1]) && latin(unit) || latin(units[i - 1]) && unspaced(unit)) {
                searched.append(0x20)
                origin.append(i)
            }
            searched.append(unit)
            origin.append(i)
        }
        origin.append(units.count)
        return (searched, origin)
    }
}

/// An invalid regular expression in an entity definition.
public struct EntityPatternError: Error, Sendable, CustomStringConvertible {
    public var pattern: String
    public var description: String { "'\(pattern)' is not a valid regular expression" }
}

/// An ICU regular expression compiled once and shared; each search works on
/// its own clone inside the C shim, so sharing across threads is safe.
private final class CompiledRegex: @unchecked Sendable {
    // Unchecked: the handle is never mutated after compilation; searches clone it.
    private let handle: UnsafeMutableRawPointer

    init?(_ pattern: String) {
        let units = Array(pattern.utf16)
        guard let handle = units.withUnsafeBufferPointer({ cicu_regex_compile($0.baseAddress, Int32($0.count), 0) })
        else {
            return nil
        }
        self.handle = handle
    }

    deinit { cicu_regex_free(handle) }

    /// Match ranges in UTF-16 offsets; at most 256 per message.
    func matches(_ units: [UInt16]) -> [Range<Int>] {
        let capacity: Int32 = 256
        var starts = [Int32](repeating: 0, count: Int(capacity))
        var ends = [Int32](repeating: 0, count: Int(capacity))
        var found: Int32 = 0
        _ = units.withUnsafeBufferPointer {
            cicu_regex_find_all(handle, $0.baseAddress, Int32($0.count), &starts, &ends, capacity, 20, &found)
        }
        return (0..<Int(found)).map { Int(starts[$0])..<Int(ends[$0]) }
    }
}
