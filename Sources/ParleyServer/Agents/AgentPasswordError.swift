/// A password that cannot be an agent's.
public enum AgentPasswordError: Error, Sendable, Hashable, CustomStringConvertible {
    case tooShort(minimum: Int)

    public var description: String {
        switch self {
        case .tooShort(let minimum): "the password must have at least \(minimum) characters"
        }
    }
}
