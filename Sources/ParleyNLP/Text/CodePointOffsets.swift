/// Converts UTF-16 offsets to Unicode code point offsets, the unit every
/// entity and token offset is reported in.
public enum CodePointOffsets {
    /// `result[i]` is the number of code points in `units[0..<i]`, for every `i` up to `units.count`.
    public static func of(_ units: some Collection<UInt16>) -> [Int] {
        var offsets = [Int](repeating: 0, count: units.count + 1)
        var count = 0
        for (i, unit) in units.enumerated() {
            offsets[i] = count
            if !UTF16.isTrailSurrogate(unit) { count += 1 }
        }
        offsets[units.count] = count
        return offsets
    }
}
