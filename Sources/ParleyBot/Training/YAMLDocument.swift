internal import Foundation
internal import Yams

/// Reading one trainer's YAML file with `file:line` errors: the helpers the
/// intents, responses and settings readers share.
struct YAMLDocument {
    let file: String
    private(set) var issues: [ValidationIssue] = []

    init(file: String) {
        self.file = file
    }

    /// The file's top node: nil, with an issue, when it cannot be read or parsed.
    mutating func root(of data: Data) -> Node? {
        guard let text = String(data: data, encoding: .utf8) else {
            issue(nil, "the file is not valid UTF-8")
            return nil
        }
        return root(of: text)
    }

    mutating func root(of text: String) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let line = Self.line(of: error)
            var message = "invalid YAML: \(Self.problem(of: error))"
            if let context = Self.unclosed(error), context.mark.line < Self.problemLine(of: error) {
                // An unclosed quote or bracket: libyaml gives up far below, the mistake is where it opened.
                message += " (\(context.text), which starts here; noticed on line \(Self.problemLine(of: error)))"
            }
            // A list item starting with '[' (on the line or the one before, where libyaml noticed) is a YAML list.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if let item = [line - 1, line - 2].filter(lines.indices.contains).first(where: {
                lines[$0].drop { $0 == " " }.hasPrefix("- [")
            }) {
                message +=
                    "; line \(item + 1) starts with '[', which YAML reads as a list: put the example in quotes, "
                    + "- \"[…] …\""
            }
            issues.append(ValidationIssue(SourceLocation(file: file, line: line), message))
        } catch {
            issue(nil, "invalid YAML: \(error)")
        }
        return nil
    }

    func line(_ node: Node?) -> Int { node?.mark?.line ?? 1 }

    func location(_ node: Node?) -> SourceLocation { SourceLocation(file: file, line: line(node)) }

    mutating func issue(_ node: Node?, _ message: String) {
        issues.append(ValidationIssue(location(node), message))
    }

    /// Reports keys of `mapping` that are not in `allowed`.
    mutating func checkKeys(_ mapping: Node.Mapping, allowed: Set<String>) {
        for (key, _) in mapping where !(key.scalar.map { allowed.contains($0.string) } ?? false) {
            issue(
                key, "unknown key '\(key.scalar?.string ?? "?")' (expected \(allowed.sorted().joined(separator: ", ")))"
            )
        }
    }

    /// A list of text items, or nil with an issue.
    mutating func strings(_ node: Node, what: String) -> [String]? {
        if let single = node.scalar?.string { return [single] }
        guard let sequence = node.sequence else {
            issue(node, "'\(what)' must be a list")
            return nil
        }
        var items: [String] = []
        for item in sequence {
            guard let text = item.scalar?.string else {
                issue(item, "each item of '\(what)' must be text")
                continue
            }
            items.append(text)
        }
        return items
    }

    /// The line to report: where an unclosed quote or bracket opened, else where libyaml stopped.
    static func line(of error: YamlError) -> Int {
        if let context = unclosed(error) { return min(context.mark.line, problemLine(of: error)) }
        return problemLine(of: error)
    }

    static func problemLine(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        case .duplicatedKeysInMapping(_, let context): context.mark.line
        default: 1
        }
    }

    /// The quoted text or `[…]`/`{…}` libyaml was reading when it failed ("while scanning a
    /// quoted scalar", "while parsing a flow sequence"), with where it began; nil for other errors,
    /// whose context (the enclosing block) says nothing of where the mistake is.
    static func unclosed(_ error: YamlError) -> YamlError.Context? {
        switch error {
        case .scanner(let context?, _, _, _), .parser(let context?, _, _, _), .composer(let context?, _, _, _):
            context.text.contains("quoted scalar") || context.text.contains("flow") ? context : nil
        default: nil
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        case .duplicatedKeysInMapping(let duplicates, _):
            "duplicated key \(duplicates.sorted().joined(separator: ", "))"
        default: "\(error)"
        }
    }
}
