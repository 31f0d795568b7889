import Foundation
import HummingbirdWSClient
import Logging
import NIOCore
import ParleyClient
import ParleyServer

/// A server the chat benchmark loads: Parley (which greets and answers in
/// JSON events) or a bare echo (which sends each message back as it is).
struct ChatTarget: Sendable {
    enum Transport: Sendable {
        case webSocket(url: String)
        case tcp(host: String, port: Int)
    }

    var transport: Transport
    /// An echo server: no hello, each message comes back unchanged.
    var echo: Bool

    /// What one customer measured: each answered message's round trip in
    /// microseconds and when it was sent (`sentAt[i]` goes with `latencies[i]`).
    struct Tally: Sendable {
        var latencies: [Double] = []
        var sentAt: [ContinuousClock.Instant] = []
        var errors = 0
    }

    static let logger = Logger(label: "parley-bench")

    /// One customer: says hello (unless echo), then sends `messages` in turn
    /// and waits for each answer until `deadline()` (read before each
    /// message, so that it can be moved meanwhile), spacing sends by
    /// `interval` from `firstSend` when given. Round trips are in microseconds.
    func customer(
        messages: [String], offset: Int, deadline: @escaping @Sendable () -> ContinuousClock.Instant,
        interval: Duration?,
        firstSend: ContinuousClock.Instant
    ) async -> Tally {
        /// The conversation itself, over whichever transport sends and receives.
        @Sendable func converse(send: (String) async throws -> Void, receive: () async throws -> String?) async throws
            -> Tally
        {
            var tally = Tally()
            let clock = ContinuousClock()
            try await greet(send: send, receive: receive)
            var index = offset
            var next = firstSend
            while clock.now < deadline() {
                if let interval {
                    try await clock.sleep(until: next)
                    next += interval
                }
                let started = clock.now
                try await send(messages[index % messages.count])
                guard let answer = try await receive() else {
                    // The server closed the conversation with a message unanswered.
                    tally.errors += 1
                    break
                }
                tally.record(answer, sent: started, (clock.now - started).microseconds)
                index += 1
            }
            return tally
        }
        do {
            switch transport {
            case .webSocket(let url):
                let box = ClientResult<Tally>()
                try await WebSocketClient.connect(url: url, logger: Self.logger) { inbound, outbound, _ in
                    var frames = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                    box.value = try await converse(
                        send: { try await outbound.write(.text($0)) },
                        receive: {
                            guard case .text(let answer) = try await frames.next() else { return nil }
                            return answer
                        })
                }
                return box.value ?? Tally()
            case .tcp(let host, let port):
                return try await LineClient.withConnection(host: host, port: port) { client in
                    try await converse(send: { try await client.send($0) }, receive: { try await client.readLine() })
                }
            }
        } catch {
            var tally = Tally()
            tally.errors += 1
            return tally
        }
    }

    /// Says hello and reads the welcome and the greeting; an echo needs neither.
    private func greet(send: (String) async throws -> Void, receive: () async throws -> String?) async throws {
        guard !echo else { return }
        try await send(#"{"type":"hello"}"#)
        for _ in 0..<2 { _ = try await receive() }
    }

    /// Connects a customer who says hello, counts itself in `settled` once
    /// greeted (or failed), and then waits, silent, until cancelled.
    func idleCustomer(settled: ClientResult<Int>) async {
        guard case .webSocket(let url) = transport else { return }
        let counted = ClientResult<Bool>()
        _ = try? await WebSocketClient.connect(url: url, logger: Self.logger) { inbound, outbound, _ in
            var frames = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
            try await greet(
                send: { try await outbound.write(.text($0)) }, receive: { try await frames.next().map { _ in "" } })
            counted.value = true
            settled.add(1)
            try? await Task.sleep(for: .seconds(24 * 3600))
        }
        if counted.value != true { settled.add(1) }
    }

    /// Milliseconds from connecting as a new customer to the answer of their
    /// first message (WebSocket only); nil when that failed.
    func newCustomer(message: String) async -> Double? {
        guard case .webSocket(let url) = transport else { return nil }
        let clock = ContinuousClock()
        let started = clock.now
        let answered = ClientResult<Bool>()
        _ = try? await WebSocketClient.connect(url: url, logger: Self.logger) { inbound, outbound, _ in
            var frames = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
            try await greet(
                send: { try await outbound.write(.text($0)) }, receive: { try await frames.next().map { _ in "" } })
            try await outbound.write(.text(message))
            answered.value = try await frames.next() != nil
        }
        return answered.value == true ? (clock.now - started).microseconds / 1000 : nil
    }
}

/// A value handed out of a WebSocket client's closure.
final class ClientResult<Value: Sendable>: @unchecked Sendable {
    fileprivate let lock = NSLock()
    fileprivate var stored: Value?

    var value: Value? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

extension ClientResult where Value == Int {
    /// Adds `amount` to the count (nil counts as 0).
    func add(_ amount: Int) {
        lock.withLock { stored = (stored ?? 0) + amount }
    }
}

extension ChatTarget.Tally {
    /// Counts an answer: an `error` event is an error, anything else a round trip.
    mutating func record(_ answer: String, sent: ContinuousClock.Instant, _ microseconds: Double) {
        if answer.contains(#""type":"error""#) {
            errors += 1
        } else {
            latencies.append(microseconds)
            sentAt.append(sent)
        }
    }
}

extension Duration {
    var microseconds: Double {
        Double(components.seconds) * 1e6 + Double(components.attoseconds) / 1e12
    }
}
