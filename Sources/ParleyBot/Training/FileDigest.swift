internal import Crypto
internal import Foundation

/// SHA-256 over a folder's files, names and contents: what a model or a set
/// of responses records as its version.
struct FileDigest {
    private var hasher = SHA256()

    /// Adds one file: its name relative to the folder, then its bytes.
    mutating func add(file: String, contents: Data) {
        hasher.update(data: Data(file.utf8))
        hasher.update(data: Data([0]))
        hasher.update(data: contents)
    }

    /// The digest in lower-case hexadecimal.
    func hex() -> String {
        hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
