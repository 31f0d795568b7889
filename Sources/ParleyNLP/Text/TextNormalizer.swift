internal import CICU

/// NFKC normalisation with full Unicode case folding, through ICU.
///
/// ASCII text, the common case, is lower-cased in Swift without calling ICU.
/// Every apostrophe (’ ‘ ʼ ′ ＇ ` ´ …, see `Apostrophes`) becomes the ASCII
/// one first, so that "don’t" and "don't" are the same word.
public enum TextNormalizer {
    /// The NFKC_Casefold form of `text`.
    public static func normalize(_ text: String) -> String {
        let units = Array(text.utf16)
        return units.withUnsafeBufferPointer { normalize($0) }
    }

    static func normalize(_ units: UnsafeBufferPointer<UInt16>) -> String {
        if let folded = Apostrophes.folded(units) { return folded.withUnsafeBufferPointer { fold($0) } }
        return fold(units)
    }

    private static func fold(_ units: UnsafeBufferPointer<UInt16>) -> String {
        var ascii = true
        for unit in units where unit >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            return String(unsafeUninitializedCapacity: units.count) { bytes in
                for (i, unit) in units.enumerated() {
                    let byte = UInt8(unit)
                    bytes[i] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return units.count
            }
        }
        var capacity = units.count * 3 + 8
        while true {
            var output = [UInt16](repeating: 0, count: capacity)
            let length = Int(cicu_nfkc_casefold(units.baseAddress, Int32(units.count), &output, Int32(capacity)))
            if length < 0 {
                return String(decoding: units, as: UTF16.self)
            }
            if length <= capacity {
                return String(decoding: output[0..<length], as: UTF16.self)
            }
            capacity = length
        }
    }
}
