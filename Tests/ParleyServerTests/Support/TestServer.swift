import Foundation
import Logging
import ParleyBot
import ParleyServer
import ParleyStore
import ParleyTestSupport
import ServiceLifecycle

/// A Parley server on free ports with a small shop bot and an SQLite store
/// in a temporary folder, for tests over real sockets.
final class TestServer: Sendable {
    let folder: TemporaryFolder
    let ports: ParleyServer.Ports
    let service: ChatService
    let storePath: String
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    /// Starts the server; `limits`, `desk` and `access` adjust the defaults,
    /// `bot` is the bot's settings (`bot.yml`), `configure` the server's.
    /// With `after`, a stopped server's bot and store are started again.
    static func start(
        limits: ChatLimits = ChatLimits(), desk: DeskSettings = DeskSettings(),
        access: AccessSettings = TestServer.access, bot settings: String? = nil, responses: String? = nil,
        files: [String: String] = [:], after previous: TestServer? = nil,
        configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> TestServer {
        let folder = try previous?.folder ?? TemporaryFolder()
        for (name, contents) in files { try folder.write(name, contents) }
        var (service, configuration) = try await service(
            in: folder, limits: limits, desk: desk, access: access, bot: settings, responses: responses)
        configure(&configuration)
        let storePath = folder.path + "/crm.sqlite"
        let logger = service.logger
        let ready = AsyncStream<ParleyServer.Ports>.makeStream()
        let server = ParleyServer(configuration: configuration, service: service, logger: logger) { ports in
            ready.continuation.yield(ports)
        }
        let group = ServiceGroup(services: [server], logger: logger)
        let running = Task { try await group.run() }
        var iterator = ready.stream.makeAsyncIterator()
        guard let ports = await iterator.next() else { throw CancellationError() }
        return TestServer(
            folder: folder, ports: ports, service: service, storePath: storePath, group: group, running: running)
    }

    /// The shop bot's chat service, with its store in `folder`, and a
    /// configuration on free ports: what `start` runs, and what in-process
    /// tests hand to `buildApplication`.
    static func service(
        in folder: TemporaryFolder, limits: ChatLimits = ChatLimits(), desk: DeskSettings = DeskSettings(),
        access: AccessSettings = TestServer.access, bot settings: String? = nil, responses: String? = nil
    ) async throws -> (ChatService, ServerConfiguration) {
        try folder.write("intents/shop.yml", ShopFixture.intents)
        try folder.write("intents/human.yml", humanIntent)
        try folder.write("responses/shop.yml", responses ?? Self.responses)
        if let settings { try folder.write("bot.yml", settings) }
        let paths = Bot.Paths(
            intents: folder.path + "/intents", responses: folder.path + "/responses",
            configuration: folder.path + (settings == nil ? "/none.yml" : "/bot.yml"),
            model: folder.path + "/model.parley", conversations: folder.path + "/conversations")
        // Training blocks: on a thread of its own, not one of the two the tests' tasks share. Most
        // tests run the same shop bot: it is trained once for them all.
        let build =
            settings == nil && responses == nil
            ? try await Self.shopBuild.value : try await OwnThread.run { try BotBuild.load(paths) }
        let bot = build.bot
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let shop = try DemoShop.load(for: bot.policy.configuration)
        let service = ChatService(
            bot: bot, store: try SQLiteCRMStore(path: folder.path + "/crm.sqlite"), redactor: PIIRedactor(kinds: []),
            limits: limits, desk: desk, access: access, actions: WebhookActions(), demoShop: shop,
            reloads: BotReloader.Source(paths: paths, running: build), logger: logger)
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.linePort = 0
        configuration.limits = limits
        return (service, configuration)
    }

    private init(
        folder: TemporaryFolder, ports: ParleyServer.Ports, service: ChatService, storePath: String,
        group: ServiceGroup, running: Task<Void, any Error>
    ) {
        self.folder = folder
        self.ports = ports
        self.service = service
        self.storePath = storePath
        self.group = group
        self.running = running
    }

    var webSocketURL: String { "ws://127.0.0.1:\(ports.http)/ws" }
    var agentURL: String { "ws://127.0.0.1:\(ports.http)/agent/ws" }

    /// Adds a user (an agent unless `role` says otherwise) to the CRM store; their password is "correct horse".
    func addAgent(_ id: String, name: String, capacity: Int = 3, role: Role = .agent) async throws {
        let (hash, salt) = try AgentPassword.hash(Self.agentPassword)
        try await service.store.save(
            User(id: id, name: name, passwordHash: hash, salt: salt, role: role, capacity: capacity))
    }

    static let agentPassword = "correct horse"

    /// The shop bot with the default settings and responses, trained once, in a folder of its own.
    static let shopBuild = Task {
        let folder = try TemporaryFolder()
        try folder.write("intents/shop.yml", ShopFixture.intents)
        try folder.write("intents/human.yml", humanIntent)
        try folder.write("responses/shop.yml", responses)
        let paths = Bot.Paths(
            intents: folder.path + "/intents", responses: folder.path + "/responses",
            configuration: folder.path + "/none.yml", model: folder.path + "/model.parley")
        return try await OwnThread.run { try BotBuild.load(paths) }
    }

    /// The identity secret test servers share with "the shop".
    static let identitySecret = "test-identity-secret-0123456789abcdef"

    /// The `identity_hash` the shop's backend would send with customer `id`.
    static func identityHash(_ id: String) -> String {
        IdentityVerification.hash(id: id, secret: identitySecret)
    }

    /// The access settings of test servers: the shared identity secret.
    static var access: AccessSettings {
        var access = AccessSettings()
        access.identitySecret = identitySecret
        return access
    }

    /// Bot settings whose office hours are never open: every escalation becomes a ticket.
    static let alwaysClosed = """
        office_hours:
          time_zone: UTC
          days: []
        """

    /// Shuts the server down gracefully and waits until it has stopped.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await running.value
    }

    /// The shop's intents beside `ShopFixture`'s: a person on request.
    static let humanIntent = """
        intents:
          - intent: human
            examples:
              - I want to talk to a person
              - let me speak to a human
              - can I talk to an agent
              - real person please
              - get me a human
              - connect me to customer service staff
        """

    static let responses = """
        responses:
          - intent: order_status
            requires:
              - entity: order_id
                ask: "What is your order number?"
            replies: ["Order {{order_id}} is on its way."]
          - intent: refund
            replies: ["Refunds take 5 days."]
          - intent: greet
            replies: ["Hi! How can I help?"]
            buttons: ["Where is my order?", "Refunds"]
          - intent: password_reset
            replies: ["Use the reset link on the sign-in page."]
          - intent: human
            handover: true
            replies: ["Getting a colleague."]
        """
}
