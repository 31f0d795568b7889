internal import Foundation
internal import Mustache

/// One reply variant: a Mustache template with the names it refers to.
///
/// Templates render as plain text (no HTML escaping: the clients show text,
/// never markup). A name with no value renders a readable default such as
/// "your order id", never `{{order_id}}`; a name used as a section
/// (`{{#customer.name}}, {{customer.name}}{{/customer.name}}`) renders its
/// section only when it has a value, so a reply can leave an unknown name out.
/// An action's answer is `result` (`{{result.status}}`, lists as sections:
/// `{{#result.items}}{{name}}{{/result.items}}`); a field the answer lacks
/// renders "unknown".
public struct ResponseTemplate: Sendable {
    /// The template as the trainer wrote it.
    public let source: String
    public let location: SourceLocation
    /// Every name the template refers to, e.g. `order_id`, `customer.name`,
    /// `result.status` (not the names inside a section over a list of `result`,
    /// which are the list items' own).
    public let variables: [String]
    /// The names used only as values, never as a section: they get a default when they have no value.
    private let valueNames: [String]
    private let template: MustacheTemplate
    /// The rendered text of a template that names nothing: it is the same every time.
    private let constantText: String?

    /// Put before every template: render as text, without HTML escaping.
    static let header = "{{% CONTENT_TYPE: TEXT}}"

    /// Compiles `source`; a template that does not compile is a `file:line` issue.
    public init(_ source: String, location: SourceLocation) throws(ValidationIssue) {
        do {
            template = try MustacheTemplate(string: Self.header + source)
        } catch {
            throw ValidationIssue(location, "reply \"\(source)\" cannot be used: \(Self.describe(error, in: source))")
        }
        self.source = source
        self.location = location
        let tags = Self.tags(in: source)
        variables = tags.names
        valueNames = tags.names.filter { !tags.sections.contains($0) }
        constantText = variables.isEmpty ? Self.collapsingSpaces(template.render([String: Any]())) : nil
    }

    /// Whether the template names the answer of an action (`{{result.…}}`).
    public var usesResult: Bool { variables.contains { $0 == "result" || $0.hasPrefix("result.") } }

    /// The text for `values` (names → text; dotted names such as `customer.name` as written)
    /// and an action's answer `result`.
    public func render(_ values: [String: String], result: JSONValue? = nil) -> String {
        if let constantText { return constantText }
        var context: [String: Any] = [:]
        if let result { context["result"] = result.mustache ?? [String: Any]() }
        for name in variables where name != "result" && !name.hasPrefix("result.") {
            guard let value = values[name] ?? (valueNames.contains(name) ? Self.defaultText(for: name) : nil)
            else { continue }
            Self.set(value, at: name.split(separator: ".").map(String.init), in: &context)
        }
        for name in valueNames where name.hasPrefix("result.") {
            let path = name.split(separator: ".").map(String.init)
            if Self.lookUp(path, in: context) == nil { Self.set("unknown", at: path, in: &context) }
        }
        return Self.collapsingSpaces(template.render(context))
    }

    /// `value` at `path` in nested dictionaries, making the levels that are missing.
    private static func set(_ value: Any, at path: [String], in context: inout [String: Any]) {
        guard let first = path.first else { return }
        if path.count == 1 {
            context[first] = value
            return
        }
        var nested = context[first] as? [String: Any] ?? [:]
        set(value, at: Array(path.dropFirst()), in: &nested)
        context[first] = nested
    }

    private static func lookUp(_ path: [String], in context: [String: Any]) -> Any? {
        var current: Any = context
        for part in path {
            guard let level = current as? [String: Any], let next = level[part] else { return nil }
            current = next
        }
        return current
    }

    /// `text` without the double spaces an empty section may leave, nor a space before punctuation.
    private static func collapsingSpaces(_ text: String) -> String {
        var joined = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        for mark in [" ,", " .", " !", " ?"] where joined.contains(mark) {
            joined = joined.replacingOccurrences(of: mark, with: String(mark.dropFirst()))
        }
        return joined
    }

    /// What a name renders as when nothing fills it: "your order id", "there" for a name.
    static func defaultText(for name: String) -> String {
        switch name {
        case "customer.name": return "there"
        case "customer.email", "email": return "your email address"
        case "customer.phone", "phone": return "your phone number"
        default:
            let last = name.split(separator: ".").last.map(String.init) ?? name
            return "your " + last.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// The names in `{{name}}`, `{{{name}}}`, `{{&name}}`, `{{#name}}` and `{{^name}}` tags.
    static func names(in source: String) -> [String] {
        tags(in: source).names
    }

    /// The names the template refers to, outside sections over `result` lists,
    /// and those of them used as sections (`#`, `^`).
    static func tags(in source: String) -> (names: [String], sections: Set<String>) {
        var names: [String] = []
        var sections: Set<String> = []
        /// Open sections: whether each one's items are an answer's own (inside a `result` section).
        var open: [(name: String, scoped: Bool)] = []
        var rest = Substring(source)
        while let start = rest.range(of: "{{") {
            rest = rest[start.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            var tag = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if rest.hasPrefix("}") { rest = rest.dropFirst() }
            guard let sigil = tag.first else { continue }
            if "!>%=<$".contains(sigil) { continue }
            let scoped = open.last?.scoped ?? false
            if sigil == "/" {
                let name = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)
                if let index = open.lastIndex(where: { $0.name == name }) { open.removeSubrange(index...) }
                continue
            }
            if "#^&{".contains(sigil) { tag = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces) }
            if tag.hasSuffix("}") { tag = String(tag.dropLast()).trimmingCharacters(in: .whitespaces) }
            guard !tag.isEmpty, tag != "." else { continue }
            if sigil == "#" || sigil == "^" {
                open.append((tag, scoped || tag == "result" || tag.hasPrefix("result.")))
                if !scoped { sections.insert(tag) }
            }
            if !scoped && !names.contains(tag) { names.append(tag) }
        }
        return (names, sections)
    }

    /// What is wrong with `source`, which did not compile: `TemplateProblem`'s
    /// words, else the parser's error at its column in `source`.
    static func describe(_ error: any Error, in source: String) -> String {
        if let problem = TemplateProblem.describe(source) { return problem }
        if let parserError = error as? MustacheTemplate.ParserError {
            let column = parserError.context.columnNumber - Self.header.count
            return "the template is not valid Mustache (\(parserError.error) at character \(max(1, column)))"
        }
        return "\(error)"
    }
}
