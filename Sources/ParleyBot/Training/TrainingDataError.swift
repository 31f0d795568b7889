/// Why training data could not be used. Every problem is listed, so the
/// trainer can fix them all in one go; nothing is trained from invalid files.
public enum TrainingDataError: Error, Sendable, CustomStringConvertible {
    /// The files have mistakes, each with its place.
    case invalid([ValidationIssue])
    /// The path is neither an intents folder nor a CSV file.
    case unreadable(path: String, reason: String)

    /// Every problem, each with its place (an unreadable path counts as its line 1).
    public var issues: [ValidationIssue] {
        switch self {
        case .invalid(let issues): issues
        case .unreadable(let path, let reason): [ValidationIssue(SourceLocation(file: path, line: 1), reason)]
        }
    }

    public var description: String {
        switch self {
        case .invalid(let issues):
            let lines = issues.map(\.description)
            return lines.joined(separator: "\n")
                + "\n\(issues.count) problem\(issues.count == 1 ? "" : "s") found; nothing was trained."
        case .unreadable(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
