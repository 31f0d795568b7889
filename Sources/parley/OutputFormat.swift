import ArgumentParser
import Foundation
import ParleyServer

/// Text for people or JSON for tools.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Prints `value` as one line of JSON with sorted keys and ISO 8601 dates.
/// `JSONEncoder` escapes C0 control characters but writes DEL and C1
/// (U+0080–U+009F) as they are; they are escaped here (`\u009b`): the same
/// JSON, which a terminal shows rather than obeys.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    let json = String(decoding: try encoder.encode(value), as: UTF8.self)
    guard json.unicodeScalars.contains(where: { (0x7F...0x9F).contains($0.value) }) else {
        return StandardOutput.line(json)
    }
    var escaped = String.UnicodeScalarView()
    for scalar in json.unicodeScalars {
        if (0x7F...0x9F).contains(scalar.value) {
            escaped.append(contentsOf: "\\u00\(String(scalar.value, radix: 16))".unicodeScalars)
        } else {
            escaped.append(scalar)
        }
    }
    StandardOutput.line(String(escaped))
}

/// Prints one line for people. Stored text may hold control characters
/// (stored before they were refused); they are shown as code points
/// (`ControlCharacters.visible`), never obeyed by the terminal.
func printText(_ line: String) {
    StandardOutput.line(ControlCharacters.visible(line))
}
