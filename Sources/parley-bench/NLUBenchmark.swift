import ArgumentParser
import Foundation
import ParleyBot
import ParleyNLP

/// `parley-bench nlu`: training time and single-message analysis latency.
struct NLUBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nlu",
        abstract: "Train on a data set, then analyse messages one at a time as a server would.",
        discussion: """
            p50_us and p99_us cover the whole analysis; intent_only_p50_us the tokenising, stemming and \
            classifying (spelling correction, and the parts of a message that is not confidently one \
            intent); entities_sentiment_p50_us what entity extraction and sentiment add to it. With a \
            bot.yml whose fallback threshold is fitted (auto), the classifier also gives its top intent's \
            in-scope score, as a server's does (in_scope_score: 1); the fit's fold trainings are not timed.
            """
    )

    @Option(help: "Training data: an intents folder or a text,intent CSV.")
    var train: String

    @Option(help: "Messages to analyse: a CSV with a text column, or one message per line.")
    var messages: String

    @Option(help: "Analyse the messages this many times.")
    var rounds = 3

    @Option(help: "The bot's settings (bot.yml): its language (language: zh for Chinese), stopwords and features.")
    var config: String?

    func run() throws {
        let examples = try TrainingSource.examples(at: train)
        let configuration = try config.map { try BotConfiguration.load(path: $0).nlu } ?? NLUConfiguration()
        let clock = ContinuousClock()
        let started = clock.now
        let trained = configuration.train(examples)
        let trainSeconds = (clock.now - started).seconds
        let scope = try configuration.fallbackAccuracyLoss.map { loss in
            try Evaluator(configuration: configuration, accuracyLoss: loss).fitThreshold(examples).scope
        }
        let classifier = trained.scored(by: scope)
        let pipeline = Pipeline(
            preprocessor: configuration.preprocessor, classifier: classifier,
            entityExtractor: EntityExtractor(language: configuration.language),
            sentimentAnalyzer: .forLanguage(configuration.language))
        let texts = try MessageFile.texts(at: messages)
        guard !texts.isEmpty else { throw ValidationError("\(messages) holds no messages") }
        for text in texts.prefix(200) { _ = pipeline.analyze(text) }
        var latencies: [Double] = []
        var intentLatencies: [Double] = []
        var extraLatencies: [Double] = []
        latencies.reserveCapacity(texts.count * rounds)
        let loopStarted = clock.now
        for _ in 0..<rounds {
            for text in texts {
                // Pipeline.analyze, step by step, so the cost of entities and sentiment shows on its own.
                let start = clock.now
                let preprocessed = pipeline.preprocessor.preprocess(text)
                let intents = pipeline.classify(preprocessed).intents
                let middle = clock.now
                let entities = pipeline.entityExtractor.extract(preprocessed)
                let sentiment = pipeline.sentimentAnalyzer.analyze(text)
                let end = clock.now
                latencies.append((end - start).seconds * 1e6)
                intentLatencies.append((middle - start).seconds * 1e6)
                extraLatencies.append((end - middle).seconds * 1e6)
                precondition(intents.count >= 0 && entities.count >= 0 && sentiment.score.isFinite)
            }
        }
        let elapsed = (clock.now - loopStarted).seconds
        latencies.sort()
        intentLatencies.sort()
        extraLatencies.sort()
        try printJSON([
            "benchmark": .string("nlu"),
            "train_examples": .int(examples.count),
            "intents": .int(classifier.labels.count),
            "features": .int(classifier.vectorizer.dimension),
            "train_seconds": .double(trainSeconds),
            "in_scope_score": .int(scope == nil ? 0 : 1),
            "messages": .int(latencies.count),
            "p50_us": .double(percentile(latencies, 0.50)),
            "p99_us": .double(percentile(latencies, 0.99)),
            "intent_only_p50_us": .double(percentile(intentLatencies, 0.50)),
            "entities_sentiment_p50_us": .double(percentile(extraLatencies, 0.50)),
            "entities_sentiment_p99_us": .double(percentile(extraLatencies, 0.99)),
            "msgs_per_s": .double(Double(latencies.count) / elapsed),
        ])
    }
}
