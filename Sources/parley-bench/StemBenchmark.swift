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

    func run() throws {
        let list = try MessageFile.lines(at: words)
        guard !list.isEmpty else { throw ValidationError("\(words) holds no words") }
        let stemmer = EnglishStemmer()
        let clock = ContinuousClock()
        var stemmed = 0
        var checksum = 0
        let started = clock.now
        while (clock.now - started).seconds < seconds {
            for word in list { checksum &+= stemmer.stem(word).utf8.count }
            stemmed += list.count
        }
        let elapsed = (clock.now - started).seconds
        try printJSON([
            "benchmark": .string("stem"),
            "words": .int(stemmed),
            "seconds": .double(elapsed),
            "words_per_s": .double(Double(stemmed) / elapsed),
            "checksum": .int(checksum),
        ])
    }
}
