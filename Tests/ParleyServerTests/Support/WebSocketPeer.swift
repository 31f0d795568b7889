import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOWebSocket
import ParleyServer

/// A record decoded from one JSON text frame.
protocol JSONRecord: Sendable {
    init(json: String) throws
}

extension ServerEvent: JSONRecord {}
extension AgentEvent: JSONRecord {}

/// A WebSocket client driven from the test's own task: frames sent with
/// `send`, frames received collected (decoded) as they arrive, so several
/// peers can take turns in one test.
final class WebSocketPeer<Record: JSONRecord>: Sendable {
    let received = Collected<Record>()
    private let outgoing: AsyncStream<String>.Continuation
    private let running: Task<Void, any Error>

    /// Connects to `url`, sending `headers` with the upgrade request.
    init(url: String, headers: HTTPFields = [:]) {
        let (stream, outgoing) = AsyncStream.makeStream(of: String.self)
        let received = self.received
        self.outgoing = outgoing
        running = Task {
            try await WebSocketClient.connect(
                url: url, configuration: WebSocketClientConfiguration(additionalHeaders: headers),
                logger: Logger(label: "peer")
            ) { inbound, outbound, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await text in stream { try await outbound.write(.text(text)) }
                        try await outbound.close(.normalClosure, reason: nil)
                    }
                    for try await message in inbound.messages(maxSize: 1 << 22) {
                        if case .text(let text) = message { received.append(try Record(json: text)) }
                    }
                    group.cancelAll()
                }
            }
        }
    }

    func send(_ text: String) {
        outgoing.yield(text)
    }

    /// The first record received matching `predicate`, waiting for it.
    func first(where predicate: (Record) -> Bool) async throws -> Record {
        try await received.first(within: 30, where: predicate).event
    }

    /// Closes the connection and waits until it has closed.
    func close() async throws {
        outgoing.finish()
        try await running.value
    }
}
