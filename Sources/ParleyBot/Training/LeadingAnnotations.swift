internal import Foundation

/// Lets an example start with an entity annotation unquoted: `- [A-10234](order_id) where is it`
/// reads to YAML as a list (`[A-10234]`) followed by text, a syntax error, so
/// before parsing such a list item is put in double quotes (a comment after
/// ` #` stays outside them). Lines keep their numbers; nothing else changes.
enum LeadingAnnotations {
    /// `text` with every list item that starts with `[text](name)` quoted.
    static func quoted(_ text: String) -> String {
        guard text.contains("- [") else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for index in lines.indices {
            let line = lines[index]
            let indentation = line.prefix { $0 == " " }
            let body = line.dropFirst(indentation.count)
            guard body.hasPrefix("- ["), Self.startsWithAnnotation(body.dropFirst(2)) else { continue }
            var item = body.dropFirst(2)
            var comment = ""
            if let hash = item.range(of: " #") {
                comment = String(item[hash.lowerBound...])
                item = item[..<hash.lowerBound]
            }
            while item.last == " " { item = item.dropLast() }
            let escaped = item.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            lines[index] = indentation + "- \"" + escaped + "\"" + comment
        }
        return lines.joined(separator: "\n")
    }

    /// Whether `text` starts with `[…](name)`, name in lower-case letters, digits and `_`.
    private static func startsWithAnnotation(_ text: Substring) -> Bool {
        guard text.hasPrefix("["), let close = text.range(of: "](") else { return false }
        let rest = text[close.upperBound...]
        guard let end = rest.firstIndex(of: ")") else { return false }
        let name = rest[..<end]
        return !name.isEmpty && name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }
    }
}
