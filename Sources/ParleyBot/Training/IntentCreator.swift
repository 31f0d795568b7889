internal import Foundation

/// Creates a new intent from reviewed messages: `intents/NAME.yml` with its
/// name, description and examples, and `responses/NAME.yml` with its reply,
/// so that the next reload can put it live (every intent needs a reply). The
/// bot's files are read again afterwards and both files removed if they do
/// not validate: an error never leaves a file behind.
public struct IntentCreator: Sendable {
    public let paths: Bot.Paths

    public init(paths: Bot.Paths) {
        self.paths = paths
    }

    /// Why the intent was not created; no file was changed.
    public enum CreateError: Error, Sendable, CustomStringConvertible {
        case invalidName(String)
        case alreadyAnIntent(String, at: SourceLocation)
        case fileExists(String)
        case emptyText(field: String)
        case alreadyAnExample(String, intent: String, at: SourceLocation)
        case invalidAfterwards([ValidationIssue])

        public var description: String {
            switch self {
            case .invalidName(let name):
                "intent name '\(name)' must use lower-case letters, digits and _, starting with a letter; "
                    + "no file was changed"
            case .alreadyAnIntent(let name, let location):
                "there is already an intent '\(name)' at \(location): assign the messages to it instead; "
                    + "no file was changed"
            case .fileExists(let path):
                "\(path) exists already; no file was changed"
            case .emptyText(let field):
                "the \(field) must be one line of text; no file was changed"
            case .alreadyAnExample(let text, let intent, let location):
                "'\(text)' is already an example of '\(intent)' at \(location); no file was changed"
            case .invalidAfterwards(let issues):
                "the bot's files would not validate with this intent, so none was written:\n"
                    + issues.map(\.description).joined(separator: "\n")
            }
        }
    }

    /// Writes the intent `name` with `examples` (entities annotated or not;
    /// duplicates, by their text without annotations, once) and the
    /// response `reply` (a Mustache template); returns the two files written.
    public func create(name: String, description: String, reply: String, examples: [String]) throws -> (
        intentFile: String, responseFile: String
    ) {
        guard EntityName.isValid(name) else { throw CreateError.invalidName(name) }
        for (field, text) in [("description", description), ("reply", reply)] {
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty,
                !text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" })
            else {
                throw CreateError.emptyText(field: field)
            }
        }
        let data = try IntentFiles.load(folder: paths.intents)
        if let existing = data.intents.first(where: { $0.name == name }) {
            throw CreateError.alreadyAnIntent(name, at: existing.location)
        }
        let (examples, clash) = IntentFileEditor.newExamples(examples, in: data)
        guard !examples.isEmpty else { throw CreateError.emptyText(field: "example") }
        if let clash {
            throw CreateError.alreadyAnExample(clash.text, intent: clash.example.intent, at: clash.example.location)
        }
        let intentFile = (paths.intents as NSString).appendingPathComponent(name + ".yml")
        let responseFile = (paths.responses as NSString).appendingPathComponent(name + ".yml")
        for path in [intentFile, responseFile] where FileManager.default.fileExists(atPath: path) {
            throw CreateError.fileExists(path)
        }
        let intent =
            ([
                "intents:", "  - intent: \(name)", "    description: \(IntentFileEditor.yamlText(description))",
                "    examples:",
            ] + examples.map { "      - " + IntentFileEditor.yamlText($0) }).joined(separator: "\n")
            + "\n"
        let response = """
            responses:
              - intent: \(name)
                replies:
                  - \(IntentFileEditor.yamlText(reply))

            """
        try intent.write(toFile: intentFile, atomically: true, encoding: .utf8)
        do {
            try response.write(toFile: responseFile, atomically: true, encoding: .utf8)
            _ = try BotFiles.read(paths)
        } catch {
            try? FileManager.default.removeItem(atPath: intentFile)
            try? FileManager.default.removeItem(atPath: responseFile)
            throw (error as? TrainingDataError).map { CreateError.invalidAfterwards($0.issues) } ?? error
        }
        return (intentFile, responseFile)
    }
}
