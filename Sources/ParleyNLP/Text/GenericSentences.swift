internal import Foundation

/// Everyday sentences that are no customer-support request ("how tall is mount
/// everest", "i had a lovely walk in the park this morning"), used as
/// out-of-scope examples when a fallback threshold is fitted.
///
/// English only for now: `generic_out_of_scope_en.txt` in the module's
/// resources, 146 sentences written for Parley and dedicated to the public
/// domain (CC0 1.0), one a line, `#` starting a comment line.
public enum GenericSentences {
    /// The sentences for a BCP 47 language code; empty for languages without a set.
    public static func forLanguage(_ code: String) -> [String] {
        code.lowercased().hasPrefix("en") ? english : []
    }

    /// The English set, read from the resource once.
    public static let english: [String] = {
        guard
            let url = Bundle.module.url(
                forResource: "generic_out_of_scope_en", withExtension: "txt", subdirectory: "Resources"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            fatalError(
                "ParleyNLP's generic_out_of_scope_en.txt is missing: ship Parley_ParleyNLP.resources beside the binary")
        }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }()
}
