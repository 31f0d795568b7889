import ArgumentParser
import Foundation

/// Text for people or JSON for tools.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Prints `value` as one line of JSON with sorted keys and ISO 8601 dates.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    StandardOutput.line(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// Prints one line for people.
func printText(_ line: String) {
    StandardOutput.line(line)
}
