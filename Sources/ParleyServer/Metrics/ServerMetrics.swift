internal import Foundation
internal import Metrics
internal import NIOConcurrencyHelpers
internal import ParleyBot
public import Prometheus

/// The server's metrics, through swift-metrics into its own Prometheus
/// registry (no process-wide bootstrap, so several servers can run in one
/// process): messages, reply latency, intents, fallbacks, escalations,
/// errors, connections and conversations in memory.
public final class ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let replyLatency: Metrics.Timer
    private let fallbacks: Metrics.Counter
    private let counters = NIOLockedValueBox<[String: Metrics.Counter]>([:])
    private let connectionCounts = NIOLockedValueBox<[String: Int]>([:])
    private let conversationsGauge: Metrics.Gauge
    private let storeTransactionsCounter: Metrics.Counter
    /// The store's transactions already counted in `storeTransactionsCounter`.
    private let reportedTransactions = NIOLockedValueBox(0)

    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["parley_reply_seconds"] = [
            .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .microseconds(750),
            .milliseconds(1), .milliseconds(1.5), .milliseconds(2), .milliseconds(3), .milliseconds(5),
            .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .seconds(1),
        ]
        self.factory = factory
        replyLatency = Metrics.Timer(label: "parley_reply_seconds", factory: factory)
        fallbacks = Metrics.Counter(label: "parley_fallbacks_total", factory: factory)
        conversationsGauge = Metrics.Gauge(label: "parley_conversations_in_memory", factory: factory)
        storeTransactionsCounter = Metrics.Counter(label: "parley_store_transactions_total", factory: factory)
    }

    private func counter(_ label: String, _ dimension: (String, String)) -> Metrics.Counter {
        let key = label + "\u{0}" + dimension.0 + "\u{0}" + dimension.1
        return counters.withLockedValue { counters in
            if let counter = counters[key] { return counter }
            let counter = Metrics.Counter(label: label, dimensions: [dimension], factory: factory)
            counters[key] = counter
            return counter
        }
    }

    /// A customer message was answered (or, silently, taken) on `channel`.
    func message(channel: String, intent: String?, action: DialogueDecision.Action, latency: Duration) {
        counter("parley_messages_total", ("channel", channel)).increment()
        counter("parley_intents_total", ("intent", intent ?? "none")).increment()
        if action == .fallback { fallbacks.increment() }
        replyLatency.recordNanoseconds(latency.nanoseconds)
    }

    /// A conversation was handed to humans for `reason`.
    func escalation(_ reason: EscalationReason) {
        counter("parley_escalations_total", ("rule", reason.rawValue)).increment()
    }

    /// A client claimed a customer id without a valid identity hash: its conversation is anonymous.
    func unverifiedIdentity() {
        counter("parley_identity_unverified_total", ("channel", "any")).increment()
    }

    /// A per-address limit refused a connection, a conversation or a request.
    func limited(_ limit: AddressLimiter.Limit) {
        counter("parley_limited_total", ("limit", limit.rawValue)).increment()
    }

    /// An action was called: `outcome` is the answer's outcome (`answered` without one) or the failure's kind.
    func action(_ name: String, outcome: String, failed: Bool) {
        counter("parley_actions_total", ("action", name)).increment()
        counter(failed ? "parley_action_failures_total" : "parley_action_outcomes_total", ("outcome", outcome))
            .increment()
    }

    /// The server refused something a client sent.
    func error(_ code: ErrorCode) {
        counter("parley_errors_total", ("code", code.rawValue)).increment()
    }

    /// Counts a new connection on `channel` unless `limit` connections are
    /// open over the channels of its kind (customers' channels together,
    /// agents' apart); returns whether it was counted.
    func openConnection(_ channel: String, limit: Int) -> Bool {
        let count = connectionCounts.withLockedValue { counts -> Int? in
            let open = counts.filter { ($0.key == "agent") == (channel == "agent") }.values.reduce(0, +)
            guard open < limit else { return nil }
            counts[channel, default: 0] += 1
            return counts[channel]
        }
        guard let count else { return false }
        Metrics.Gauge(label: "parley_connections", dimensions: [("channel", channel)], factory: factory).record(count)
        return true
    }

    /// A customer connection on `channel` closed.
    func closeConnection(_ channel: String) {
        let count = connectionCounts.withLockedValue { counts in
            counts[channel, default: 1] -= 1
            return counts[channel]!
        }
        Metrics.Gauge(label: "parley_connections", dimensions: [("channel", channel)], factory: factory).record(count)
    }

    /// Open customer connections over all channels (agents' not counted).
    var openConnections: Int {
        connectionCounts.withLockedValue { $0.filter { $0.key != "agent" }.values.reduce(0, +) }
    }

    /// Open agent connections.
    var openAgentConnections: Int {
        connectionCounts.withLockedValue { $0["agent"] ?? 0 }
    }

    func conversationsInMemory(_ count: Int) {
        conversationsGauge.record(count)
    }

    /// The metrics in Prometheus' text format, with the store's write
    /// transactions so far (`parley_store_transactions_total`).
    public func prometheusText(storeTransactions: Int) -> String {
        let added = reportedTransactions.withLockedValue { reported in
            defer { reported = max(reported, storeTransactions) }
            return max(0, storeTransactions - reported)
        }
        storeTransactionsCounter.increment(by: Int64(added))
        return registry.emitToString()
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
