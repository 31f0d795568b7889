internal import Logging
internal import NIOCore
internal import NIOPosix
internal import NIOSSL
internal import ServiceLifecycle

/// The TCP line protocol (SwiftNIO): one UTF-8 line per message. On graceful
/// shutdown it stops accepting, lets every connection finish the message in
/// hand (committed and answered), then closes them.
struct LineServer: Service {
    let service: ChatService
    private let listener: NIOAsyncChannel<NIOAsyncChannel<LineFrame, ByteBuffer>, Never>

    /// Listens on `host:port` (port 0: any free port), speaking TLS when
    /// `tls` is given; fails at once when it cannot.
    init(service: ChatService, host: String, port: Int, tls: TLSConfiguration? = nil) async throws {
        self.service = service
        let tlsContext = try tls.map(NIOSSLContext.init(configuration:))
        let maxLength = service.limits.maxMessageBytes
        let idle = TimeAmount.seconds(Int64(service.limits.lineIdleSeconds))
        listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tlsContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tlsContext))
                    }
                    try channel.pipeline.syncOperations.addHandlers(
                        IdleStateHandler(readTimeout: idle), SilentLineCloser(),
                        ByteToMessageHandler(LineFrameDecoder(maxLength: maxLength)))
                    return try NIOAsyncChannel<LineFrame, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
    }

    /// The port it listens on.
    var port: Int { listener.channel.localAddress?.port ?? 0 }

    /// Serves until graceful shutdown.
    func run() async throws {
        let listener = self.listener
        try await withGracefulShutdownHandler {
            try await listener.executeThenClose { clients in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await client in clients {
                            // The connection's handling runs on the thread that reads and writes its socket.
                            let executor = EventLoopExecutor(client.channel.eventLoop)
                            group.addTask(executorPreference: executor) { await serve(client, on: executor) }
                        }
                    } catch {
                        service.logger.debug("line server stopped accepting", metadata: ["error": "\(error)"])
                    }
                }
            }
        } onGracefulShutdown: {
            listener.channel.close(promise: nil)
        }
    }

    private func serve(_ client: NIOAsyncChannel<LineFrame, ByteBuffer>, on executor: EventLoopExecutor) async {
        let service = self.service
        guard service.metrics.openConnection("tcp", limit: service.limits.maxConnections) else {
            service.metrics.error(.serverBusy)
            try? await client.executeThenClose { _, outbound in
                try await outbound.write(ByteBuffer(string: "error> the server is busy; try again later\n"))
            }
            return
        }
        defer { service.metrics.closeConnection("tcp") }
        let address = client.channel.remoteAddress?.ipAddress
        guard service.addressLimiter.connect(address) else {
            service.metrics.limited(.connectionsPerAddress)
            try? await client.executeThenClose { _, outbound in
                try await outbound.write(
                    ByteBuffer(string: "error> too many connections from your address; close some and try again\n"))
                // Not read, and closed only after the hold: refusing a flood costs the flooder the wait.
                await service.refusalHold.hold()
            }
            return
        }
        defer { service.addressLimiter.disconnect(address) }
        do {
            try await withGracefulShutdownHandler {
                try await client.executeThenClose { inbound, outbound in
                    let outbox = Outbox<String> { lines in
                        try await outbound.write(ByteBuffer(string: lines + "\n"))
                    } overflow: {
                        client.channel.close(promise: nil)
                    }
                    try await ConnectionLoop.run(
                        inbound,
                        connection: LineSession(service: service, address: address, send: outbox.send),
                        outbox: outbox,
                        on: executor,
                        handle: { session, frame, receivedAt in await session.receive(frame, receivedAt: receivedAt) },
                        finish: { await $0.close() })
                }
            } onGracefulShutdown: {
                // Stop reading: the message in hand is finished and answered, then the connection closes.
                client.channel.close(mode: .input).whenFailure { _ in client.channel.close(promise: nil) }
            }
        } catch {
            service.logger.debug("line connection ended", metadata: ["error": "\(error)"])
        }
    }
}
