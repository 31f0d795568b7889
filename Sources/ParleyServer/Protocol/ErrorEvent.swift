/// An `error` event, to customers and agents alike: `code` and a readable `message`.
public struct ErrorEvent: Sendable, Hashable, Codable {
    public var code: ErrorCode
    public var message: String

    public init(code: ErrorCode, message: String) {
        self.code = code
        self.message = message
    }
}
