import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import ParleyBot
import ParleyServer
import ParleyStore
import ServiceLifecycle

/// `parley-bench actions`: whether a slow action holds up other conversations,
/// and whether an action's timeout fires when it should.
struct ActionsBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "Measure what a slow action costs the other conversations, and how exactly action timeouts fire.",
        discussion: """
            Starts, in this process, a webhook server on loopback (its order-status endpoint answers after \
            --slow-seconds, the others at once) and a Parley server with the shipped bot's intents and \
            responses whose actions call it (a store in a temporary folder, no rate limit). Then two runs \
            of --duration seconds with --connections WebSocket customers each: in the first all of them \
            chat without actions (baseline), in the second --slow of them ask for an order's status over \
            and over, each answer waiting for the slow webhook. Prints the other customers' p99 in both \
            runs and their ratio (the slow action must not delay them: at most 1.5), the slow customers' \
            p50, and the action timeout measured on its own: --timeout-calls calls of an action with a \
            --action-timeout s timeout to the slow endpoint, each timed until the failure comes back.
            """
    )

    @Option(help: "The intents folder.") var intents = "intents"
    @Option(help: "The responses folder (its actions: order_status, cancel_order, change_address, report_problem).")
    var responses = "responses"
    @Option(help: "Concurrent customers in each run.") var connections = 100
    @Option(help: "Customers of the second run whose every message calls the slow action.") var slow = 10
    @Option(help: "Seconds the slow webhook takes to answer.") var slowSeconds = 2.0
    @Option(help: "Seconds of load in each run.") var duration = 8.0
    @Option(help: "The timeout of the action measured on its own, in seconds.") var actionTimeout = 1.0
    @Option(help: "Calls that time out, to measure the timeout.") var timeoutCalls = 20

    func validate() throws {
        if slow >= connections { throw ValidationError("--slow must be fewer than --connections") }
        if slowSeconds >= 3 { throw ValidationError("--slow-seconds must be under the actions' 3 s timeout") }
    }

    func run() async throws {
        var logger = Logger(label: "parley-bench")
        logger.logLevel = .error
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let webhookService = try await WebhookService.start(
            router: Self.webhook(slowSeconds: slowSeconds), logger: logger)
        let webhookPort = webhookService.port
        defer { webhookService.stop() }

        let settings = """
            actions:
              order_status: {url: "http://127.0.0.1:\(webhookPort)/slow", timeout: 3}
              cancel_order: {url: "http://127.0.0.1:\(webhookPort)/fast", timeout: 3}
              change_address: {url: "http://127.0.0.1:\(webhookPort)/fast", timeout: 3}
              report_problem: {url: "http://127.0.0.1:\(webhookPort)/fast", timeout: 3}
            """
        let botFile = folder.appendingPathComponent("bot.yml").path
        try settings.write(toFile: botFile, atomically: true, encoding: .utf8)
        let (bot, _) = try Bot.load(
            Bot.Paths(
                intents: intents, responses: responses, configuration: botFile,
                model: folder.appendingPathComponent("model.parley").path))
        var limits = ChatLimits()
        limits.messagesPerSecond = 1_000_000
        limits.burst = 1_000_000
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.linePort = 0
        configuration.limits = limits
        let service = ChatService(
            bot: bot, store: try SQLiteCRMStore(path: folder.appendingPathComponent("crm.sqlite").path),
            redactor: PIIRedactor(kinds: []), limits: limits, actions: WebhookActions(), logger: logger)
        let ready = AsyncStream<ParleyServer.Ports>.makeStream()
        let server = ParleyServer(configuration: configuration, service: service, logger: logger) { ports in
            ready.continuation.yield(ports)
        }
        let group = ServiceGroup(services: [server], logger: logger)
        let running = Task { try await group.run() }
        var iterator = ready.stream.makeAsyncIterator()
        guard let ports = await iterator.next() else { throw CancellationError() }
        let target = ChatTarget(transport: .webSocket(url: "ws://127.0.0.1:\(ports.http)/ws"), echo: false)

        let chatter = Self.chatter.map { WireCoding.line(ClientMessage.message(.init(text: $0))) }
        let orders = [WireCoding.line(ClientMessage.message(.init(text: "where is my order A-10234?")))]
        let baseline = await load(target, others: connections, chatter: chatter, slow: 0, orders: orders)
        let withSlow = await load(target, others: connections - slow, chatter: chatter, slow: slow, orders: orders)
        let timeouts = await measureTimeouts(webhookPort: webhookPort)

        await group.triggerGracefulShutdown()
        _ = try? await running.value

        let baseP99 = percentile(baseline.others, 0.99)
        let slowP99 = percentile(withSlow.others, 0.99)
        var report: [String: ReportValue] = [
            "connections": .int(connections), "slow_customers": .int(slow), "slow_action_s": .double(slowSeconds),
            "duration_s": .double(duration),
            "others_p99_ms_without_slow_action": .double(baseP99 / 1000),
            "others_p99_ms_with_slow_action": .double(slowP99 / 1000),
            "others_p99_ratio": .double(baseP99 > 0 ? slowP99 / baseP99 : 0),
            "others_messages_without": .int(baseline.others.count),
            "others_messages_with": .int(withSlow.others.count),
            "slow_customers_p50_ms": .double(percentile(withSlow.slow, 0.5) / 1000),
            "slow_customers_messages": .int(withSlow.slow.count),
            "errors": .int(baseline.errors + withSlow.errors),
            "action_timeout_s": .double(actionTimeout),
        ]
        if !timeouts.isEmpty {
            report["timeout_fired_p50_s"] = .double(percentile(timeouts, 0.5))
            report["timeout_fired_min_s"] = .double(timeouts.first!)
            report["timeout_fired_max_s"] = .double(timeouts.last!)
            report["timeout_within_10_percent"] = .string(
                timeouts.allSatisfy { abs($0 - actionTimeout) <= actionTimeout * 0.1 } ? "yes" : "no")
        }
        try printJSON(report)
    }

    /// Messages that call no action: what the other customers say.
    static let chatter = [
        "hi there", "I want to return the shoes I bought", "how long does delivery to Germany take?",
        "can I pay with PayPal?", "how do I reset my password", "thanks, that helps!",
        "what are your opening hours?", "the discount code SAVE10 does not work", "do you have gift cards?",
    ]

    /// One run: `others` customers chatting, `slow` customers asking for an order's status.
    private func load(_ target: ChatTarget, others: Int, chatter: [String], slow: Int, orders: [String]) async -> (
        others: [Double], slow: [Double], errors: Int
    ) {
        let started = ContinuousClock.now
        let deadline = started + .seconds(duration)
        let tallies = await withTaskGroup(of: (Bool, ChatTarget.Tally).self) { group in
            for index in 0..<(others + slow) {
                let isSlow = index >= others
                group.addTask {
                    (
                        isSlow,
                        await target.customer(
                            messages: isSlow ? orders : chatter, offset: index * 7, deadline: { deadline },
                            interval: nil,
                            firstSend: started)
                    )
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let otherLatencies = tallies.filter { !$0.0 }.flatMap(\.1.latencies).sorted()
        let slowLatencies = tallies.filter(\.0).flatMap(\.1.latencies).sorted()
        return (otherLatencies, slowLatencies, tallies.reduce(0) { $0 + $1.1.errors })
    }

    /// How long calls to the slow endpoint take to fail with `--action-timeout`, in seconds, sorted.
    private func measureTimeouts(webhookPort: Int) async -> [Double] {
        let actions = WebhookActions()
        let definition = ActionDefinition(
            name: "order_status", url: "http://127.0.0.1:\(webhookPort)/slow", timeout: actionTimeout)
        let call = ActionCall(name: "order_status", intent: "order_status", request: .object([:]))
        var times: [Double] = []
        for _ in 0..<timeoutCalls {
            let started = ContinuousClock.now
            if case .failed(.timeout) = await actions.perform(call, definition: definition) {
                times.append((ContinuousClock.now - started).microseconds / 1e6)
            }
        }
        return times.sorted()
    }

    /// The shop's webhooks: `/slow` answers after `slowSeconds`, `/fast` at once.
    static func webhook(slowSeconds: Double) -> Router<BasicRequestContext> {
        let router = Router()
        let answer = #"{"outcome":"shipped","carrier":"DPD","eta":"Friday","tracking":"https://track.example.com/x"}"#
        router.post("/slow") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 1 << 20)
            try await Task.sleep(for: .seconds(slowSeconds))
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: answer)))
        }
        router.post("/fast") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 1 << 20)
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"outcome":"not_found"}"#)))
        }
        return router
    }
}

/// A Hummingbird application on a free loopback port, run in the background until `stop`.
struct WebhookService {
    let port: Int
    private let task: Task<Void, any Error>

    static func start(router: Router<BasicRequestContext>, logger: Logger) async throws -> WebhookService {
        let ready = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in ready.continuation.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        let task = Task { try await app.runService() }
        var iterator = ready.stream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return WebhookService(port: port, task: task)
    }

    func stop() {
        task.cancel()
    }
}
