import ArgumentParser
import ParleyBot

/// `parley import`: turn a labelled CSV into intent files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a CSV of text and intent (or category, label) columns into intent files, one per intent."
    )

    @Argument(help: "The CSV file.")
    var csv: String

    @Option(help: "The folder to write intent files into.")
    var output = "intents"

    @Flag(help: "Overwrite intent files that already exist.")
    var force = false

    func run() throws {
        do {
            let examples = try CSVExamples.load(path: csv)
            let paths = try IntentImporter.write(examples, to: output, overwrite: force)
            print("Imported \(examples.count) examples into \(paths.count) intent files in \(output)")
        } catch {
            throw fail(error)
        }
    }
}
