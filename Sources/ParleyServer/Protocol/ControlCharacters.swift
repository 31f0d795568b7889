/// Text a client may send holds no C0 control character but tab, line feed
/// and carriage return, and no DEL: a NUL would cut the text short wherever a
/// C string is made of it (the store's reads, logs), and the others hide text
/// in terminals and exports. Such input is refused whole, never truncated.
enum ControlCharacters {
    /// The first control character of `text` a client may not send, if any.
    static func first(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
        }
    }

    /// The first of `fields` (nil ones skipped) holding a control character a client may not send.
    static func first(in fields: [String?]) -> Unicode.Scalar? {
        fields.lazy.compactMap { $0.flatMap(first(in:)) }.first
    }

    /// How a refusal names the character: `U+0000`.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
