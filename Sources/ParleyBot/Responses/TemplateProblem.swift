internal import Foundation

/// What is wrong with a reply template that does not compile, in a trainer's
/// words: a `{{` never closed, a section never closed, closed by another name
/// or closed without being opened. Read from the template's own text, since
/// the Mustache parser's errors name its internals ("unfinishedName") and count
/// columns from where it gave up.
enum TemplateProblem {
    /// The first problem of `source`; nil when none of these is found.
    static func describe(_ source: String) -> String? {
        var open: [String] = []
        var rest = Substring(source)
        while let start = rest.range(of: "{{") {
            let fromTag = rest[start.lowerBound...]
            let afterOpening = rest[start.upperBound...]
            guard let end = afterOpening.range(of: "}}") else { return unclosed(fromTag) }
            var tag = afterOpening[..<end.lowerBound]
            rest = afterOpening[end.upperBound...]
            // A triple mustache `{{{name}}}`: its last brace follows.
            if tag.hasPrefix("{"), rest.hasPrefix("}") { rest = rest.dropFirst() }
            if tag.contains("{{") { return unclosed(fromTag) }
            guard let kind = tag.first else { continue }
            tag = tag.dropFirst()
            let name = tag.trimmingCharacters(in: .whitespaces)
            switch kind {
            case "#", "^":
                open.append(name)
            case "/":
                guard let last = open.popLast() else {
                    return "'{{/\(name)}}' closes a section that was never opened with '{{#\(name)}}'"
                }
                if last != name {
                    return "'{{#\(last)}}' is closed by '{{/\(name)}}'; close it with '{{/\(last)}}'"
                }
            default:
                continue
            }
        }
        if let last = open.last {
            return "'{{#\(last)}}' is never closed: add '{{/\(last)}}' where the part shown only with a \(last) ends"
        }
        return nil
    }

    /// A tag starting `text` that has no `}}` of its own, named by its text up to the first space.
    private static func unclosed(_ text: Substring) -> String {
        let fragment = text.prefix(while: { !$0.isWhitespace }).prefix(30)
        return "'\(fragment)' is not closed: a name in a reply ends with '}}', as in '{{order_id}}'"
    }
}
