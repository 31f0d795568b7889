internal import Foundation

extension DecodingError {
    /// The 400 message for a request body `error` kept from being read.
    static func badBodyMessage(_ error: any Error) -> String {
        "the body is not of the documented shape: " + ((error as? DecodingError)?.explanation ?? "it is not JSON")
    }

    /// What was wrong with a request body, in the API's own words: the field
    /// as the wire names it (snake_case, `customer.email`, `message_ids[2]`)
    /// and what it must be, never Swift's type names or debug text.
    var explanation: String {
        switch self {
        case .keyNotFound(let key, let context):
            return "missing \(Self.field(context.codingPath + [key]))"
        case .valueNotFound(_, let context):
            return "\(Self.field(context.codingPath)) must not be null"
        case .typeMismatch(let type, let context):
            return "\(Self.field(context.codingPath)) must be \(Self.kind(type))"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "the body is not JSON"
        case .dataCorrupted(let context):
            return "\(Self.field(context.codingPath)) has a value that is not allowed"
        @unknown default:
            return "the body is not of the documented shape"
        }
    }

    /// `"customer.email"`: the path's keys as the wire names them (`WireCoding.snakeCase`), list positions in brackets.
    private static func field(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "the body" }
        var name = ""
        for key in path {
            if let index = key.intValue {
                name += "[\(index)]"
            } else {
                name += (name.isEmpty ? "" : ".") + WireCoding.snakeCase(key.stringValue)
            }
        }
        return "\"\(name)\""
    }

    /// The JSON kind a Swift type is read from.
    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is Substring.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type: "a whole number"
        case is Double.Type, is Float.Type: "a number"
        case is [Any].Type: "a list"
        default: "an object"
        }
    }
}
