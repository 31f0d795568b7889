/// The `type` of a message or event on the wire: an enum of the kinds one
/// direction of one protocol knows, whose raw values are the JSON `type`s.
public protocol WireMessageKind: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    /// What a message of this kind must carry, as its `invalid_message` error says.
    var requirement: String { get }
}

extension WireMessageKind {
    public var requirement: String {
        "\"\(rawValue)\" is missing a field or has one of the wrong kind; see docs/PROTOCOL.md"
    }

    /// Every kind's `type`, for error messages ("expected hello, message, …").
    static var expected: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }
}
