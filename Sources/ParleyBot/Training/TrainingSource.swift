internal import Foundation

/// Where labelled examples come from: an intents folder or a CSV file.
public enum TrainingSource {
    /// The examples at `path`: an intents folder, or a CSV with `text` and
    /// `intent`/`category`/`label` columns.
    public static func examples(at path: String) throws(TrainingDataError) -> [LabeledExample] {
        try load(at: path).examples
    }

    /// The examples at `path` and the trainers' entity definitions (an
    /// intents folder has them; a CSV file has none), read once.
    public static func load(at path: String) throws(TrainingDataError) -> (
        examples: [LabeledExample], entities: [EntityDefinition]
    ) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file or folder")
        }
        if isDirectory.boolValue {
            let data = try IntentFiles.load(folder: path)
            return (data.examples, data.entities)
        }
        return (try CSVExamples.load(path: path), [])
    }
}
