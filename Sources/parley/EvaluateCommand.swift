import ArgumentParser
import Foundation
import ParleyBot

/// `parley evaluate`: how well the bot understands messages it has not seen.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure intent accuracy: cross-validation on --train alone, or --train then --test.",
        discussion: """
            --train and --test each take an intents folder or a CSV file with a text column and an \
            intent, category or label column. The fallback threshold is fitted on the training data only.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Training data: an intents folder or a CSV file.")
    var train: String

    @Option(help: "Test data: an intents folder or a CSV file. Without it, cross-validate on --train.")
    var test: String?

    @Option(help: "Number of folds for cross-validation.")
    var folds = 5

    @Option(name: .customLong("out-of-scope-label"), help: "The label of messages the bot should not answer.")
    var outOfScopeLabel = "out_of_scope"

    @Option(help: "Output format: text or json.")
    var format = Format.text

    func run() throws {
        var report: EvaluationReport
        do {
            let evaluator = Evaluator(outOfScopeLabel: outOfScopeLabel, folds: folds)
            let (training, definitions) = try TrainingSource.load(at: train)
            let entities = try EntityEvaluation(definitions: definitions)
            if let test {
                let testing = try TrainingSource.examples(at: test)
                report = try evaluator.evaluate(train: training, test: testing)
                report.entities = entities.scores(testing)
            } else {
                report = try evaluator.crossValidate(training)
                report.entities = entities.scores(training)
            }
        } catch {
            throw fail(error)
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .text:
            print(EvaluationText.render(report))
        }
    }
}
