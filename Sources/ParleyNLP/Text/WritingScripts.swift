/// Which writing systems a language uses and a message is written in, so a bot
/// can tell a message it cannot read ("where is my order" to a Chinese bot,
/// "我的订单在哪" to an English one) from one it merely did not understand.
public enum WritingScripts {
    /// A writing system of letters.
    enum Script: Hashable {
        case latin, han, kana, hangul, cyrillic, greek, arabic, hebrew, thai, devanagari, other
    }

    /// The script of a letter; nil for digits, punctuation, symbols and emoji.
    static func script(of scalar: Unicode.Scalar) -> Script? {
        let value = scalar.value
        if scalar.isASCIILetter { return .latin }
        guard value >= 0x80, scalar.properties.isAlphabetic else { return nil }
        switch value {
        case 0x00C0...0x024F, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return .latin
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return .kana
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: return .hangul
        case 0x0400...0x04FF: return .cyrillic
        case 0x0370...0x03FF: return .greek
        case 0x0600...0x06FF, 0x0750...0x077F: return .arabic
        case 0x0590...0x05FF: return .hebrew
        case 0x0E00...0x0E7F: return .thai
        case 0x0900...0x097F: return .devanagari
        default: return ChineseScript.isHan(scalar) || value == 0x3007 ? .han : .other
        }
    }

    /// Languages written in the Latin alphabet (ISO 639-1).
    static let latinLanguages: Set<String> = [
        "en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "nb", "nn", "fi", "is", "pl", "cs", "sk", "sl",
        "hr", "bs", "ro", "hu", "tr", "id", "ms", "vi", "tl", "sw", "et", "lv", "lt", "ca", "eu", "gl", "ga", "cy",
        "sq", "af", "az", "uz", "mt", "eo", "la",
    ]

    /// The scripts `language` (BCP 47) is written in, or nil when Parley does not know them.
    static func scripts(of language: String) -> Set<Script>? {
        let code = String(language.lowercased().prefix { $0.isLetter })
        switch code {
        case "zh": return [.han]
        case "ja": return [.han, .kana]
        case "ko": return [.hangul, .han]
        case "ru", "uk", "bg", "sr", "mk", "be", "kk", "mn": return [.cyrillic]
        case "el": return [.greek]
        case "ar", "fa", "ur", "ps": return [.arabic]
        case "he", "yi": return [.hebrew]
        case "th": return [.thai]
        case "hi", "mr", "ne": return [.devanagari]
        default: return latinLanguages.contains(code) ? [.latin] : nil
        }
    }

    /// Whether `text` has at least two letters and none in a script `language` is
    /// written in. False for a language Parley knows no script of, and for a
    /// message without letters (digits, emoji, an order number's "A" alone).
    public static func isInAnotherScript(_ text: String, language: String) -> Bool {
        guard let own = scripts(of: language) else { return false }
        var letters = 0
        for scalar in text.unicodeScalars {
            guard let script = script(of: scalar) else { continue }
            if own.contains(script) { return false }
            letters += 1
        }
        return letters >= 2
    }
}
