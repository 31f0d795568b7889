internal import CSV
internal import Foundation

/// Reads labelled messages from a CSV file with a header row: a `text`
/// column and an `intent`, `category` or `label` column.
public enum CSVExamples {
    /// The label column names accepted, in order of preference.
    public static let labelColumns = ["intent", "category", "label"]

    public static func load(path: String) throws(TrainingDataError) -> [LabeledExample] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot read the file")
        }
        guard let contents = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "the file is not valid UTF-8")
        }
        return try parse(contents, path: path)
    }

    /// Just the `text` column of a CSV file (labels not needed).
    static func texts(path: String) throws(TrainingDataError) -> [String] {
        guard let data = FileManager.default.contents(atPath: path), let contents = String(data: data, encoding: .utf8)
        else { throw .unreadable(path: path, reason: "cannot read the file as UTF-8") }
        guard let reader = try? CSVReader(string: contents, hasHeaderRow: true),
            let column = reader.headerRow?.map({ $0.lowercased() }).firstIndex(of: "text")
        else { throw .unreadable(path: path, reason: "expected a CSV file with a 'text' column") }
        var texts: [String] = []
        while let row = reader.next() {
            if row.count > column && !row[column].isEmpty { texts.append(row[column]) }
        }
        return texts
    }

    public static func parse(_ contents: String, path: String) throws(TrainingDataError) -> [LabeledExample] {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: contents, hasHeaderRow: true)
        } catch {
            throw .unreadable(path: path, reason: "not a CSV file: \(error)")
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let textColumn = header.firstIndex(of: "text") else {
            throw .invalid([ValidationIssue(SourceLocation(file: path, line: 1), "no 'text' column in the header")])
        }
        guard let labelColumn = labelColumns.lazy.compactMap({ header.firstIndex(of: $0) }).first else {
            throw .invalid([
                ValidationIssue(
                    SourceLocation(file: path, line: 1), "no 'intent', 'category' or 'label' column in the header")
            ])
        }
        var examples: [LabeledExample] = []
        var issues: [ValidationIssue] = []
        var row = 1
        while let fields = reader.next() {
            row += 1
            let location = SourceLocation(file: path, line: row)
            if fields.count == 1 && fields[0].isEmpty { continue }
            guard fields.count > max(textColumn, labelColumn) else {
                issues.append(ValidationIssue(location, "expected \(header.count) columns, found \(fields.count)"))
                continue
            }
            let text = fields[textColumn].trimmingCharacters(in: .whitespacesAndNewlines)
            let label = fields[labelColumn].trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty {
                issues.append(ValidationIssue(location, "empty text"))
                continue
            }
            if label.isEmpty {
                issues.append(ValidationIssue(location, "empty label"))
                continue
            }
            examples.append(LabeledExample(text: text, intent: label, location: location))
        }
        if !issues.isEmpty { throw .invalid(issues) }
        return examples
    }
}
