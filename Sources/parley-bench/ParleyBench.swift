import ArgumentParser

/// Benchmarks for Parley, each printing one JSON object.
@main
struct ParleyBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley-bench",
        abstract: "Measure Parley's speed; every benchmark prints one JSON object.",
        subcommands: [
            NLUBenchmark.self, StemBenchmark.self, DialogueBenchmark.self, StoreBenchmark.self,
            StoreQueriesBenchmark.self, ChatBenchmark.self, HandoverBenchmark.self, ActionsBenchmark.self,
            ReviewBenchmark.self, ReloadsBenchmark.self, EchoServerCommand.self,
        ]
    )
}
