internal import Foundation

/// Where labelled examples come from: an intents folder or a CSV file.
public enum TrainingSource {
    /// The examples at `path`: an intents folder, or a CSV with `text` and
    /// `intent`/`category`/`label` columns.
    public static func examples(at path: String) throws(TrainingDataError) -> [LabeledExample] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file or folder")
        }
        if isDirectory.boolValue { return try IntentFiles.load(folder: path).examples }
        return try CSVExamples.load(path: path)
    }

    /// The trainers' entity definitions at `path`: those of an intents folder, none for a CSV file.
    public static func entityDefinitions(at path: String) throws(TrainingDataError) -> [EntityDefinition] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return []
        }
        return try IntentFiles.load(folder: path).entities
    }
}
