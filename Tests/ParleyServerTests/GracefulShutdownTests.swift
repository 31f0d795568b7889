import Foundation
import HummingbirdWSClient
import Logging
import NIOConcurrencyHelpers
import ParleyClient
import ParleyServer
import ParleyStore
import Testing

@Suite(.timeLimit(.minutes(10))) struct GracefulShutdownTests {
    /// Reply ids and the customer message ids they answer, as clients received them.
    final class Acknowledged: Sendable {
        let pairs = NIOLockedValueBox<[(message: Int64, reply: Int64)]>([])
        /// Clients whose connection has ended.
        let finished = NIOLockedValueBox(0)

        func add(_ event: ServerEvent) {
            guard event.type == .reply, let message = event.inReplyTo, let reply = event.id else { return }
            pairs.withLockedValue { $0.append((message, reply)) }
        }
    }

    @Test func shuttingDownLosesNoAcknowledgedMessageOnEitherChannel() async throws {
        let server = try await TestServer.start()
        let acknowledged = Acknowledged()
        let logger = Logger(label: "shutdown-test")
        // Not awaited: a WebSocket client whose server closes mid-exchange can go on waiting for the
        // socket (here only the test process's exit would end it); what it was acknowledged is recorded.
        Task {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        _ = try? await WebSocketClient.connect(url: server.webSocketURL, logger: logger) {
                            inbound, outbound, _ in
                            var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                            try await outbound.write(.text(#"{"type":"hello"}"#))
                            while true {
                                guard case .text(let text) = try await messages.next() else { return }
                                let event = try ServerEvent(json: text)
                                acknowledged.add(event)
                                if event.type == .reply {
                                    try await outbound.write(
                                        .text(#"{"type":"message","text":"where is my order A-10234"}"#))
                                }
                            }
                        }
                        acknowledged.finished.withLockedValue { $0 += 1 }
                    }
                    group.addTask {
                        _ = try? await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { client in
                            try await client.send(#"{"type":"hello"}"#)
                            while let line = try await client.readLine() {
                                let event = try ServerEvent(json: line)
                                acknowledged.add(event)
                                if event.type == .reply {
                                    try await client.send(#"{"type":"message","text":"refund please"}"#)
                                }
                            }
                        }
                        acknowledged.finished.withLockedValue { $0 += 1 }
                    }
                }
            }
        }
        // Shut down mid-conversation, once replies are flowing on both channels (however busy the machine is).
        for _ in 0..<2_000 where acknowledged.pairs.withLockedValue({ $0.count }) < 16 {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await server.stop()
        for _ in 0..<300 where acknowledged.finished.withLockedValue({ $0 }) < 8 {
            try await Task.sleep(for: .milliseconds(10))
        }
        let pairs = acknowledged.pairs.withLockedValue { $0 }
        #expect(pairs.count >= 8)
        let store = try SQLiteCRMStore(path: server.storePath)
        var stored: [Int64: StoredMessage] = [:]
        for conversation in try await store.conversations(status: nil, limit: 100) {
            for message in try await store.transcript(conversationId: conversation.id) {
                stored[message.id ?? 0] = message
            }
        }
        for (message, reply) in pairs {
            #expect(stored[message]?.sender == .customer)
            #expect(stored[reply]?.sender == .bot)
        }
    }
}
