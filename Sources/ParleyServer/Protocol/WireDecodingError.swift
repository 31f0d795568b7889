/// Why a client's JSON is not a message of the protocol; each maps to the
/// `error` code the client is sent.
public enum WireDecodingError: Error, Sendable, Hashable {
    /// Not a JSON object with a string `type` (`invalid_json`).
    case notAMessage
    /// A `type` the protocol does not know (`unknown_type`).
    case unknownType(String)
    /// A known `type` whose fields are missing or of the wrong kind (`invalid_message`).
    case invalidFields(type: String)

    /// The error code sent to the client.
    public var code: ErrorCode {
        switch self {
        case .notAMessage: .invalidJSON
        case .unknownType: .unknownType
        case .invalidFields: .invalidMessage
        }
    }

    /// What the client reads: what was wrong, and what the protocol of `Kind` expects.
    func message<Kind: WireMessageKind>(expecting _: Kind.Type) -> String {
        switch self {
        case .notAMessage: "expected a JSON object with a \"type\" (\(Kind.expected))"
        case .unknownType(let type): "unknown type \"\(type)\"; expected \(Kind.expected)"
        case .invalidFields(let type): Kind(rawValue: type)?.requirement ?? "missing or invalid fields"
        }
    }
}
