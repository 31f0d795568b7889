internal import Hummingbird
internal import HummingbirdWebSocket
internal import NIOCore
internal import NIOWebSocket

/// The customers' WebSocket channel at `/ws`: each text frame is one JSON
/// `ClientMessage`, each answer one JSON `ServerEvent` frame. Binary frames
/// get an error; frames over the size limit, or text that is not UTF-8,
/// close the connection with the standard codes (1009, 1007).
struct WebSocketChannel: Sendable {
    let service: ChatService

    func add(to router: Router<BasicWebSocketRequestContext>) {
        let service = self.service
        router.ws("/ws") { inbound, outbound, _ in
            guard service.metrics.openConnection("web", limit: service.limits.maxConnections) else {
                service.metrics.error(.serverBusy)
                try await outbound.write(
                    .text(ServerEvent.error(.serverBusy, "the server is busy; try again later").json()))
                try await outbound.close(.unknown(1013), reason: "server busy")
                return
            }
            defer { service.metrics.closeConnection("web") }
            var connection = ChatConnection(service: service, channel: "web")
            do {
                for try await message in inbound.messages(maxSize: service.limits.maxMessageBytes) {
                    let receivedAt = ContinuousClock.now
                    let events: [ServerEvent]
                    switch message {
                    case .text(let text):
                        events = await connection.receive(json: text, receivedAt: receivedAt)
                    case .binary:
                        service.metrics.error(.binaryFrame)
                        events = [.error(.binaryFrame, "send JSON in text frames; binary frames are not read")]
                    }
                    for event in events { try await outbound.write(.text(event.json())) }
                }
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
        }
    }
}
