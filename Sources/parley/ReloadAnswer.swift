import AsyncHTTPClient
import Foundation
import NIOCore

/// Why `parley reload` got no reload result from the server.
enum ReloadAnswer: Error, CustomStringConvertible {
    /// No answer at all (not running, wrong address).
    case unreachable(server: String, error: any Error)
    /// An answer that is no reload result: the server's own error (a token that may not reload).
    case notAResult(String)

    var description: String {
        switch self {
        case .unreachable(let server, let error): "could not reach the server at \(server): " + Self.reason(error)
        case .notAResult(let body): "the server refused: " + Self.message(body)
        }
    }

    /// What went wrong on the way, in words a trainer can act on.
    private static func reason(_ error: any Error) -> String {
        if let error = error as? IOError, error.errnoCode == ECONNREFUSED {
            return "nothing is listening there (is `parley serve` running, and is --server its HTTP address?)"
        }
        if let error = error as? HTTPClientError, error == .connectTimeout || error == .deadlineExceeded {
            return "it did not answer in time"
        }
        return "\(error)"
    }

    /// The message of the server's JSON error (`{"error":{"message":…}}`), or the body as it came.
    private static func message(_ body: String) -> String {
        let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return ((object?["error"] as? [String: Any])?["message"] as? String) ?? body
    }
}
