internal import Foundation
internal import Mustache

/// One reply variant: a Mustache template with the names it refers to.
///
/// Templates render as plain text (no HTML escaping: the clients show text,
/// never markup). A name with no value renders a readable default such as
/// "your order id", never `{{order_id}}`.
public struct ResponseTemplate: Sendable {
    /// The template as the trainer wrote it.
    public let source: String
    public let location: SourceLocation
    /// Every name the template refers to, e.g. `order_id`, `customer.name`.
    public let variables: [String]
    private let template: MustacheTemplate
    /// The rendered text of a template that names nothing: it is the same every time.
    private let constantText: String?

    /// Compiles `source`; a template that does not compile is a `file:line` issue.
    public init(_ source: String, location: SourceLocation) throws(ValidationIssue) {
        do {
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + source)
        } catch {
            throw ValidationIssue(location, "template does not compile: \(Self.describe(error)) in \"\(source)\"")
        }
        self.source = source
        self.location = location
        variables = Self.names(in: source)
        constantText = variables.isEmpty ? Self.collapsingSpaces(template.render([String: Any]())) : nil
    }

    /// The text for `values` (names → text; dotted names such as `customer.name` as written).
    public func render(_ values: [String: String]) -> String {
        if let constantText { return constantText }
        var context: [String: Any] = [:]
        for name in variables {
            let value = values[name] ?? Self.defaultText(for: name)
            let parts = name.split(separator: ".").map(String.init)
            if parts.count == 1 {
                context[name] = value
            } else {
                var nested = context[parts[0]] as? [String: Any] ?? [:]
                nested[parts[1...].joined(separator: ".")] = value
                context[parts[0]] = nested
            }
        }
        return Self.collapsingSpaces(template.render(context))
    }

    /// `text` without the double spaces an empty section may leave.
    private static func collapsingSpaces(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
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
        var names: [String] = []
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            var tag = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if rest.hasPrefix("}") { rest = rest.dropFirst() }
            guard let sigil = tag.first else { continue }
            if "!/>%=<$".contains(sigil) { continue }
            if "#^&{".contains(sigil) { tag = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces) }
            if tag.hasSuffix("}") { tag = String(tag.dropLast()).trimmingCharacters(in: .whitespaces) }
            if !tag.isEmpty && tag != "." && !names.contains(tag) { names.append(tag) }
        }
        return names
    }

    static func describe(_ error: any Error) -> String {
        if let parserError = error as? MustacheTemplate.ParserError {
            return "\(parserError.error) at column \(parserError.context.columnNumber)"
        }
        return "\(error)"
    }
}
