internal import Hummingbird
internal import HummingbirdWebSocket
internal import NIOCore
internal import NIOWebSocket

/// A WebSocket route of JSON text frames both ways, one connection value per
/// socket: what the customers' `/ws` and the agents' `/agent/ws` share.
/// Binary frames get an error; frames over the size limit, or text that is
/// not UTF-8, close the connection with the standard codes (1009, 1007). A
/// server at its connection limit answers the upgrade request with 503. Each
/// frame is handled in a short task (`ShortTask`) on the event loop that
/// serves the socket (`EventLoopExecutor`), and what it produces is written
/// once it is handled; events pushed meanwhile go through the connection's
/// `Outbox`.
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

    func add(to router: Router<ServerRequestContext>) {
        let route = self
        let service = self.service
        router.ws(path) { _, _ in
            // A full server answers the upgrade request with 503: no WebSocket is set up at all.
            guard service.metrics.openConnections < service.limits.maxConnections else {
                service.metrics.error(.serverBusy)
                throw HTTPError(.serviceUnavailable, message: "the server is busy; try again later")
            }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            let executor = EventLoopExecutor(context.requestContext.eventLoop)
            try await withTaskExecutorPreference(executor) {
                try await route.serve(inbound, outbound, on: executor)
            }
        }
    }

    /// Serves one upgraded connection until it closes. This runs in the
    /// connection's long-lived task, which keeps the memory its deepest call
    /// needed for as long as the client stays: it only reads frames, and all
    /// the handling, and the writing of what comes of it, happens in short
    /// tasks.
    private func serve(
        _ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter, on executor: EventLoopExecutor
    ) async throws {
        guard service.metrics.openConnection(channel, limit: service.limits.maxConnections) else {
            // Others took the last places since the upgrade was accepted.
            return await refuseBusy(outbound)
        }
        defer { service.metrics.closeConnection(channel) }
        let outbox = Self.outbox(writingTo: outbound)
        var connection = open(outbox.send)
        do {
            for try await message in inbound.messages(maxSize: service.limits.maxMessageBytes) {
                connection = await handle(message, on: connection, outbox: outbox, executor: executor)
            }
        } catch {
            await finish(&connection, outbox: outbox, executor: executor)
            throw error
        }
        await finish(&connection, outbox: outbox, executor: executor)
    }

    /// Handles one frame in a short task (`ShortTask`), writing what it produced; returns the connection as left.
    @inline(never)
    private func handle(
        _ message: WebSocketMessage, on connection: Connection, outbox: Outbox<Event>, executor: EventLoopExecutor
    ) async
        -> Connection
    {
        let receivedAt = ContinuousClock.now
        return await ShortTask.run(with: connection, on: executor) { connection in
            switch message {
            case .text(let text):
                await outbox.handling { await receive(&connection, text, receivedAt) }
            case .binary:
                service.metrics.error(.binaryFrame)
                outbox.send(.error(.binaryFrame, "send JSON in text frames; binary frames are not read"))
            }
        }.0
    }

    @inline(never)
    private func finish(_ connection: inout Connection, outbox: Outbox<Event>, executor: EventLoopExecutor) async {
        (connection, _) = await ShortTask.run(with: connection, on: executor) { await close(&$0) }
        await outbox.flush()
    }

    @inline(never)
    private func refuseBusy(_ outbound: WebSocketOutboundWriter) async {
        service.metrics.error(.serverBusy)
        try? await outbound.write(.text(Event.error(.serverBusy, "the server is busy; try again later").json()))
    }

    @inline(never)
    private static func outbox(writingTo outbound: WebSocketOutboundWriter) -> Outbox<Event> {
        Outbox<Event> { event in
            try await outbound.write(.text(event.json()))
        } overflow: {
            Task { try? await outbound.close(.policyViolation, reason: "too many events unread") }
        }
    }
}
