public import Hummingbird
internal import HummingbirdCore
internal import HummingbirdTLS
internal import HummingbirdWebSocket
public import Logging
internal import ParleyBot

/// The Parley server as a Hummingbird application: HTTP with the API, the
/// web pages and both WebSockets on one port (`buildRouter`), with the TCP
/// line protocol (`LineServer`) and the periodic sweeps
/// (`ConversationSweeps`) as services of its service group. Run it, or drive
/// it in process with HummingbirdTesting (`app.test(.router)` for HTTP,
/// `.live` for WebSockets).
///
/// The line port is bound here, so a port in use fails before anything
/// starts. Conversations that waited for an agent are queued again before
/// the server takes requests. `onReady` is called once both ports listen.
public func buildApplication(
    configuration: ServerConfiguration, service: ChatService, logger: Logger = Logger(label: "parley"),
    onReady: @escaping @Sendable (ParleyServer.Ports) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let tls = try ServerTLS.configuration(configuration)
    let router = buildRouter(service: service, tls: tls != nil)
    let webSocketResponder = router.buildResponder()
    let line = try await LineServer(
        service: service, host: configuration.host, port: configuration.linePort, tls: tls)
    let http = HTTPServerBuilder { responder in
        GuardedHTTPChannel(
            base: HTTP1WebSocketUpgradeChannel(
                responder: responder, webSocketResponder: webSocketResponder,
                configuration: .init(ws: .init(maxFrameSize: configuration.limits.maxMessageBytes, validateUTF8: true))),
            limiter: service.addressLimiter, metrics: service.metrics, idleSeconds: configuration.limits.httpIdleSeconds
        )
    }
    var app = Application(
        router: router,
        // With TLS the guards read the decrypted bytes: TLS comes first in each connection's pipeline.
        server: try tls.map { try .tls(http, tlsConfiguration: $0) } ?? http,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Parley"),
        services: [
            line, ConversationSweeps(service: service, retentionDays: configuration.retentionDays, logger: logger),
        ],
        onServerRunning: { channel in
            let ports = ParleyServer.Ports(http: channel.localAddress?.port ?? 0, line: line.port)
            // Actions whose URL is a path (the demo shop) go to this server.
            let host = ["0.0.0.0", "::", ""].contains(configuration.host) ? "127.0.0.1" : configuration.host
            (service.actions as? WebhookActions)?.setBase(
                "http://\(host.contains(":") ? "[\(host)]" : host):\(ports.http)")
            logger.info("listening", metadata: ["http": "\(ports.http)", "line": "\(ports.line)"])
            await onReady(ports)
        },
        logger: logger)
    app.beforeServerStarts {
        try await service.reloader?.recordStart(into: service.store)
        let restored = try await service.restoreQueue()
        if restored > 0 { logger.info("conversations waiting for an agent again", metadata: ["count": "\(restored)"]) }
    }
    return app
}

/// Every HTTP and WebSocket route of the server; with `tls`, answers tell
/// browsers to keep to HTTPS (`Strict-Transport-Security`).
func buildRouter(service: ChatService, tls: Bool = false) -> Router<ServerRequestContext> {
    let router = Router(context: ServerRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: AnsweringMiddleware())
    router.add(middleware: ForwardedAddressMiddleware(trustedProxies: Set(service.limits.trustedProxies)))
    router.add(middleware: BrowserSecurityMiddleware(origins: service.origins, strictTransport: tls))
    router.add(middleware: RequestRateMiddleware(service: service))
    APIRoutes(service: service).add(to: router)
    ReviewRoutes(service: service).add(to: router)
    AdminPages(service: service).add(to: router)
    WebSocketChannel(service: service).add(to: router)
    AgentWebSocketChannel(service: service).add(to: router)
    AgentSessionRoutes(service: service, tls: tls).add(to: router)
    WebPages(language: { service.bot.policy.configuration.language }).add(to: router)
    if let shop = service.demoShop {
        let configuration = service.bot.policy.configuration
        let secrets = configuration.actions.values.filter(\.isLocal).compactMap(\.secret)
        DemoShopRoutes(shop: shop, secrets: Array(Set(secrets))).add(to: router)
    }
    return router
}
