import ArgumentParser
import Foundation
import ParleyBot
import ParleyNLP

/// `parley-bench dialogue`: what deciding a reply costs on top of the analysis.
struct DialogueBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dialogue",
        abstract: "Analyse messages, then decide and render the bot's reply, timing both.",
        discussion: """
            Each message starts a new conversation, so every decision runs the full policy. \
            decide_p50_us covers the dialogue policy and template rendering; analysis_p50_us the NLP pipeline.
            """
    )

    @Option(help: "The intents folder.")
    var intents = "intents"

    @Option(help: "The responses folder.")
    var responses = "responses"

    @Option(help: "The bot's settings file.")
    var config = "bot.yml"

    @Option(help: "Messages: a CSV with a text column, or one message per line. Default: the intents' own examples.")
    var messages: String?

    @Option(help: "Go through the messages this many times.")
    var rounds = 5

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (bot, _) = try Bot.load(
            Bot.Paths(
                intents: intents, responses: responses, configuration: config,
                model: folder.appendingPathComponent("model.parley").path))
        let texts =
            try messages.map { try MessageFile.texts(at: $0) } ?? IntentFiles.load(folder: intents).examples.map(\.text)
        guard !texts.isEmpty else { throw ValidationError("no messages to analyse") }
        let clock = ContinuousClock()
        let customer = CustomerProfile(name: "Ana")
        // Office hours would turn escalations into a different message; decide at a fixed time in them.
        let now = Date(timeIntervalSince1970: 1_764_064_800)
        let analyses = texts.map { bot.pipeline.analyze($0, reference: now) }
        var analysisTimes: [Double] = []
        var decideTimes: [Double] = []
        var actions: [String: Int] = [:]
        for _ in 0..<rounds {
            for (text, analysis) in zip(texts, analyses) {
                let start = clock.now
                _ = bot.pipeline.analyze(text, reference: now)
                let middle = clock.now
                var state = ConversationState(id: "bench")
                let decision = bot.policy.decide(analysis, state: &state, customer: customer, now: now)
                let end = clock.now
                analysisTimes.append((middle - start).seconds * 1e6)
                decideTimes.append((end - middle).seconds * 1e6)
                actions[decision.action.rawValue, default: 0] += 1
            }
        }
        analysisTimes.sort()
        decideTimes.sort()
        var report: [String: ReportValue] = [
            "benchmark": .string("dialogue"),
            "messages": .int(decideTimes.count),
            "analysis_p50_us": .double(percentile(analysisTimes, 0.50)),
            "decide_p50_us": .double(percentile(decideTimes, 0.50)),
            "decide_p99_us": .double(percentile(decideTimes, 0.99)),
        ]
        for (action, count) in actions { report["action_\(action)"] = .int(count) }
        try printJSON(report)
    }
}
