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
