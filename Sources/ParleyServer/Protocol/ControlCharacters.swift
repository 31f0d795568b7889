/// Text a client may send holds no control character but tab, line feed and
/// carriage return: no C0 (U+0000–U+001F), no DEL (U+007F) and no C1
/// (U+0080–U+009F, NEL U+0085 among them). A NUL would cut the text short
/// wherever a C string is made of it (the store's reads, logs); the others are
/// orders to a terminal, not text: ESC (U+001B) and CSI (U+009B, which a
/// terminal reads as ESC `[`) start escape sequences that would recolour,
/// move, retitle or clear the terminal of the agent or trainer who reads the
/// text (`parley review`, `parley conversations show`, the line protocol's
/// agents). Such input is refused whole, never truncated. For text stored
/// before C1 was refused, whatever shows stored text at a terminal writes it
/// through `visible(_:)`.
public enum ControlCharacters {
    /// The first control character of `text` a client may not send, if any.
    static func first(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { isControl($0) && $0 != "\t" && $0 != "\n" && $0 != "\r" }
    }

    /// The first of `fields` (nil ones skipped) holding a control character a
    /// client may not send: the field's name, as given, and the character.
    static func first(in fields: [(name: String, text: String?)]) -> (field: String, character: Unicode.Scalar)? {
        for (name, text) in fields {
            if let text, let character = first(in: text) { return (name, character) }
        }
        return nil
    }

    /// A refusal's words for `field` holding `character`: `"text" must not contain control
    /// characters such as U+009B`; the caller says what became of the message.
    static func refusal(of field: String, holding character: Unicode.Scalar) -> String {
        "\"\(field)\" must not contain control characters such as \(name(character))"
    }

    /// How a refusal names the character: `U+0000`.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `text` for a terminal: every control character but tab and line feed
    /// (carriage return too, which would let text overwrite its own line)
    /// written as its code point in angle brackets, `<U+009B>`; the rest as it is.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && $0 != "\t" && $0 != "\n" }) else { return text }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) && scalar != "\t" && scalar != "\n" {
                shown.append(contentsOf: "<\(name(scalar))>".unicodeScalars)
            } else {
                shown.append(scalar)
            }
        }
        return String(shown)
    }

    /// C0, DEL or C1: Unicode's control characters (general category Cc).
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
