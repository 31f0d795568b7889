import ArgumentParser
import Foundation
import ParleyServer

/// `parley-bench handover`: how fast people reach people.
struct HandoverBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handover",
        abstract: "Measure escalation → offer and take → agent_joined over real sockets, optionally under load.",
        discussion: """
            Signs in as --agent (password on standard input) at /agent/ws, then, --rounds times, \
            starts a customer on /ws who asks for a person (offers of other conversations are \
            declined): escalation_to_offer is from the \
            customer's "human" frame leaving to the agent's "offer" arriving; take_to_joined from the \
            agent's "take" leaving to the customer's "agent_joined" arriving. The agent then hands \
            the conversation back. For reference, the same customer's bot round trip (one \
            message, one reply) is measured in the same run: ratios are to its median. \
            --load customers chat with the bot meanwhile as fast as they are answered, for \
            --duration seconds; rounds stop a second before that (or after --rounds). Run it \
            against a server where no other agent is available (offers go to the least busy one), \
            with a rate limit above the load (PARLEY_MESSAGES_PER_SECOND=1000000 PARLEY_BURST=1000000).
            """
    )

    @Option(help: "The server's base WebSocket URL, e.g. ws://127.0.0.1:8080.")
    var url: String

    @Option(help: "The agent to sign in as (create it with `parley users add`).")
    var agent: String

    @Option(help: "Handovers to measure, one after another.")
    var rounds = 50

    @Option(help: "Customers chatting with the bot meanwhile.")
    var load = 0

    @Option(help: "Seconds the load lasts (with --load).")
    var duration = 10.0

    func run() async throws {
        guard let password = readLine(), !password.isEmpty else {
            throw ValidationError("give the agent's password on standard input")
        }
        let base = url.hasSuffix("/") ? String(url.dropLast()) : url
        let desk = SocketPeer(url: base + "/agent/ws")
        desk.send(#"{"type":"login","agent":"\#(agent)","password":"\#(password)"}"#)
        var signedIn = false
        while let frame = await desk.next(containing: #""type":"#) {
            let type = Self.field("type", frame.text)
            if type == "error" { break }
            if type == "signed_in" {
                signedIn = true
                break
            }
        }
        guard signedIn else { throw HandoverBenchmarkError.couldNotSignIn(agent: agent) }
        let frames = ChatBenchmark.defaultMessages.map { text in
            WireCoding.line(ClientMessage.message(.init(text: text)))
        }

        let deadline = ContinuousClock.now + .seconds(load > 0 ? duration : 24 * 3600)
        let background = Task {
            guard load > 0 else { return 0 }
            return await withTaskGroup(of: ChatTarget.Tally.self) { group in
                let target = ChatTarget(transport: .webSocket(url: base + "/ws"), echo: false)
                for index in 0..<load {
                    group.addTask {
                        await target.customer(
                            messages: frames, offset: index,
                            deadline: { deadline }, interval: nil, firstSend: .now)
                    }
                }
                return await group.reduce(0) { $0 + $1.latencies.count }
            }
        }
        let loadStarted = ContinuousClock.now

        var offers: [Double] = []
        var joins: [Double] = []
        var roundTrips: [Double] = []
        var failures = 0
        for _ in 0..<rounds where ContinuousClock.now < deadline - .seconds(1) {
            let customer = SocketPeer(url: base + "/ws")
            customer.send(#"{"type":"hello"}"#)
            guard let welcome = await customer.next(containing: #""type":"welcome""#),
                let id = Self.field("conversation_id", welcome.text),
                await customer.next(containing: #""type":"reply""#) != nil
            else {
                failures += 1
                await customer.close()
                continue
            }
            let asked = customer.send(#"{"type":"message","text":"where is my order?"}"#)
            if let answer = await customer.next(containing: #""type":"reply""#) {
                roundTrips.append((answer.at - asked).microseconds)
            }
            let escalated = customer.send(#"{"type":"human"}"#)
            // Out of office hours an escalation becomes a ticket: no agent is offered anything.
            if let answer = await customer.next(containing: #""type":"reply""#),
                answer.text.contains(#""action":"out_of_hours""#)
            {
                await customer.close()
                await desk.close()
                throw HandoverBenchmarkError.outOfOfficeHours
            }
            guard let offer = await offer(of: id, on: desk) else { break }
            offers.append((offer.at - escalated).microseconds)
            let taken = desk.send(#"{"type":"take","conversation_id":"\#(id)"}"#)
            guard let joined = await customer.next(containing: #""type":"agent_joined""#) else {
                failures += 1
                continue
            }
            joins.append((joined.at - taken).microseconds)
            desk.send(#"{"type":"handback","conversation_id":"\#(id)"}"#)
            _ = await desk.next(containing: #""type":"released""#, id)
            await customer.close()
        }
        let loadMessages = await background.value
        let elapsed = (ContinuousClock.now - loadStarted).microseconds / 1e6
        await desk.close()

        offers.sort()
        joins.sort()
        roundTrips.sort()
        let reference = percentile(roundTrips, 0.5)
        try printJSON([
            "rounds": .int(joins.count), "failures": .int(failures), "load_customers": .int(load),
            "load_msgs_per_s": .double(Double(loadMessages) / max(elapsed, 0.001)),
            "escalation_to_offer_p50_us": .double(percentile(offers, 0.5)),
            "escalation_to_offer_p99_us": .double(percentile(offers, 0.99)),
            "escalation_to_offer_max_us": .double(offers.last ?? 0),
            "take_to_joined_p50_us": .double(percentile(joins, 0.5)),
            "take_to_joined_p99_us": .double(percentile(joins, 0.99)),
            "take_to_joined_max_us": .double(joins.last ?? 0),
            "bot_round_trip_p50_us": .double(reference),
            "take_to_joined_ratio_to_round_trip": .double(reference > 0 ? percentile(joins, 0.5) / reference : 0),
            "escalation_to_offer_ratio_to_round_trip": .double(
                reference > 0 ? percentile(offers, 0.5) / reference : 0),
        ])
    }

    /// Waits for the offer of conversation `id`, declining offers of others
    /// (customers of the load who escalated), so they go to someone else.
    private func offer(of id: String, on desk: SocketPeer) async -> (text: String, at: ContinuousClock.Instant)? {
        while let offer = await desk.next(containing: #""type":"offer""#) {
            if offer.text.contains(id) { return offer }
            if let other = Self.field("conversation_id", offer.text) {
                desk.send(#"{"type":"decline","conversation_id":"\#(other)"}"#)
            }
        }
        return nil
    }

    /// A top-level text field of a JSON event.
    static func field(_ name: String, _ json: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return nil
        }
        return object[name] as? String
    }
}
