internal import Hummingbird
internal import HummingbirdWebSocket

/// The customers' WebSocket channel at `/ws`: each text frame is one JSON
/// `ClientMessage`, each answer one JSON `ServerEvent` frame (limits and
/// errors as every `JSONWebSocketRoute`).
struct WebSocketChannel: Sendable {
    let service: ChatService

    func add(to router: Router<ServerRequestContext>) {
        let service = self.service
        JSONWebSocketRoute<ChatConnection, ServerEvent>(
            path: "/ws", channel: "web", service: service,
            open: { address, outbox in
                ChatConnection(service: service, channel: "web", address: address, outbox: outbox)
            },
            receive: { connection, text, receivedAt in
                await connection.receive(json: text, receivedAt: receivedAt)
                // Refused what it cannot go on without: not read any further, and closed after the hold.
                guard connection.endsConnection else { return false }
                await service.refusalHold.hold()
                return true
            },
            close: { await $0.close() }
        ).add(to: router)
    }
}
