/// The characters people type for an apostrophe: ' ’ ‘ ʼ ′ ＇ ` ´ ‛ ‵ ʹ.
///
/// Keyboards, phones and word processors write "don't" with any of them, so
/// every rule that looks at apostrophes (contractions, negation, "o'clock")
/// first folds them to the ASCII one.
enum Apostrophes {
    /// Whether the UTF-16 unit or scalar value `value` is one of the apostrophes, the ASCII one included.
    @inline(__always) static func contains(_ value: UInt32) -> Bool {
        switch value {
        case 0x27, 0x60, 0xB4, 0x2B9, 0x2BC, 0x2018, 0x2019, 0x201B, 0x2032, 0x2035, 0xFF07: return true
        default: return false
        }
    }

    /// Whether `value` is an apostrophe other than the ASCII one.
    @inline(__always) static func isVariant(_ value: UInt32) -> Bool { value != 0x27 && contains(value) }

    /// `units` with every apostrophe written as the ASCII one, or nil when there is nothing to fold.
    static func folded(_ units: UnsafeBufferPointer<UInt16>) -> [UInt16]? {
        guard units.contains(where: { isVariant(UInt32($0)) }) else { return nil }
        return units.map { isVariant(UInt32($0)) ? 0x27 : $0 }
    }

    /// `text` with every apostrophe written as the ASCII one.
    static func folded(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isVariant($0.value) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(isVariant(scalar.value) ? "'" : scalar) }
        return String(result)
    }
}
