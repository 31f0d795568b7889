/// Parses entity annotations inside a training example:
/// `where is [A-10234](order_id)?` → text `where is A-10234?` with an
/// `order_id` annotation over `A-10234`.
///
/// A `[` that does not start a complete `[value](entity)` is kept as text.
public enum ExampleAnnotations {
    /// The plain text and its annotations, or a message saying what is wrong.
    public static func parse(_ example: String) -> Result<(text: String, entities: [EntityAnnotation]), AnnotationError>
    {
        let scalars = Array(example.unicodeScalars)
        var text = String.UnicodeScalarView()
        var entities: [EntityAnnotation] = []
        var length = 0
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "[", let close = scalars[(i + 1)...].firstIndex(of: "]"),
                close + 1 < scalars.count, scalars[close + 1] == "("
            else {
                text.append(scalars[i])
                length += 1
                i += 1
                continue
            }
            guard let end = scalars[(close + 2)...].firstIndex(of: ")") else {
                return .failure(
                    AnnotationError(
                        message:
                            "annotation '\(String(String.UnicodeScalarView(scalars[i...])))' is missing its closing ')'"
                    ))
            }
            let value = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
            let entity = String(String.UnicodeScalarView(scalars[(close + 2)..<end])).trimmingSpaces()
            guard !value.trimmingSpaces().isEmpty else {
                return .failure(AnnotationError(message: "annotation of '\(entity)' has no text between '[' and ']'"))
            }
            guard EntityName.isValid(entity) else {
                return .failure(
                    AnnotationError(
                        message: "'\(entity)' is not a valid entity name (use lower-case letters, digits and _)"))
            }
            let count = close - i - 1
            text.append(contentsOf: scalars[(i + 1)..<close])
            entities.append(EntityAnnotation(entity: entity, value: value, start: length, end: length + count))
            length += count
            i = end + 1
        }
        return .success((String(text), entities))
    }

    /// `text` with `entities` marked up, the inverse of `parse`: `where is A-10234?` with an
    /// `order_id` over 9..<16 → `where is [A-10234](order_id)?`. An entity whose offsets (Unicode
    /// code points) fall outside the text, do not hold its `value`, or overlap an earlier one is left out.
    public static func annotated(_ text: String, with entities: [EntityAnnotation]) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var next = 0
        for entity in entities.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            guard entity.start >= next, entity.start < entity.end, entity.end <= scalars.count,
                String(String.UnicodeScalarView(scalars[entity.start..<entity.end])) == entity.value
            else { continue }
            result.append(contentsOf: scalars[next..<entity.start])
            result.append(contentsOf: "[\(entity.value)](\(entity.entity))".unicodeScalars)
            next = entity.end
        }
        result.append(contentsOf: scalars[next...])
        return String(result)
    }

    /// The example's text without its annotations; the example itself when they are malformed.
    public static func plainText(_ example: String) -> String {
        (try? parse(example).get().text) ?? example
    }

    /// A malformed annotation.
    public struct AnnotationError: Error, Sendable {
        public var message: String
    }
}

/// The rules for intent and entity names: lower-case letters, digits and `_`,
/// starting with a letter, so they work as template variables and metric labels.
enum EntityName {
    static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
