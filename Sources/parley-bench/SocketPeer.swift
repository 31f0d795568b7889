import HummingbirdWSClient
import Logging
import NIOWebSocket

/// A WebSocket client driven from one task: `send` queues a text frame,
/// `next` waits for the next received frame matching a test, with the time
/// it arrived (stamped by the reading loop, not when the caller got to it).
final class SocketPeer {
    private let outgoing: AsyncStream<String>.Continuation
    private var incoming: AsyncStream<(text: String, at: ContinuousClock.Instant)>.Iterator
    private let running: Task<Void, Never>

    init(url: String) {
        let (outStream, outgoing) = AsyncStream.makeStream(of: String.self)
        let (inStream, received) = AsyncStream.makeStream(of: (text: String, at: ContinuousClock.Instant).self)
        self.outgoing = outgoing
        incoming = inStream.makeAsyncIterator()
        running = Task {
            _ = try? await WebSocketClient.connect(
                url: url, configuration: WebSocketClientConfiguration(maxFrameSize: 1 << 22), logger: ChatTarget.logger
            ) { inbound, outbound, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await text in outStream { try await outbound.write(.text(text)) }
                        try await outbound.close(.normalClosure, reason: nil)
                    }
                    for try await message in inbound.messages(maxSize: 1 << 22) {
                        if case .text(let text) = message { received.yield((text, .now)) }
                    }
                    group.cancelAll()
                }
            }
            received.finish()
        }
    }

    /// Queues a frame; returns the time just before it was handed over.
    @discardableResult
    func send(_ text: String) -> ContinuousClock.Instant {
        let now = ContinuousClock.now
        outgoing.yield(text)
        return now
    }

    /// The next frame containing every one of `fragments`, skipping others; nil when the connection ended.
    func next(containing fragments: String...) async -> (text: String, at: ContinuousClock.Instant)? {
        while let frame = await incoming.next() {
            if fragments.allSatisfy(frame.text.contains) { return frame }
        }
        return nil
    }

    /// Closes the connection and waits for it.
    func close() async {
        outgoing.finish()
        await running.value
    }
}
