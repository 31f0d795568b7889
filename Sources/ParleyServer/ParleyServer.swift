internal import Hummingbird
internal import HummingbirdWebSocket
public import Logging
internal import NIOCore
public import ServiceLifecycle

/// The Parley server: HTTP with the API and the customers' WebSocket on one
/// port, the TCP line protocol on another, the agents' desk, and the sweeps
/// that let idle conversations leave memory and route the queue. A `Service`: run it in a `ServiceGroup`; on
/// graceful shutdown it stops accepting, lets in-flight messages finish and
/// commit, and closes every connection cleanly.
public struct ParleyServer: Service {
    /// The ports the server listens on (useful when the configuration asked for port 0).
    public struct Ports: Sendable, Hashable {
        public var http: Int
        public var line: Int
    }

    public let configuration: ServerConfiguration
    public let service: ChatService
    private let logger: Logger
    private let onReady: @Sendable (Ports) async -> Void

    /// `onReady` is called once both ports listen.
    public init(
        configuration: ServerConfiguration, service: ChatService, logger: Logger = Logger(label: "parley"),
        onReady: @escaping @Sendable (Ports) async -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.service = service
        self.logger = logger
        self.onReady = onReady
    }

    public func run() async throws {
        let router = Router(context: ServerRequestContext.self)
        APIRoutes(service: service).add(to: router)
        WebSocketChannel(service: service).add(to: router)
        AgentWebSocketChannel(service: service).add(to: router)
        WebPages().add(to: router)
        // The line port first: a port in use fails here, before anything else starts.
        let line = try await LineServer(service: service, host: configuration.host, port: configuration.linePort)
        let restored = try await service.restoreQueue()
        if restored > 0 { logger.info("conversations waiting for an agent again", metadata: ["count": "\(restored)"]) }
        let onReady = self.onReady
        let logger = self.logger
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(
                webSocketRouter: router,
                configuration: .init(
                    ws: .init(maxFrameSize: configuration.limits.maxMessageBytes, validateUTF8: true))),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "Parley"),
            onServerRunning: { channel in
                let ports = Ports(http: channel.localAddress?.port ?? 0, line: line.port)
                logger.info("listening", metadata: ["http": "\(ports.http)", "line": "\(ports.line)"])
                await onReady(ports)
            },
            logger: logger)
        let service = self.service
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await line.run() }
            group.addTask { try await app.run() }
            group.addTask {
                // Sweep idle conversations out of memory until shutdown.
                try? await cancelWhenGracefulShutdown {
                    while !Task.isCancelled {
                        try await Task.sleep(for: .seconds(60))
                        await service.forgetIdleConversations()
                    }
                }
            }
            group.addTask {
                // Give freed memory back to the kernel now and then (see ProcessMemory).
                try? await cancelWhenGracefulShutdown {
                    while !Task.isCancelled {
                        try await Task.sleep(for: .seconds(10))
                        let started = ContinuousClock.now
                        ProcessMemory.returnFreedMemory()
                        logger.debug("returned freed memory", metadata: ["took": "\(ContinuousClock.now - started)"])
                    }
                }
            }
            group.addTask {
                // Expire offers and turn conversations nobody took into tickets.
                try? await cancelWhenGracefulShutdown {
                    while !Task.isCancelled {
                        try await Task.sleep(for: .seconds(1))
                        await service.desk.sweep()
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
