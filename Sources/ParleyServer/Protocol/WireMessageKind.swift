/// The `type` of a message or event on the wire: an enum of the kinds one
/// direction of one protocol knows, whose raw values are the JSON `type`s.
public protocol WireMessageKind: RawRepresentable, CaseIterable, Sendable where RawValue == String {}

extension WireMessageKind {
    /// Every kind's `type`, for error messages ("expected hello, message, …").
    static var expected: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }
}
