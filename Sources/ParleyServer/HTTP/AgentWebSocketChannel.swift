internal import Hummingbird
internal import HummingbirdWebSocket

/// The agents' WebSocket at `/agent/ws`: each text frame is one JSON
/// `AgentMessage`, each event one JSON `AgentEvent` frame (limits and errors
/// as every `JSONWebSocketRoute`). The console uses it; any client can.
struct AgentWebSocketChannel: Sendable {
    let service: ChatService

    func add(to router: Router<ServerRequestContext>) {
        let service = self.service
        JSONWebSocketRoute<AgentConnection, AgentEvent>(
            path: "/agent/ws", channel: "agent", service: service,
            open: { address, outbox in AgentConnection(service: service, address: address, outbox: outbox) },
            receive: { connection, text, _ in await connection.receive(json: text) },
            close: { await $0.close() }
        ).add(to: router)
    }
}
