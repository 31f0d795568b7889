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
}
