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
            intent, category or label column. The fallback threshold is fitted on the training data only, \
            from out-of-fold predictions, as `fallback_threshold: auto` fits it. --hold-out-intents 0.25 \
            drops a quarter of the intents (chosen by --seed) from training and labels their test \
            messages out of scope, to measure out-of-scope detection on a data set without any.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Training data: an intents folder or a CSV file.")
    var train: String

    @Option(help: "Test data: an intents folder or a CSV file. Without it, cross-validate on --train.")
    var test: String?

    @Option(help: "A bot's settings file (bot.yml), for its language and stopwords; English without it.")
    var config: String?

    @Option(help: "Number of folds for cross-validation.")
    var folds = 5

    @Option(name: .customLong("out-of-scope-label"), help: "The label of messages the bot should not answer.")
    var outOfScopeLabel = "out_of_scope"

    @Option(
        name: .customLong("fallback-accuracy-loss"),
        help: "Points of in-scope accuracy the fitted fallback threshold may cost.")
    var accuracyLoss = 1.5

    @Option(
        name: .customLong("hold-out-intents"),
        help: "A fraction of the intents (0-1) to treat as out of scope: left out of training, relabelled in testing.")
    var holdOut: Double?

    @Option(help: "The seed that picks the held-out intents.")
    var seed: UInt64 = 17

    @Option(help: "Output format: text or json.")
    var format = Format.text

    @Option(help: "Also write the report as one self-contained HTML page (inline SVG charts, no scripts) to this file.")
    var html: String?

    func run() throws {
        var report: EvaluationReport
        if let holdOut, !(0..<1).contains(holdOut) {
            throw ValidationError("--hold-out-intents must be a fraction from 0 to less than 1, not \(holdOut)")
        }
        if holdOut != nil && test == nil {
            throw ValidationError("--hold-out-intents needs --test: the held-out intents are measured on the test set")
        }
        guard (0...100).contains(accuracyLoss) else {
            throw ValidationError("--fallback-accuracy-loss must be a number of points from 0 to 100")
        }
        do {
            let nlu = try config.map { try BotConfiguration.load(path: $0).nlu } ?? NLUConfiguration()
            let evaluator = Evaluator(
                configuration: nlu, outOfScopeLabel: outOfScopeLabel, folds: folds, accuracyLoss: accuracyLoss)
            var (training, definitions) = try TrainingSource.load(at: train)
            let entities = try EntityEvaluation(definitions: definitions, language: nlu.language)
            let holdout = holdOut.map { IntentHoldout(training, fraction: $0, seed: seed) }
            if let holdout { training = holdout.training(training) }
            if let test {
                var testing = try TrainingSource.examples(at: test)
                if let holdout { testing = holdout.testing(testing, outOfScopeLabel: outOfScopeLabel) }
                report = try evaluator.evaluate(train: training, test: testing)
                report.entities = entities.scores(testing)
            } else {
                report = try evaluator.crossValidate(training)
                report.entities = entities.scores(training)
            }
        } catch {
            throw fail(error)
        }
        if let html {
            do {
                try EvaluationPage.html(report, title: test.map { "\(train) → \($0)" } ?? train)
                    .write(toFile: html, atomically: true, encoding: .utf8)
            } catch {
                throw fail(error)
            }
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
