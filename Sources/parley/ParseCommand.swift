import ArgumentParser
import Foundation
import ParleyBot
import ParleyNLP

/// `parley parse`: show what the pipeline makes of a message.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Analyse a message: tokens, stems and ranked intents.",
        discussion: """
            With no text, reads one message per line from standard input. With --format json, \
            writes one JSON object per message and line; offsets count Unicode code points, end exclusive.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var bot: BotOptions

    @Option(help: "Output format: text or json.")
    var format = Format.text

    @Argument(help: "The message to analyse.")
    var text: String?

    func run() throws {
        let pipeline: Pipeline
        do {
            let configuration = try bot.configuration()
            let (artifact, retrained) = try BotModel.load(
                IntentFiles.load(folder: bot.intents), modelPath: bot.model, configuration: configuration.nlu)
            if retrained { note("trained model \(artifact.metadata.version) from \(bot.intents) into \(bot.model)") }
            pipeline = try BotModel.pipeline(for: artifact, dateOrder: configuration.dateOrder)
        } catch {
            throw fail(error)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let text {
            try show(pipeline.analyze(text), encoder: encoder)
            return
        }
        var lineNumber = 0
        while let bytes = readRawLine() {
            lineNumber += 1
            guard let line = String(validating: bytes, as: UTF8.self) else {
                reportBadLine(lineNumber, "invalid UTF-8", encoder: encoder)
                continue
            }
            try show(pipeline.analyze(line), encoder: encoder)
        }
    }

    func show(_ analysis: Analysis, encoder: JSONEncoder) throws {
        switch format {
        case .json:
            print(String(decoding: try encoder.encode(analysis), as: UTF8.self))
        case .text:
            print(AnalysisText.render(analysis))
        }
    }

    func reportBadLine(_ line: Int, _ reason: String, encoder: JSONEncoder) {
        switch format {
        case .json: print(#"{"error":"\#(reason)","line":\#(line)}"#)
        case .text: note("line \(line): \(reason); skipped")
        }
    }
}

/// Reads one line of standard input as raw bytes (without the newline), so
/// invalid UTF-8 can be reported rather than silently replaced.
func readRawLine() -> [UInt8]? {
    var bytes: [UInt8] = []
    while true {
        let c = getchar()
        if c == EOF { return bytes.isEmpty ? nil : bytes }
        if c == 0x0A {
            if bytes.last == 0x0D { bytes.removeLast() }
            return bytes
        }
        bytes.append(UInt8(c))
    }
}
