import ArgumentParser
import Foundation
import ParleyBot
import ParleyNLP

/// `parley-bench stem`: stemming throughput on one core.
struct StemBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stem",
        abstract: "Stem a word list repeatedly on one core and report words per second."
    )

    @Option(help: "A file with one word per line (e.g. the Snowball vocabulary).")
    var words: String

    @Option(help: "Minimum seconds to run.")
    var seconds = 2.0

    /// Runs `body` over the words for at least `seconds`; the words done and the time taken.
    func measure(words: [String], clock: ContinuousClock, _ body: (String) -> Void) -> (Int, Double) {
        var done = 0
        let started = clock.now
        while (clock.now - started).seconds < seconds {
            for word in words { body(word) }
            done += words.count
        }
        return (done, (clock.now - started).seconds)
    }

    func run() throws {
        let list = try MessageFile.lines(at: words)
        guard !list.isEmpty else { throw ValidationError("\(words) holds no words") }
        let stemmer = EnglishStemmer()
        let clock = ContinuousClock()
        var checksum = 0
        let (stemmed, elapsed) = measure(words: list, clock: clock) { checksum &+= stemmer.stem($0).utf8.count }
        // The same run's reference: lower-casing each word, a String operation of similar size,
        // so that the ratio holds on a machine of any speed.
        let (lowered, referenceElapsed) = measure(words: list, clock: clock) { checksum &+= $0.lowercased().utf8.count }
        let wordsPerSecond = Double(stemmed) / elapsed
        let referencePerSecond = Double(lowered) / referenceElapsed
        try printJSON([
            "benchmark": .string("stem"),
            "words": .int(stemmed),
            "seconds": .double(elapsed),
            "words_per_s": .double(wordsPerSecond),
            "reference_lowercased_words_per_s": .double(referencePerSecond),
            "ratio_to_reference": .double(wordsPerSecond / referencePerSecond),
            "checksum": .int(checksum),
        ])
    }
}
