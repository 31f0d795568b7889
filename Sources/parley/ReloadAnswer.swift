/// Why `parley reload` got no reload result from the server.
enum ReloadAnswer: Error, CustomStringConvertible {
    /// No answer at all (not running, wrong address).
    case unreachable(server: String, reason: String)
    /// An answer that is no reload result: the server's own error (a token that may not reload).
    case notAResult(String)

    var description: String {
        switch self {
        case .unreachable(let server, let reason): "could not reach the server at \(server): \(reason)"
        case .notAResult(let body): "the server refused: \(body)"
        }
    }
}
