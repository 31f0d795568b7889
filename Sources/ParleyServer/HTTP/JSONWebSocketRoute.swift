internal import Hummingbird
internal import HummingbirdWebSocket
internal import NIOCore
internal import NIOWebSocket

/// A WebSocket route of JSON text frames both ways, one connection value per
/// socket: what the customers' `/ws` and the agents' `/agent/ws` share.
/// Binary frames get an error; frames over the size limit, or text that is
/// not UTF-8, close the connection with the standard codes (1009, 1007). A
/// server at its connection limit answers the upgrade request with 503.
/// Frames are read and handled by the `ConnectionLoop` every transport shares.
struct JSONWebSocketRoute<Connection: Sendable, Event: OutboundEvent>: Sendable {
    let path: RouterPath
    /// The connections' name in metrics: "web", "agent".
    let channel: String
    let service: ChatService
    /// A new connection for the client at the address given (its IP), whose events go to the outbox given.
    let open: @Sendable (String?, @escaping @Sendable (Event) -> Void) -> Connection
    /// Handles one text frame, with the time it arrived; returns whether to close the connection.
    let receive: @Sendable (inout Connection, String, ContinuousClock.Instant) async -> Bool
    /// Ends the connection's hold on what it holds.
    let close: @Sendable (inout Connection) async -> Void
    /// Checks the upgrade request beyond its origin and the connection limit; throws the HTTP refusal.
    var admit: @Sendable (Request, ServerRequestContext) async throws -> Void = { _, _ in }
    /// Runs on a new connection before its first frame is read, with the upgrade request.
    var start: @Sendable (inout Connection, Request) async -> Void = { _, _ in }

    func add(to router: Router<ServerRequestContext>) {
        let route = self
        let service = self.service
        let limit = route.limit
        router.ws(path) { request, context in
            // Browsers say which page opens a WebSocket: only the server's own pages and the shop's
            // sites may open the customers' one, only the console the agents' one.
            guard
                service.origins.admits(
                    origin: request.headers[.origin], authority: request.head.authority,
                    sameOriginOnly: route.channel == "agent")
            else {
                service.metrics.error(.forbidden)
                throw HTTPError(
                    .forbidden, message: "this page's origin may not open \(route.path); see allowed_origins")
            }
            // A full server answers the upgrade request with 503: no WebSocket is set up at all.
            let open = route.channel == "agent" ? service.metrics.openAgentConnections : service.metrics.openConnections
            guard open < limit else {
                service.metrics.error(.serverBusy)
                throw HTTPError(.serviceUnavailable, message: "the server is busy; try again later")
            }
            try await route.admit(request, context)
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            let executor = EventLoopExecutor(context.requestContext.eventLoop)
            let address = context.requestContext.clientAddress
            try await withTaskExecutorPreference(executor) {
                try await route.serve(inbound, outbound, request: context.request, address: address, on: executor)
            }
        }
    }

    /// Open connections of this route's kind beyond which new ones are refused:
    /// agents have places of their own.
    private var limit: Int {
        channel == "agent" ? service.limits.maxAgentConnections : service.limits.maxConnections
    }

    /// Serves one upgraded connection until it closes (`ConnectionLoop`).
    private func serve(
        _ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter, request: Request, address: String?,
        on executor: EventLoopExecutor
    ) async throws {
        guard service.metrics.openConnection(channel, limit: limit) else {
            // Others took the last places since the upgrade was accepted.
            return await refuseBusy(outbound)
        }
        defer { service.metrics.closeConnection(channel) }
        let outbox = Self.outbox(writingTo: outbound)
        let (receive, service) = (self.receive, self.service)
        var connection = open(address, outbox.send)
        await outbox.handling { await start(&connection, request) }
        try await ConnectionLoop.run(
            inbound.messages(maxSize: service.limits.maxMessageBytes), connection: connection,
            outbox: outbox,
            on: executor,
            handle: { connection, message, receivedAt in
                switch message {
                case .text(let text):
                    return await receive(&connection, text, receivedAt)
                case .binary:
                    service.metrics.error(.binaryFrame)
                    outbox.send(.error(.binaryFrame, "send JSON in text frames; binary frames are not read"))
                    return false
                }
            },
            finish: close)
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
            if event.endsConnection { try await outbound.close(.normalClosure, reason: "signed out") }
        } overflow: {
            Task { try? await outbound.close(.policyViolation, reason: "too many events unread") }
        }
    }
}
