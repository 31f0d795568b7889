/// A server setting that cannot be used, and where it came from.
public enum ServerConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `source` is `file:line`, an environment variable or a flag.
    case invalid(source: String, problem: String)

    public var description: String {
        switch self {
        case .invalid(let source, let problem): "\(source): \(problem)"
        }
    }
}
