internal import Hummingbird
internal import HummingbirdWebSocket
internal import NIOCore
internal import NIOWebSocket

/// The customers' WebSocket channel at `/ws`: each text frame is one JSON
/// `ClientMessage`, each answer one JSON `ServerEvent` frame. Binary frames
/// get an error; frames over the size limit, or text that is not UTF-8,
/// close the connection with the standard codes (1009, 1007). A server at its
/// connection limit answers the upgrade request with 503.
struct WebSocketChannel: Sendable {
    let service: ChatService

    func add(to router: Router<BasicWebSocketRequestContext>) {
        let service = self.service
        router.ws("/ws") { _, _ in
            // A full server answers the upgrade request with 503: no WebSocket is set up at all.
            guard service.metrics.openConnections < service.limits.maxConnections else {
                service.metrics.error(.serverBusy)
                throw HTTPError(.serviceUnavailable, message: "the server is busy; try again later")
            }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, _ in
            guard service.metrics.openConnection("web", limit: service.limits.maxConnections) else {
                // Others took the last places since the upgrade was accepted.
                service.metrics.error(.serverBusy)
                try await outbound.write(
                    .text(ServerEvent.error(.serverBusy, "the server is busy; try again later").json()))
                return
            }
            defer { service.metrics.closeConnection("web") }
            let outbox = Outbox<ServerEvent> { event in
                try await outbound.write(.text(event.json()))
            } overflow: {
                Task { try? await outbound.close(.policyViolation, reason: "too many events unread") }
            }
            var connection = ChatConnection(service: service, channel: "web", outbox: outbox.send)
            do {
                for try await message in inbound.messages(maxSize: service.limits.maxMessageBytes) {
                    switch message {
                    case .text(let text):
                        let receivedAt = ContinuousClock.now
                        await outbox.handling {
                            (connection, _) = await ShortTask.run(with: connection) {
                                await $0.receive(json: text, receivedAt: receivedAt)
                            }
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
