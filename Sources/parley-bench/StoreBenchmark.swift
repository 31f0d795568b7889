import ArgumentParser
import Foundation
import ParleyBot
import ParleyStore

/// `parley-bench store`: durable message inserts, with and without group commit.
struct StoreBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Insert fully annotated messages durably into a new SQLite CRM store and report the rates.",
        discussion: """
            group_commit_msgs_per_s: many conversations writing at once, committed together. \
            single_txn_msgs_per_s: one writer, one transaction per message, as the reference. \
            p99_commit_ms_at_5000: submit-to-commit latency with messages arriving at 5,000 a second. \
            group_commit_wal_bytes: the write-ahead log's size after the group-commit run (it is reused, not grown).
            """
    )

    @Option(help: "Messages for each rate measurement.")
    var messages = 20_000

    @Option(help: "Conversations writing at once for the group-commit measurement.")
    var concurrency = 200

    @Option(help: "Seconds of paced load for the latency measurement.")
    var seconds = 3.0

    @Option(help: "Folder for the database files (removed afterwards).")
    var folder = NSTemporaryDirectory()

    func run() async throws {
        let root = (folder as NSString).appendingPathComponent("parley-bench-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let clock = ContinuousClock()

        // One transaction per message: one writer, each exchange committed alone.
        let single = try await Self.open(root, "single.sqlite", conversations: 1)
        let singleCount = min(messages, 3_000)
        var started = clock.now
        for i in 0..<singleCount { try await Self.append(i, to: single.conversations[0], in: single.store) }
        let singleRate = Double(singleCount) / (clock.now - started).seconds

        // Group commit: many conversations appending at once.
        let group = try await Self.open(root, "group.sqlite", conversations: concurrency)
        let perConversation = max(1, messages / concurrency)
        started = clock.now
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            for conversation in group.conversations {
                tasks.addTask {
                    for i in 0..<perConversation { try await Self.append(i, to: conversation, in: group.store) }
                }
            }
            try await tasks.waitForAll()
        }
        let groupRate = Double(perConversation * concurrency) / (clock.now - started).seconds
        let groupLogBytes =
            (try? FileManager.default.attributesOfItem(
                atPath: (root as NSString).appendingPathComponent("group.sqlite-wal"))[.size] as? Int) ?? 0

        // Latency at a steady 5,000 messages a second.
        let paced = try await Self.open(root, "paced.sqlite", conversations: 100)
        let total = Int(5_000 * seconds)
        let latencies = try await withThrowingTaskGroup(of: Double.self) { tasks in
            let begin = clock.now
            for i in 0..<total {
                let due = begin + .microseconds(i * 200)
                try await clock.sleep(until: due)
                tasks.addTask {
                    let submitted = clock.now
                    try await Self.append(i, to: paced.conversations[i % paced.conversations.count], in: paced.store)
                    return (clock.now - submitted).seconds * 1000
                }
            }
            var all: [Double] = []
            for try await latency in tasks { all.append(latency) }
            return all.sorted()
        }
        try printJSON([
            "benchmark": .string("store"),
            "group_commit_msgs_per_s": .double(groupRate),
            "single_txn_msgs_per_s": .double(singleRate),
            "group_commit_ratio": .double(groupRate / singleRate),
            "p50_commit_ms_at_5000": .double(percentile(latencies, 0.50)),
            "p99_commit_ms_at_5000": .double(percentile(latencies, 0.99)),
            "concurrency": .int(concurrency),
            "group_commit_wal_bytes": .int(groupLogBytes),
        ])
    }

    /// A new store with one customer and `conversations` conversations, each started as a server starts one.
    static func open(_ root: String, _ name: String, conversations: Int) async throws -> (
        store: SQLiteCRMStore, conversations: [Conversation]
    ) {
        let store = try SQLiteCRMStore(path: (root as NSString).appendingPathComponent(name))
        let customer = Customer(name: "Bench")
        var started: [Conversation] = []
        for _ in 0..<conversations {
            let conversation = Conversation(customerId: customer.id, channel: "bench")
            let greeting = StoredMessage(conversationId: conversation.id, sender: .bot, text: "Hi!", rule: "greeting")
            _ = try await store.record(.start(conversation, customer: customer, greeting: greeting))
            started.append(conversation)
        }
        return (store, started)
    }

    /// Records customer message `i` of `conversation` as the server records an exchange the bot stays silent on.
    static func append(_ i: Int, to conversation: Conversation, in store: SQLiteCRMStore) async throws {
        _ = try await store.record(.exchange(conversation, messages: [message(conversation.id, i)]))
    }

    /// A customer message with every annotation a real one carries.
    static func message(_ conversation: String, _ i: Int) -> StoredMessage {
        StoredMessage(
            conversationId: conversation, sender: .customer,
            text: "where is my order A-\(10_000 + i % 90_000)? it's late",
            intent: "order_status", confidence: 0.91,
            alternatives: [
                .init(name: "order_status", confidence: 0.91), .init(name: "delivery_complaint", confidence: 0.05),
            ],
            entities: [
                .init(
                    type: "order_id", value: "A-\(10_000 + i % 90_000)", text: "A-\(10_000 + i % 90_000)", start: 18,
                    end: 25)
            ],
            sentimentScore: -0.3, sentimentLabel: "negative", modelVersion: "bench", action: "reply", rule: "intent",
            scores: ["confidence": 0.91, "threshold": 0.45, "sentiment": -0.3])
    }
}
