import ArgumentParser
import Foundation
import ParleyBot
import ParleyStore

/// `parley-bench store-queries`: customer history and the fallback inbox on a big store.
struct StoreQueriesBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store-queries",
        abstract: "Build a store of many messages once, then time customer history and the fallback inbox.",
        discussion: "The store is kept at --path, so later runs skip the build."
    )

    @Option(help: "The store file; built when missing.") var path = ".build-bench/store-1m.sqlite"
    @Option(help: "Messages to build the store with.") var messages = 1_000_000
    @Option(help: "Queries of each kind to time.") var queries = 300

    func run() async throws {
        let clock = ContinuousClock()
        let customers = max(1, messages / 50)
        var buildSeconds = 0.0
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let started = clock.now
            try await Self.build(path: path, messages: messages, customers: customers)
            buildSeconds = (clock.now - started).seconds
        }
        let store = try SQLiteCRMStore(path: path)
        var history: [Double] = []
        var inbox: [Double] = []
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<queries {
            let customer = "customer-\(Int.random(in: 0..<customers, using: &generator))"
            var start = clock.now
            let found = try await store.history(customerId: customer, messageLimit: 50)
            history.append((clock.now - start).seconds * 1000)
            precondition(found != nil)
            start = clock.now
            _ = try await store.fallbackInbox(limit: 200)
            inbox.append((clock.now - start).seconds * 1000)
        }
        history.sort()
        inbox.sort()
        try printJSON([
            "benchmark": .string("store-queries"),
            "messages": .int(messages),
            "build_seconds": .double(buildSeconds),
            "history_p50_ms": .double(percentile(history, 0.5)),
            "history_p99_ms": .double(percentile(history, 0.99)),
            "inbox_p50_ms": .double(percentile(inbox, 0.5)),
            "inbox_p99_ms": .double(percentile(inbox, 0.99)),
        ])
    }

    /// Customers with two or three conversations each; one customer message in ten was a fallback.
    static func build(path: String, messages: Int, customers: Int) async throws {
        let store = try SQLiteCRMStore(path: path)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var written = 0
        for c in 0..<customers {
            let customer = Customer(
                id: "customer-\(c)", name: "Customer \(c)", email: "c\(c)@example.com", firstSeen: start,
                lastSeen: start)
            var batch: [StoredMessage] = []
            for k in 0..<(c % 2 == 0 ? 2 : 3) {
                let conversation = Conversation(
                    id: "conversation-\(c)-\(k)", customerId: customer.id, channel: "web",
                    startedAt: start.addingTimeInterval(Double(c * 60 + k)))
                _ = try await store.record(
                    .start(
                        conversation, customer: customer,
                        greeting: StoredMessage(
                            conversationId: conversation.id, sender: .bot, text: "Hi!", sentAt: conversation.startedAt,
                            rule: "greeting")))
                let count = messages / customers / (c % 2 == 0 ? 2 : 3)
                for i in 0..<count {
                    var message = StoreBenchmark.message(conversation.id, written)
                    message.sentAt = start.addingTimeInterval(Double(written))
                    if i % 2 == 1 { message.sender = .bot }
                    if written % 20 == 0 { message.action = "fallback" }
                    batch.append(message)
                    written += 1
                }
            }
            try await store.append(contentsOf: batch)
        }
    }
}
