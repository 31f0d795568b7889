import ArgumentParser
import Foundation
import ParleyBot
import ParleyServer
import ParleyStore

/// `parley-bench review`: a page of the trainers' review inbox on a store with
/// many fallbacks, most of them one huge group.
struct ReviewBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Build a store of many fallbacks once, then time pages of the review inbox.",
        discussion: """
            Times ReviewInbox.page, the code behind GET /api/admin/review and parley review (the \
            store query, the known-examples filter over --intents, the grouping), for random pages \
            of 20 groups; then dismisses one message and times the next page. Nine fallbacks in ten are variants of one question (one huge group). The \
            store is kept at --path, so later runs skip the build.
            """
    )

    @Option(help: "The store file; built when missing.") var path = ".build-bench/review-100k.sqlite"
    @Option(help: "Fallback messages to build the store with.") var fallbacks = 100_000
    @Option(help: "Pages to time.") var pages = 300
    @Option(help: "The latest messages to review grouped per page (the route's default).") var window = 1000
    @Option(help: "The intents folder (messages already examples there are left out).") var intents = "intents"
    @Option(help: "The bot's settings (language, stopwords).") var config = "bot.yml"

    func run() async throws {
        let clock = ContinuousClock()
        var buildSeconds = 0.0
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let started = clock.now
            try await Self.build(path: path, fallbacks: fallbacks)
            buildSeconds = (clock.now - started).seconds
        }
        let inbox = ReviewInbox(
            store: try SQLiteCRMStore(path: path),
            paths: Bot.Paths(intents: intents, responses: "", configuration: config, model: ""),
            configuration: try BotConfiguration.load(path: config))
        var start = clock.now
        let first = try await inbox.page(1, limit: 20, lowConfidenceBelow: 0.6, window: window)
        let firstPage = (clock.now - start).seconds * 1000
        var times: [Double] = []
        for _ in 0..<pages {
            let page = Int.random(in: 1...max(1, (first.groupsTotal + 19) / 20))
            start = clock.now
            _ = try await inbox.page(page, limit: 20, lowConfidenceBelow: 0.6, window: window)
            times.append((clock.now - start).seconds * 1000)
        }
        times.sort()
        // A trainer's decision changes the inbox: the next page reads it again.
        if let id = first.groups.first?.messages.first?.id { _ = try await inbox.dismiss([id], by: "bench") }
        start = clock.now
        _ = try await inbox.page(1, limit: 20, lowConfidenceBelow: 0.6, window: window)
        let afterDecision = (clock.now - start).seconds * 1000
        try printJSON([
            "benchmark": .string("review"),
            "fallbacks": .int(fallbacks),
            "window": .int(window),
            "groups": .int(first.groupsTotal),
            "biggest_group": .int(first.groups.first?.count ?? 0),
            "build_seconds": .double(buildSeconds),
            "first_page_ms": .double(firstPage),
            "page_after_decision_ms": .double(afterDecision),
            "page_p50_ms": .double(percentile(times, 0.5)),
            "page_p99_ms": .double(percentile(times, 0.99)),
        ])
    }

    /// A thousand conversations of fallbacks: nine in ten ask for garden gnomes in some words, the rest vary.
    static func build(path: String, fallbacks: Int) async throws {
        let store = try SQLiteCRMStore(path: path)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let conversations = max(1, fallbacks / 100)
        let colours = ["red", "blue", "green", "tiny", "large", "solar", "waterproof", "vintage", "cheap", "ceramic"]
        let others = [
            "is there parking near the shop", "do you deliver to the moon", "what music do you play in store",
            "can I bring my dog", "weather forecast tomorrow", "who founded the company", "are you hiring",
        ]
        var written = 0
        for c in 0..<conversations {
            let customer = Customer(id: "customer-\(c)", name: "Customer \(c)", firstSeen: start, lastSeen: start)
            let conversation = Conversation(
                id: "conversation-\(c)", customerId: customer.id, channel: "web",
                startedAt: start.addingTimeInterval(Double(c * 100)))
            _ = try await store.record(
                .start(
                    conversation, customer: customer,
                    greeting: StoredMessage(
                        conversationId: conversation.id, sender: .bot, text: "Hi!", sentAt: conversation.startedAt,
                        rule: "greeting")))
            var batch: [StoredMessage] = []
            for _ in 0..<(fallbacks / conversations) {
                let text =
                    written % 10 == 9
                    ? others[written % others.count] + " \(written % 97)"
                    : "do you sell \(colours[written % colours.count]) garden gnomes"
                batch.append(
                    StoredMessage(
                        conversationId: conversation.id, sender: .customer, text: text,
                        sentAt: start.addingTimeInterval(Double(written)), intent: "greet", confidence: 0.2,
                        modelVersion: "bench", action: "fallback", rule: "fallback"))
                written += 1
            }
            try await store.append(contentsOf: batch)
        }
    }
}
