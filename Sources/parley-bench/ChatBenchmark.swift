import ArgumentParser
import Foundation
import ParleyClient
import ParleyServer

/// `parley-bench chat`: a load generator for the chat server.
struct ChatBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract:
            "Load a chat server with concurrent customers and report throughput, latency and the server's memory.",
        discussion: """
            Each customer says hello, then sends messages in turn and waits for each answer. \
            server_p50_us is the median from the server's own histogram (parley_reply_seconds: a \
            message's arrival to its stored reply leaving), interpolated within its bucket. \
            With --echo it also starts a bare Hummingbird WebSocket echo (or NIO TCP echo with --tcp) \
            in a child process, loads it the same way first, and reports the server's rate as \
            ratio_to_echo; with --echo alone it loads only the echo. Start Parley with a rate limit \
            above the load (e.g. PARLEY_MESSAGES_PER_SECOND=1000000 PARLEY_BURST=1000000), or most \
            answers are rate_limited errors.
            """
    )

    @Option(help: "The WebSocket URL to load, e.g. ws://127.0.0.1:8080/ws.")
    var url: String?

    @Option(help: "The TCP line-protocol address to load, HOST:PORT (JSON Lines mode).")
    var tcp: String?

    @Option(help: "Concurrent customers.")
    var connections = 100

    @Option(help: "Seconds of load.")
    var duration = 10.0

    @Option(help: "Messages per second over all customers (open pacing); unset: as fast as answers come.")
    var rate: Double?

    @Option(help: "A file of customer messages, one per line (default: a built-in mix of shop questions).")
    var messages: String?

    @Option(help: "Idle WebSocket customers to connect first (hello only); reports the server's memory with them.")
    var idle = 0

    @Option(
        help:
            "Seconds more to wait with the idle customers connected before reading the server's memory (Parley hands freed memory back every 10 s)."
    )
    var settle = 0.0

    @Option(
        name: .customLong("server-pid"), help: "The server's process id, to read its memory (default: its /health).")
    var serverPid: Int?

    @Flag(help: "Also load a bare echo server started in a child process, and report the ratio.")
    var echo = false

    @Option(
        help: """
            The server's TCP line address, HOST:PORT, to flood from --flood-from: after the main run, \
            the customers run --flood-rounds times without the flood and with it, alternately, each \
            --duration long; reports the pooled flood_quiet_p99_us, flood_p99_us and flood_p99_ratio \
            (flooded p99 / quiet p99), and the ratio of each round.
            """)
    var flood: String?

    @Option(
        name: .customLong("flood-from"),
        help: "The address of this machine the flood comes from (127.0.0.2 is not exempt as loopback).")
    var floodFrom = "127.0.0.2"

    @Option(name: .customLong("flood-workers"), help: "Flooding connections at once.")
    var floodWorkers = 50

    @Option(name: .customLong("flood-burst"), help: "Messages each flooding connection writes at once.")
    var floodBurst = 50

    @Option(
        name: .customLong("flood-rounds"),
        help: "Quiet and flooded runs to alternate, so that the machine's other load falls on both alike.")
    var floodRounds = 3

    @Option(
        name: .customLong("reload-token"),
        help: """
            A trainer's API token: after the main run, the customers chat on while the server retrains \
            and reloads its bot (one example added to --reload-intent in --reload-intents, taken out \
            again at the end): --duration before the reload, across it, and --duration after. Reports \
            reload_before_p99_us, reload_during_p99_us (messages sent while the reload ran), their \
            ratio, reload_errors, and visible_after_ready_ms (from the new bot being trained and \
            checked to /health showing its model_version). Needs --url.
            """)
    var reloadToken: String?

    @Option(name: .customLong("reload-intents"), help: "The running server's intents folder.")
    var reloadIntents = "intents"

    @Option(
        name: .customLong("reload-intent"), help: "The intent the probe example goes to (default: the first one).")
    var reloadIntent: String?

    func validate() throws {
        if url != nil && tcp != nil { throw ValidationError("give --url or --tcp, not both") }
        if url == nil && tcp == nil && !echo { throw ValidationError("give --url, --tcp or --echo") }
        if connections < 1 { throw ValidationError("--connections must be at least 1") }
        if idle > 0 && tcp != nil { throw ValidationError("--idle customers are WebSocket customers; use --url") }
        if flood != nil && url == nil && tcp == nil { throw ValidationError("--flood needs customers: --url or --tcp") }
        if reloadToken != nil && url == nil {
            throw ValidationError("--reload-token needs --url (/health and the reload)")
        }
    }

    func run() async throws {
        let lines = try messageLines().map { text in
            WireCoding.line(ClientMessage.message(.init(text: text)))
        }
        var report: [String: ReportValue] = ["connections": .int(connections), "duration_s": .double(duration)]
        var echoRate: Double?
        if echo {
            let child = try EchoChild(tcp: tcp != nil)
            defer { child.stop() }
            let transport: ChatTarget.Transport =
                tcp != nil
                ? .tcp(host: "127.0.0.1", port: child.port) : .webSocket(url: "ws://127.0.0.1:\(child.port)/ws")
            let echoTarget = ChatTarget(transport: transport, echo: true)
            if idle > 0 {
                let memory = { ProcessMemory.residentBytes(pid: String(child.pid)) }
                for (key, value) in try await idleReport(echoTarget, memory: memory) { report["echo_" + key] = value }
            }
            let result = await load(echoTarget, lines) { ProcessCPU.seconds(pid: String(child.pid)) }
            echoRate = result.rate
            for (key, value) in result.report { report["echo_" + key] = value }
            if let rss = ProcessMemory.residentBytes(pid: String(child.pid)) {
                report["echo_server_rss_bytes"] = .int(rss)
            }
        }
        if let transport = try transport() {
            let target = ChatTarget(transport: transport, echo: false)
            if idle > 0 {
                for (key, value) in try await idleReport(target, memory: serverMemory) { report[key] = value }
            }
            let histogramBefore = await replyLatencyBuckets()
            let result = await load(target, lines, cpu: serverCPU)
            for (key, value) in result.report { report[key] = value }
            if let histogramBefore, let histogramAfter = await replyLatencyBuckets(),
                let server = Self.median(from: histogramBefore, to: histogramAfter)
            {
                report["server_p50_us"] = .double(server.p50)
                report["server_share_under_1ms"] = .double(server.underOneMillisecond)
            }
            if let rss = await serverMemory() { report["server_rss_bytes"] = .int(rss) }
            if let echoRate, echoRate > 0 { report["ratio_to_echo"] = .double(result.rate / echoRate) }
            if let flood {
                for (key, value) in try await floodReport(target, lines, address: flood) { report[key] = value }
            }
            if let reloadToken {
                for (key, value) in try await reloadReport(target, lines, token: reloadToken) { report[key] = value }
            }
        }
        try printJSON(report)
    }

    /// Runs the customers against `target` for `duration` seconds; `cpu`
    /// reads the server's processor time, to report what a message cost it.
    /// Returns the messages a second, the report, and the round trips in
    /// microseconds, sorted.
    private func load(_ target: ChatTarget, _ lines: [String], cpu: () async -> Double?) async -> (
        rate: Double, report: [String: ReportValue], latencies: [Double]
    ) {
        let cpuBefore = await cpu()
        let clientCPUBefore = ProcessCPU.seconds()
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = started + .seconds(duration)
        let tallies = await customers(target, lines, started: started, deadline: { deadline })
        let elapsed = (clock.now - started).microseconds / 1e6
        let latencies = tallies.flatMap(\.latencies).sorted()
        let rate = Double(latencies.count) / elapsed
        var report: [String: ReportValue] = [
            "messages": .int(latencies.count), "msgs_per_s": .double(rate),
            "p50_us": .double(percentile(latencies, 0.5)), "p99_us": .double(percentile(latencies, 0.99)),
            "errors": .int(tallies.reduce(0) { $0 + $1.errors }),
        ]
        if let cpuBefore, let cpuAfter = await cpu(), !latencies.isEmpty {
            report["server_cpu_us_per_msg"] = .double((cpuAfter - cpuBefore) * 1e6 / Double(latencies.count))
        }
        // The load generator shares the machine: what it used per message bounds what is left for the server.
        if let clientCPUBefore, let clientCPUAfter = ProcessCPU.seconds(), !latencies.isEmpty {
            report["client_cpu_us_per_msg"] = .double(
                (clientCPUAfter - clientCPUBefore) * 1e6 / Double(latencies.count))
        }
        return (rate, report, latencies)
    }

    /// The `connections` customers, from `started` until `deadline()`: what each measured.
    private func customers(
        _ target: ChatTarget, _ lines: [String], started: ContinuousClock.Instant,
        deadline: @escaping @Sendable () -> ContinuousClock.Instant
    ) async -> [ChatTarget.Tally] {
        let interval = rate.map { Duration.seconds(Double(connections) / $0) }
        return await withTaskGroup(of: ChatTarget.Tally.self) { group in
            for index in 0..<connections {
                group.addTask {
                    // Paced customers start spread over one interval, not all at once.
                    let firstSend = started + (interval ?? .zero) * (Double(index) / Double(connections))
                    return await target.customer(
                        messages: lines, offset: index * 7, deadline: deadline, interval: interval,
                        firstSend: firstSend)
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// The customers `floodRounds` times without a flood on `address` and
    /// with it, alternately: their pooled latencies in each condition, the
    /// ratio of the flooded p99 to the quiet one, each round's ratio, and
    /// what the flood did and was answered.
    private func floodReport(_ target: ChatTarget, _ lines: [String], address: String) async throws -> [String:
        ReportValue]
    {
        let parts = address.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]) else { throw ValidationError("--flood takes HOST:PORT") }
        let flood = Flood(
            host: String(parts[0]), port: port, source: floodFrom, workers: floodWorkers, burst: floodBurst)
        var quiet: [Double] = []
        var flooded: [Double] = []
        var counts = Flood.Counts()
        var roundRatios: [String] = []
        var errors = 0
        for _ in 0..<max(1, floodRounds) {
            let calm = await load(target, lines, cpu: serverCPU).latencies
            // The flood starts a second early and ends with the customers.
            let deadline = ContinuousClock.now + .seconds(duration + 1)
            let flooding = Task { try await flood.run(until: deadline) }
            try await Task.sleep(for: .seconds(1))
            let during = await load(target, lines, cpu: serverCPU)
            counts.add(try await flooding.value)
            if case .int(let failed) = during.report["errors"] { errors += failed }
            let stormy = during.latencies
            roundRatios.append(String(format: "%.2f", percentile(stormy, 0.99) / max(percentile(calm, 0.99), 1)))
            quiet += calm
            flooded += stormy
        }
        quiet.sort()
        flooded.sort()
        var report = counts.report
        report["flood_rounds"] = .int(max(1, floodRounds))
        report["flood_quiet_p50_us"] = .double(percentile(quiet, 0.5))
        report["flood_quiet_p99_us"] = .double(percentile(quiet, 0.99))
        report["flood_messages"] = .int(flooded.count)
        report["flood_p50_us"] = .double(percentile(flooded, 0.5))
        report["flood_p99_us"] = .double(percentile(flooded, 0.99))
        report["flood_errors"] = .int(errors)
        report["flood_p99_ratio"] = .double(percentile(flooded, 0.99) / max(percentile(quiet, 0.99), 1))
        report["flood_round_p99_ratios"] = .string(roundRatios.joined(separator: " "))
        return report
    }

    /// The customers chatting `duration` seconds, then on across a retrain
    /// and reload of the server's bot (`ReloadProbe`), then `duration` more:
    /// the p99 of the messages sent before the reload and of those sent
    /// while it ran, the errors (error answers and lost connections), and
    /// how long after the new bot was ready `/health` showed its version.
    private func reloadReport(_ target: ChatTarget, _ lines: [String], token: String) async throws -> [String:
        ReportValue]
    {
        guard let (host, port) = httpAddress else { throw ValidationError("--url needs a host and a port") }
        let probe = ReloadProbe(host: host, port: port, token: token, intents: reloadIntents, intent: reloadIntent)
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = ClientResult<ContinuousClock.Instant>()
        deadline.value = started + .seconds(24 * 3600)
        let chatting = Task { [self] in
            await customers(target, lines, started: started, deadline: { deadline.value ?? .now })
        }
        try await Task.sleep(for: .seconds(duration))
        let outcome: ReloadProbe.Outcome
        do {
            outcome = try await probe.run()
        } catch {
            deadline.value = clock.now
            _ = await chatting.value
            throw error
        }
        try await Task.sleep(for: .seconds(duration))
        deadline.value = clock.now
        let tallies = await chatting.value
        let sent = tallies.flatMap { zip($0.sentAt, $0.latencies) }
        let before = sent.filter { $0.0 < outcome.posted }.map(\.1).sorted()
        let during = sent.filter { $0.0 >= outcome.posted && $0.0 <= outcome.answered }.map(\.1).sorted()
        let after = sent.filter { $0.0 > outcome.answered }.map(\.1).sorted()
        var report: [String: ReportValue] = [
            "reload_status": .string(outcome.status), "reload_message": .string(outcome.message),
            "reload_previous_model_version": .string(outcome.previousModelVersion),
            "reload_wall_seconds": .double((outcome.answered - outcome.posted).microseconds / 1e6),
            "reload_before_messages": .int(before.count), "reload_during_messages": .int(during.count),
            "reload_after_messages": .int(after.count),
            "reload_before_p99_us": .double(percentile(before, 0.99)),
            "reload_during_p99_us": .double(percentile(during, 0.99)),
            "reload_after_p99_us": .double(percentile(after, 0.99)),
            "reload_during_p99_ratio": .double(percentile(during, 0.99) / max(percentile(before, 0.99), 1)),
            "reload_errors": .int(tallies.reduce(0) { $0 + $1.errors }),
        ]
        if let version = outcome.modelVersion { report["reload_model_version"] = .string(version) }
        if let seconds = outcome.seconds { report["reload_seconds"] = .double(seconds) }
        if let ready = outcome.readySeconds {
            report["reload_ready_seconds"] = .double(ready)
            if let visible = outcome.visible {
                report["visible_after_ready_ms"] = .double(
                    ((visible - outcome.posted).microseconds / 1e6 - ready) * 1000)
            }
        }
        return report
    }

    /// Connects `idle` silent customers, reads the server's
    /// memory with them, and times new customers meanwhile.
    private func idleReport(_ target: ChatTarget, memory: () async -> Int?) async throws -> [String: ReportValue] {
        let before = await memory()
        let settled = ClientResult<Int>()
        let holders = Task {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<idle {
                    group.addTask { await target.idleCustomer(settled: settled) }
                }
            }
        }
        // Wait until every idle customer has been greeted (or failed).
        let clock = ContinuousClock()
        let giveUp = clock.now + .seconds(300)
        while clock.now < giveUp, (settled.value ?? 0) < idle {
            try await Task.sleep(for: .milliseconds(100))
        }
        try await Task.sleep(for: .seconds(1 + settle))
        let open = settled.value ?? 0
        let rss = await memory()
        var times: [Double] = []
        for _ in 0..<20 {
            if let time = await target.newCustomer(message: #"{"type":"message","text":"where is my order?"}"#) {
                times.append(time)
            }
        }
        times.sort()
        holders.cancel()
        var report: [String: ReportValue] = [
            "idle_customers": .int(open), "new_customer_p50_ms": .double(percentile(times, 0.5)),
            "new_customer_max_ms": .double(times.last ?? 0), "new_customers_answered": .int(times.count),
        ]
        if let rss { report["idle_server_rss_bytes"] = .int(rss) }
        if let rss, let before, open > 0 { report["idle_bytes_per_connection"] = .int((rss - before) / open) }
        return report
    }

    private func transport() throws -> ChatTarget.Transport? {
        if let url { return .webSocket(url: url) }
        if let tcp {
            let parts = tcp.split(separator: ":")
            guard parts.count == 2, let port = Int(parts[1]) else { throw ValidationError("--tcp takes HOST:PORT") }
            return .tcp(host: String(parts[0]), port: port)
        }
        return nil
    }

    /// The server's HTTP host and port, from the WebSocket `--url`; nil without one.
    private var httpAddress: (host: String, port: Int)? {
        guard let url, let components = URLComponents(string: url), let host = components.host,
            let port = components.port
        else { return nil }
        return (host, port)
    }

    /// The body lines of `GET path` on the server, when loading a WebSocket URL.
    private func httpGet(_ path: String) async -> [String]? {
        guard let (host, port) = httpAddress else { return nil }
        return try? await LineClient.withConnection(host: host, port: port) { client in
            try await client.send(
                bytes: Array("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n".utf8))
            while let header = try await client.readLine(), !header.isEmpty {}
            var lines: [String] = []
            while let line = try await client.readLine() { lines.append(line) }
            return lines
        }
    }

    /// The server's /health.
    private func health() async -> [String: Any]? {
        guard let body = await httpGet("/health")?.joined(separator: "\n") else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
    }

    /// The server's reply-latency histogram from /metrics: cumulative counts by upper bound in seconds.
    private func replyLatencyBuckets() async -> [(bound: Double, count: Double)]? {
        guard let lines = await httpGet("/metrics") else { return nil }
        let prefix = "parley_reply_seconds_bucket{le=\""
        return lines.compactMap { line in
            guard line.hasPrefix(prefix) else { return nil }
            let rest = line.dropFirst(prefix.count)
            guard let quote = rest.firstIndex(of: "\""), let count = Double(rest.split(separator: " ").last ?? "")
            else { return nil }
            let bound = rest[..<quote] == "+Inf" ? Double.infinity : Double(rest[..<quote]) ?? .infinity
            return (bound, count)
        }
    }

    /// The median of the replies counted between two histogram readings,
    /// interpolated within its bucket, in microseconds.
    static func median(from before: [(bound: Double, count: Double)], to after: [(bound: Double, count: Double)])
        -> (p50: Double, underOneMillisecond: Double)?
    {
        let counts = zip(before, after).map { (bound: $1.bound, count: $1.count - $0.count) }
        guard let total = counts.last?.count, total > 0 else { return nil }
        let underOne = counts.first { $0.bound >= 0.001 }.map { $0.count / total } ?? 0
        var lower = (bound: 0.0, count: 0.0)
        for bucket in counts {
            if bucket.count >= total / 2 {
                guard bucket.bound.isFinite else { return (lower.bound * 1e6, underOne) }
                let share = (total / 2 - lower.count) / max(1, bucket.count - lower.count)
                return ((lower.bound + share * (bucket.bound - lower.bound)) * 1e6, underOne)
            }
            lower = bucket
        }
        return nil
    }

    private func serverCPU() async -> Double? {
        if let serverPid { return ProcessCPU.seconds(pid: String(serverPid)) }
        return await health()?["cpu_seconds"] as? Double
    }

    private func serverMemory() async -> Int? {
        if let serverPid { return ProcessMemory.residentBytes(pid: String(serverPid)) }
        return await health()?["rss_bytes"] as? Int
    }

    private func messageLines() throws -> [String] {
        guard let messages else { return Self.defaultMessages }
        let text = try String(contentsOfFile: messages, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
        guard !lines.isEmpty else { throw ValidationError("\(messages) has no messages") }
        return lines
    }

    /// A mix of what a shop's customers write.
    static let defaultMessages = [
        "hi there", "where is my order A-10234?", "I want to return the shoes I bought",
        "how long does delivery to Germany take?", "my parcel arrived damaged",
        "can I pay with PayPal?", "I was charged twice for order B-55512", "do you have the blue jacket in size M?",
        "how do I reset my password", "thanks, that helps!", "what are your opening hours?",
        "can I change the delivery address for order A-20001", "when will I get my refund of £24.99?",
        "the discount code SAVE10 does not work",
    ]
}
