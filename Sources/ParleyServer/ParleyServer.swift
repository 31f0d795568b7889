public import Logging
public import ServiceLifecycle

/// The Parley server as a `Service`: builds the application
/// (`buildApplication`) and runs it until graceful shutdown, when it stops
/// accepting, lets in-flight messages finish and commit, and closes every
/// connection cleanly.
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
        let app = try await buildApplication(
            configuration: configuration, service: service, logger: logger, onReady: onReady)
        try await app.run()
    }
}
