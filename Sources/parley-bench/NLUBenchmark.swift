import ArgumentParser
import Foundation
import ParleyBot
import ParleyNLP

/// `parley-bench nlu`: training time and single-message analysis latency.
struct NLUBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nlu",
        abstract: "Train on a data set, then analyse messages one at a time as a server would."
    )

    @Option(help: "Training data: an intents folder or a text,intent CSV.")
    var train: String

    @Option(help: "Messages to analyse: a CSV with a text column, or one message per line.")
    var messages: String

    @Option(help: "Analyse the messages this many times.")
    var rounds = 3

    func run() throws {
        let examples = try TrainingSource.examples(at: train)
        let configuration = NLUConfiguration()
        let clock = ContinuousClock()
        let started = clock.now
        let classifier = configuration.train(examples)
        let trainSeconds = (clock.now - started).seconds
        let pipeline = Pipeline(preprocessor: configuration.preprocessor, classifier: classifier)
        let texts = try MessageFile.texts(at: messages)
        guard !texts.isEmpty else { throw ValidationError("\(messages) holds no messages") }
        for text in texts.prefix(200) { _ = pipeline.analyze(text) }
        var latencies: [Double] = []
        latencies.reserveCapacity(texts.count * rounds)
        let loopStarted = clock.now
        for _ in 0..<rounds {
            for text in texts {
                let start = clock.now
                let analysis = pipeline.analyze(text)
                latencies.append((clock.now - start).seconds * 1e6)
                precondition(analysis.intent != nil)
            }
        }
        let elapsed = (clock.now - loopStarted).seconds
        latencies.sort()
        try printJSON([
            "benchmark": .string("nlu"),
            "train_examples": .int(examples.count),
            "intents": .int(classifier.labels.count),
            "features": .int(classifier.vectorizer.dimension),
            "train_seconds": .double(trainSeconds),
            "messages": .int(latencies.count),
            "p50_us": .double(percentile(latencies, 0.50)),
            "p99_us": .double(percentile(latencies, 0.99)),
            "msgs_per_s": .double(Double(latencies.count) / elapsed),
        ])
    }
}
