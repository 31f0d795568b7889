import ArgumentParser
import Foundation
import Logging
import NIOCore
import ParleyBot
import ParleyServer
import ParleyStore
import ServiceLifecycle
import UnixSignals

/// `parley serve`: the chat server.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the chat server: WebSocket (/ws), HTTP API and the TCP line protocol.",
        discussion: """
            Settings come from flags, then PARLEY_* environment variables, then the settings \
            file, then the defaults (docs/CONFIGURATION.md). SIGTERM or SIGINT stops the server \
            gracefully: it stops accepting, finishes and commits the messages in hand, and closes \
            every connection. SIGHUP reloads the bot from its files, as `parley reload` does.
            """
    )

    @OptionGroup var bot: BotOptions

    @Option(help: "The address to listen on (default 127.0.0.1).")
    var host: String?

    @Option(help: "The HTTP and WebSocket port (default 8080).")
    var port: Int?

    @Option(name: .customLong("line-port"), help: "The TCP line-protocol port (default 7070).")
    var linePort: Int?

    @Option(help: "The CRM store's SQLite file (default parley.sqlite).")
    var store: String?

    @Option(
        name: .customLong("tls-cert"), help: "PEM certificate chain: serve HTTPS/WSS and TLS lines (with --tls-key).")
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key of --tls-cert.")
    var tlsKey: String?

    @Option(help: "The server's settings file, used when it exists.")
    var settings = "parley.yml"

    @Option(help: "Conversation scripts a reload plays before the new bot goes live, when the folder exists.")
    var conversations = "Tests/Conversations"

    /// "Office hours Mon–Fri 09:00–17:30 (Europe/London): agents are away until Monday 09:00 (Europe/London); …"
    static func officeHoursLine(_ info: OfficeHoursInfo, settings: String) -> String {
        guard let hours = info.hours else {
            return "Office hours: none set in \(settings), so agents are always in and escalations go to the queue."
        }
        var line = "Office hours \(hours): \(info.description)"
        line += info.open ? "." : "; until then escalations become tickets (a person answers by email)."
        return line + " Change or remove office_hours in \(settings) to change that."
    }

    func run() async throws {
        var logger = Logger(label: "parley")
        logger.logLevel = .info
        let configuration: ServerConfiguration
        let service: ChatService
        do {
            var resolved = try ServerConfiguration.load(file: settings)
            if let host { try resolved.set(.host, host, source: "--host") }
            if let port { try resolved.set(.port, String(port), source: "--port") }
            if let linePort { try resolved.set(.linePort, String(linePort), source: "--line-port") }
            if let store { try resolved.set(.store, store, source: "--store") }
            if let tlsCert { try resolved.set(.tlsCert, tlsCert, source: "--tls-cert") }
            if let tlsKey { try resolved.set(.tlsKey, tlsKey, source: "--tls-key") }
            configuration = resolved
            let build = try bot.loadBuild()
            var reloadPaths = bot.paths
            reloadPaths.conversations = conversations
            let shop = try DemoShop.load(for: build.bot.policy.configuration)
            service = ChatService(
                bot: build.bot, store: try SQLiteCRMStore(path: configuration.store),
                redactor: PIIRedactor(kinds: build.configuration.redact), limits: configuration.limits,
                desk: configuration.desk, access: configuration.access, actions: WebhookActions(), demoShop: shop,
                reloads: BotReloader.Source(paths: reloadPaths, running: build), logger: logger)
        } catch {
            throw fail(error)
        }
        let server = ParleyServer(configuration: configuration, service: service, logger: logger) { ports in
            note(
                "Parley is listening: http://\(configuration.host):\(ports.http)/ (WebSocket /ws), "
                    + "line protocol on \(configuration.host):\(ports.line); store \(configuration.store)")
            note(Self.officeHoursLine(service.desk.officeHoursInfo(), settings: bot.config))
            if service.demoShop != nil {
                note(
                    "The demo shop's API takes POSTs under http://\(configuration.host):\(ports.http)/demo/shop/orders/ "
                        + "(its orders: demo-shop.yml beside \(bot.config); demo_shop: false there turns it off).")
            }
        }
        let group = ServiceGroup(
            services: [server, ReloadOnHangup(service: service)], gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        do {
            try await group.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            note(
                "Port \(configuration.port) or \(configuration.linePort) on \(configuration.host) is already in use "
                    + "(another parley serve?): stop what listens there, or choose other ports with --port and "
                    + "--line-port.")
            throw ExitCode.failure
        } catch {
            throw fail(error)
        }
    }
}
