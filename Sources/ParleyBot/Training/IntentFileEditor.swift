internal import Foundation

/// Adds examples to an intent in the trainers' `intents/` folder the way a
/// person would: each as a new `- ` line after the intent's last example,
/// indented like it, quoted only when YAML needs it; every other line of the
/// file (comments, order, blank lines) stays as it was. The folder is read
/// again afterwards, and the file is put back as it was if it does not
/// validate: an error never leaves a file changed.
public struct IntentFileEditor: Sendable {
    /// The intents folder.
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// Why examples could not be added; no file was changed.
    public enum EditError: Error, Sendable, CustomStringConvertible {
        case unknownIntent(String, folder: String)
        case alreadyAnExample(String, intent: String, at: SourceLocation)
        /// The intent's examples are a `[…]` list on one line, or it has none to follow.
        case noListToExtend(String, at: SourceLocation)
        case invalidAfterwards([ValidationIssue])

        public var description: String {
            switch self {
            case .unknownIntent(let intent, let folder):
                "no intent '\(intent)' in \(folder) (deleted or renamed meanwhile?); no file was changed"
            case .alreadyAnExample(let text, let intent, let location):
                "'\(text)' is already an example of '\(intent)' at \(location); no file was changed"
            case .noListToExtend(let intent, let location):
                "the examples of '\(intent)' (\(location)) are not a list with one example per line starting with "
                    + "'- '; write them so, then add these; no file was changed"
            case .invalidAfterwards(let issues):
                "the file would not validate with these examples, so it was left as it was:\n"
                    + issues.map(\.description).joined(separator: "\n")
            }
        }
    }

    /// Appends `texts` (each one example, entities annotated or not; duplicates
    /// among them, and examples already in the files, by their text without
    /// annotations) to `intent`'s examples; returns the file changed and the lines added.
    public func append(_ texts: [String], to intent: String) throws -> (file: String, lines: [Int]) {
        let data = try IntentFiles.load(folder: folder)
        guard let definition = data.intents.first(where: { $0.name == intent }) else {
            throw EditError.unknownIntent(intent, folder: folder)
        }
        let (texts, clash) = Self.newExamples(texts, in: data)
        if let clash {
            throw EditError.alreadyAnExample(clash.text, intent: clash.example.intent, at: clash.example.location)
        }
        guard let last = definition.examples.last?.location else {
            throw EditError.noListToExtend(intent, at: definition.location)
        }
        let path = last.file
        let original = try String(contentsOfFile: path, encoding: .utf8)
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let lastLine = lines[last.line - 1]
        let indentation = String(lastLine.prefix { $0 == " " })
        guard lastLine.dropFirst(indentation.count).hasPrefix("- ") else {
            throw EditError.noListToExtend(intent, at: definition.location)
        }
        // After the last example and any lines that continue it (indented deeper).
        var insertAt = last.line
        while insertAt < lines.count, lines[insertAt].prefix(while: { $0 == " " }).count > indentation.count,
            !lines[insertAt].trimmingCharacters(in: .whitespaces).isEmpty
        {
            insertAt += 1
        }
        let added = texts.map { indentation + "- " + Self.yamlText($0) }
        lines.insert(contentsOf: added, at: insertAt)
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try IntentFiles.load(folder: folder)
        } catch {
            try original.write(toFile: path, atomically: true, encoding: .utf8)
            throw EditError.invalidAfterwards(error.issues)
        }
        return (path, Array((insertAt + 1)...(insertAt + added.count)))
    }

    /// `texts` trimmed, without empty ones and repeats (by their text without annotations), and
    /// the first of them `data` already has as an example, with that example.
    static func newExamples(_ texts: [String], in data: BotTrainingData) -> (
        texts: [String], clash: (text: String, example: LabeledExample)?
    ) {
        var seen = Set<String>()
        var clash: (text: String, example: LabeledExample)?
        var kept: [String] = []
        for text in texts.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !text.isEmpty {
            let plain = ExampleAnnotations.plainText(text)
            guard seen.insert(plain).inserted else { continue }
            kept.append(text)
            if clash == nil, let existing = data.examples.first(where: { $0.text == plain }) {
                clash = (text, existing)
            }
        }
        return (kept, clash)
    }

    /// `text` as a YAML list item's value: as it is when YAML reads it back
    /// the same, else in single quotes (a `'` doubled); in double quotes with
    /// YAML's escapes (YAML 1.2 §5.7) when it holds a character YAML cannot
    /// write as it is: outside YAML's printable set (§5.1: C0 and C1 controls
    /// but tab, line feed and carriage return, U+FFFE/U+FFFF), a line break
    /// (line feed, carriage return, U+0085, U+2028, U+2029), a tab or a byte-order mark.
    static func yamlText(_ text: String) -> String {
        if text.unicodeScalars.contains(where: needsEscape) { return doubleQuoted(text) }
        let special = ":#[]{},&*!|>'\"%@`"
        let plain =
            !text.contains(": ") && !text.contains(" #") && !text.hasSuffix(":")
            && !(text.first.map { special.contains($0) || $0 == "-" || $0 == "?" } ?? true)
            && text.trimmingCharacters(in: .whitespaces) == text
            && !["true", "false", "yes", "no", "null", "~", "on", "off"].contains(text.lowercased())
            && Double(text) == nil
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: false
        case 0xA0...0xD7FF, 0xE000...0xFFFD: scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029
        case 0x10000...0x10FFFF: false
        default: true
        }
    }

    /// `text` in double quotes, with every character `needsEscape` names, quotes and backslashes escaped.
    private static func doubleQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            case "\u{85}": quoted += "\\N"
            case "\u{2028}": quoted += "\\L"
            case "\u{2029}": quoted += "\\P"
            case _ where needsEscape(scalar):
                quoted += String(format: scalar.value <= 0xFF ? "\\x%02X" : "\\u%04X", scalar.value)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

}
