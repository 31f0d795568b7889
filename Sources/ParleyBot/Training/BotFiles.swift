internal import Foundation
internal import ParleyNLP

/// A bot's files read and validated together: the settings, the intents and
/// the responses, without training. What `parley validate` checks and what
/// every build of the bot starts from.
public struct BotFiles: Sendable {
    public let configuration: BotConfiguration
    public let data: BotTrainingData
    public let responses: BotResponses
    /// What YAML accepts but a person may not have meant, and advice such as
    /// too few examples for an intent; each `file:line: message`. Nothing stops for them.
    public let warnings: [ValidationIssue]

    /// Reads the files at `paths`. Every mistake in the settings, intents and
    /// responses is thrown at once (`TrainingDataError.invalid`, `file:line:
    /// message`); while the intents have mistakes, the responses are checked
    /// against the intents that read well.
    public static func read(_ paths: Bot.Paths) throws(TrainingDataError) -> BotFiles {
        var errors: [TrainingDataError] = []
        var configuration: BotConfiguration?
        var data: BotTrainingData?
        do {
            configuration = try BotConfiguration.load(path: paths.configuration)
        } catch {
            errors.append(error)
        }
        var partial: BotTrainingData?
        do {
            let (read, issues) = try IntentFiles.read(folder: paths.intents)
            partial = read
            if issues.isEmpty { data = read } else { errors.append(.invalid(issues)) }
        } catch {
            errors.append(error)
        }
        var responses: BotResponses?
        if let partial {
            do {
                responses = try ResponseFiles.load(
                    folder: paths.responses, intents: partial, actions: configuration.map { Set($0.actions.keys) },
                    intentsComplete: data != nil)
            } catch {
                errors.append(error)
            }
        }
        if errors.count == 1 { throw errors[0] }
        guard let configuration, let data, let responses, errors.isEmpty else {
            throw .invalid(errors.flatMap(\.issues))
        }
        return BotFiles(
            configuration: configuration, data: data, responses: responses,
            warnings: data.warnings + Self.tooFewExamples(data, minimum: configuration.minExamplesPerIntent)
                + Self.numbersAlone(data)
                + Self.examplesInAnotherScript(data, language: configuration.language, settings: paths.configuration))
    }

    /// One warning, at the first such example, when most examples are written in a script the
    /// bot's language does not use: a Chinese folder read with English settings (no `--config`,
    /// or a bot.yml without `language: zh`) trains a bot that answers Chinese with English rules
    /// and stopwords. It names the settings file the language came from (`settings`), or says
    /// that there was none.
    static func examplesInAnotherScript(_ data: BotTrainingData, language: String, settings: String)
        -> [ValidationIssue]
    {
        let elsewhere = data.examples.filter { WritingScripts.isInAnotherScript($0.text, language: language) }
        guard let first = elsewhere.first, elsewhere.count * 2 > data.examples.count else { return [] }
        let source =
            FileManager.default.fileExists(atPath: settings)
            ? "from \(settings)" : "the default: there is no \(settings)"
        return [
            ValidationIssue(
                first.location,
                "\(elsewhere.count) of \(data.examples.count) examples are written in a script that the bot's "
                    + "language '\(language)' (\(source)) does not use; set `language:` in the bot's settings "
                    + "(`language: zh` for Chinese) and pass that file with --config when it is not ./bot.yml")
        ]
    }

    /// An example that is only a number ("88", slang for bye-bye), at its line: the classifier
    /// reads every number as one feature, so any number sent alone (an order number without
    /// its letter) would read as that intent.
    static func numbersAlone(_ data: BotTrainingData) -> [ValidationIssue] {
        let tokenizer = Tokenizer()
        return data.examples.filter { example in
            let tokens = tokenizer.tokenize(example.text).filter { $0.kind != .punctuation }
            return !tokens.isEmpty && tokens.allSatisfy { $0.kind == .number }
        }.map {
            ValidationIssue(
                $0.location,
                "example '\($0.text)' of intent '\($0.intent)' is only a number: the classifier reads every number "
                    + "alike, so any number sent alone (an order number without its letter) would read as "
                    + "'\($0.intent)'; add a word to it or leave it out")
        }
    }

    /// An intent with fewer than `minimum` examples, at its name's line.
    static func tooFewExamples(_ data: BotTrainingData, minimum: Int) -> [ValidationIssue] {
        data.intents.filter { $0.examples.count < minimum }.map {
            ValidationIssue(
                $0.location,
                "intent '\($0.name)' has \($0.examples.count) example\($0.examples.count == 1 ? "" : "s"); "
                    + "min_examples_per_intent in bot.yml asks for \(minimum), so that it is told apart reliably")
        }
    }
}
