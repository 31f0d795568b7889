internal import Hummingbird
internal import HummingbirdWebSocket
internal import NIOCore
internal import NIOWebSocket

/// The agents' WebSocket at `/agent/ws`: each text frame is one JSON
/// `AgentMessage`, each event one JSON `AgentEvent` frame. The console uses
/// it; any client can.
struct AgentWebSocketChannel: Sendable {
    let service: ChatService

    func add(to router: Router<BasicWebSocketRequestContext>) {
        let service = self.service
        router.ws("/agent/ws") { _, _ in
            guard service.metrics.openConnections < service.limits.maxConnections else {
                service.metrics.error(.serverBusy)
                throw HTTPError(.serviceUnavailable, message: "the server is busy; try again later")
            }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, _ in
            guard service.metrics.openConnection("agent", limit: service.limits.maxConnections) else {
                service.metrics.error(.serverBusy)
                return
            }
            defer { service.metrics.closeConnection("agent") }
            let outbox = Outbox<AgentEvent> { event in
                try await outbound.write(.text(event.json()))
            } overflow: {
                Task { try? await outbound.close(.policyViolation, reason: "too many events unread") }
            }
            var connection = AgentConnection(service: service, outbox: outbox.send)
            do {
                for try await message in inbound.messages(maxSize: service.limits.maxMessageBytes) {
                    switch message {
                    case .text(let text):
                        await outbox.handling {
                            (connection, _) = await ShortTask.run(with: connection) { await $0.receive(json: text) }
                        }
                    case .binary:
                        service.metrics.error(.binaryFrame)
                        outbox.send(.error(.binaryFrame, "send JSON in text frames; binary frames are not read"))
                    }
                }
            } catch {
                await connection.close()
                await outbox.flush()
                throw error
            }
            await connection.close()
            await outbox.flush()
        }
    }
}
