internal import Hummingbird
internal import HummingbirdWebSocket
internal import NIOCore
internal import NIOWebSocket

/// A WebSocket route of JSON text frames both ways, one connection value per
/// socket: what the customers' `/ws` and the agents' `/agent/ws` share.
/// Binary frames get an error; frames over the size limit, or text that is
/// not UTF-8, close the connection with the standard codes (1009, 1007). A
/// server at its connection limit answers the upgrade request with 503. Each
/// frame is handled in a short task (`ShortTask`), and what it produces is
/// written once it is handled; events pushed meanwhile go through the
/// connection's `Outbox`.
struct JSONWebSocketRoute<Connection: Sendable, Event: OutboundEvent>: Sendable {
    let path: RouterPath
    /// The connections' name in metrics: "web", "agent".
    let channel: String
    let service: ChatService
    /// A new connection whose events go to the outbox given.
    let open: @Sendable (@escaping @Sendable (Event) -> Void) -> Connection
    /// Handles one text frame, with the time it arrived.
    let receive: @Sendable (inout Connection, String, ContinuousClock.Instant) async -> Void
    /// Ends the connection's hold on what it holds.
    let close: @Sendable (inout Connection) async -> Void

    func add(to router: Router<BasicWebSocketRequestContext>) {
        let route = self
        let service = self.service
        router.ws(path) { _, _ in
            // A full server answers the upgrade request with 503: no WebSocket is set up at all.
            guard service.metrics.openConnections < service.limits.maxConnections else {
                service.metrics.error(.serverBusy)
                throw HTTPError(.serviceUnavailable, message: "the server is busy; try again later")
            }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, _ in
            guard service.metrics.openConnection(route.channel, limit: service.limits.maxConnections) else {
                // Others took the last places since the upgrade was accepted.
                service.metrics.error(.serverBusy)
                try await outbound.write(.text(Event.error(.serverBusy, "the server is busy; try again later").json()))
                return
            }
            defer { service.metrics.closeConnection(route.channel) }
            let outbox = Outbox<Event> { event in
                try await outbound.write(.text(event.json()))
            } overflow: {
                Task { try? await outbound.close(.policyViolation, reason: "too many events unread") }
            }
            var connection = route.open(outbox.send)
            do {
                for try await message in inbound.messages(maxSize: service.limits.maxMessageBytes) {
                    switch message {
                    case .text(let text):
                        let receivedAt = ContinuousClock.now
                        await outbox.handling {
                            (connection, _) = await ShortTask.run(with: connection) {
                                await route.receive(&$0, text, receivedAt)
                            }
                        }
                    case .binary:
                        service.metrics.error(.binaryFrame)
                        outbox.send(.error(.binaryFrame, "send JSON in text frames; binary frames are not read"))
                    }
                }
            } catch {
                await route.close(&connection)
                await outbox.flush()
                throw error
            }
            await route.close(&connection)
            await outbox.flush()
        }
    }
}
