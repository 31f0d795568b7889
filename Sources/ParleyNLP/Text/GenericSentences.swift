internal import Foundation

/// Everyday sentences that are no customer-support request ("how tall is mount
/// everest", "i had a lovely walk in the park this morning", "明天会下雨吗"), used as
/// out-of-scope examples when a fallback threshold is fitted.
///
/// English and Chinese: `generic_out_of_scope_en.txt` (146 sentences) and
/// `generic_out_of_scope_zh.txt` (155) in the module's resources, written for
/// Parley and dedicated to the public domain (CC0 1.0), one a line, `#` starting
/// a comment line.
public enum GenericSentences {
    /// The sentences for a BCP 47 language code; empty for languages without a set.
    public static func forLanguage(_ code: String) -> [String] {
        let code = code.lowercased()
        return code.hasPrefix("en") ? english : code.hasPrefix("zh") ? chinese : []
    }

    /// The English set, read from the resource once.
    public static let english = read("generic_out_of_scope_en")

    /// The Chinese set, read from the resource once.
    public static let chinese = read("generic_out_of_scope_zh")

    private static func read(_ name: String) -> [String] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            fatalError("ParleyNLP's \(name).txt is missing: ship Parley_ParleyNLP.resources beside the binary")
        }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
