internal import Foundation

/// Reads customer messages for benchmarks and batch tools: a CSV with a
/// `text` column, or plain text with one message per line.
public enum MessageFile {
    public static func texts(at path: String) throws(TrainingDataError) -> [String] {
        if path.lowercased().hasSuffix(".csv") {
            return try CSVExamples.texts(path: path)
        }
        return try lines(at: path).filter { !$0.trimmingSpaces().isEmpty }
    }

    /// The lines of a UTF-8 text file.
    public static func lines(at path: String) throws(TrainingDataError) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "the file is not valid UTF-8")
        }
        return text.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
    }
}
