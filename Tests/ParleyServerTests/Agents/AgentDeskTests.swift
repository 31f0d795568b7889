import Foundation
import ParleyStore
import Testing

@testable import ParleyServer

/// The desk through its connections in process: customers and agents as
/// `ChatConnection` and `AgentConnection` with collecting outboxes.
@Suite(.timeLimit(.minutes(10))) struct AgentDeskTests {
    /// A customer connection and what it received.
    struct Customer {
        var connection: ChatConnection
        let events: Collected<ServerEvent>

        init(_ server: TestServer) {
            let events = Collected<ServerEvent>()
            self.events = events
            connection = ChatConnection(service: server.service, channel: "web", outbox: events.append)
        }

        /// Starts a conversation and returns its id.
        mutating func start() async throws -> String {
            await connection.receive(ClientMessage.hello(.init()))
            return try #require(connection.conversationId)
        }

        /// The token `welcome` gave for the conversation this connection started.
        var token: String? {
            events.events.first { $0.type == .welcome }?.conversationToken
        }
    }

    /// An agent connection and what it received.
    struct Desk {
        var connection: AgentConnection
        let events: Collected<AgentEvent>

        init(_ server: TestServer) {
            let events = Collected<AgentEvent>()
            self.events = events
            connection = AgentConnection(service: server.service, outbox: events.append)
        }

        /// Signs in and returns the token.
        mutating func login(_ id: String, password: String = TestServer.agentPassword) async throws -> String {
            await connection.receive(AgentMessage.login(.init(agent: id, password: password)))
            let signedIn = try await events.first { $0.type == .signedIn || $0.type == .error }.event
            return try #require(signedIn.token, "\(signedIn.message ?? "")")
        }

        /// Sends a message of `type` as the console's JSON would carry it.
        mutating func send(_ type: String, _ conversationId: String? = nil, text: String? = nil) async {
            var fields = ["type": type]
            fields["conversation_id"] = conversationId
            fields["text"] = text
            let json = try? JSONSerialization.data(withJSONObject: fields)
            await connection.receive(json: String(decoding: json ?? Data(), as: UTF8.self))
        }
    }

    static func noDelay() -> DeskSettings {
        var settings = DeskSettings()
        settings.agentGraceSeconds = 0
        return settings
    }

    @Test func aWrongPasswordOrNameIsRefusedAlike() async throws {
        let server = try await TestServer.start()
        try await server.addAgent("ana", name: "Ana")
        var desk = Desk(server)
        await desk.connection.receive(AgentMessage.login(.init(agent: "ana", password: "wrong password")))
        await desk.connection.receive(AgentMessage.login(.init(agent: "nobody", password: TestServer.agentPassword)))
        await desk.send("queue")
        #expect(desk.events.events.map(\.code) == [.unauthorized, .unauthorized, .unauthorized])
        try await server.stop()
    }

    @Test func signInsAndRefusalsAreAuditedAndTrainersStayOffTheDesk() async throws {
        let server = try await TestServer.start()
        try await server.addAgent("ana", name: "Ana")
        try await server.addAgent("tess", name: "Tess", role: .trainer)
        var desk = Desk(server)
        await desk.connection.receive(AgentMessage.login(.init(agent: "ana", password: "wrong password")))
        await desk.connection.receive(AgentMessage.login(.init(agent: "tess", password: TestServer.agentPassword)))
        #expect(desk.events.events.map(\.code) == [.unauthorized, .forbidden])
        #expect(desk.connection.signedIn == nil)
        var second = Desk(server)
        _ = try await second.login("ana")
        let log = try await server.service.store.auditLog(since: nil, limit: 10)
        #expect(log.map(\.action) == [.signIn, .signInRefused, .signInRefused])
        #expect(log.map(\.actor) == ["user:ana", "user:tess", "user:ana"])
        #expect(log[1].detail == "role trainer may not desk")
        try await server.stop()
    }

    @Test func guessingAPasswordSoonHasToWaitEvenForTheRightOne() async throws {
        let server = try await TestServer.start()
        try await server.addAgent("ana", name: "Ana")
        var desk = Desk(server)
        for _ in 0..<10 {
            await desk.connection.receive(AgentMessage.login(.init(agent: "ana", password: "wrong password")))
        }
        await desk.connection.receive(AgentMessage.login(.init(agent: "ana", password: TestServer.agentPassword)))
        #expect(desk.events.events.map(\.code) == Array(repeating: .unauthorized, count: 10) + [.rateLimited])
        #expect(desk.connection.signedIn == nil)
        let last = try #require(try await server.service.store.auditLog(since: nil, limit: 1).first)
        #expect(last.action == .signInRefused && last.detail == "throttled for 1 s")
        try await server.stop()
    }

    @Test func anUnknownNameTakesAsLongToRefuseAsAWrongPassword() async throws {
        // Refusing an unknown name at once would tell a guesser which names exist.
        let server = try await TestServer.start()
        try await server.addAgent("ana", name: "Ana")
        var desk = Desk(server)
        func time(_ id: String) async -> Duration {
            let started = ContinuousClock.now
            await desk.connection.receive(AgentMessage.login(.init(agent: id, password: "wrong password")))
            return ContinuousClock.now - started
        }
        // Alternated, so both see the same load from the tests running beside this one.
        var wrong: [Duration] = []
        var unknown: [Duration] = []
        for _ in 0..<5 {
            wrong.append(await time("ana"))
            unknown.append(await time("nobody"))
        }
        let wrongPassword = wrong.sorted()[2]
        let unknownName = unknown.sorted()[2]
        // scrypt makes a wrong password cost tens of milliseconds; a shortcut for unknown names is ~100 times faster.
        #expect(unknownName > wrongPassword / 3, "unknown name \(unknownName), wrong password \(wrongPassword)")
        #expect(desk.events.events.allSatisfy { $0.code == .unauthorized })
        try await server.stop()
    }

    @Test func exactlyOneOfTwoAgentsTakesAConversation() async throws {
        let server = try await TestServer.start(desk: Self.noDelay())
        try await server.addAgent("ana", name: "Ana")
        try await server.addAgent("bo", name: "Bo")
        var customer = Customer(server)
        let id = try await customer.start()
        var ana = Desk(server)
        var bo = Desk(server)
        _ = try await ana.login("ana")
        _ = try await bo.login("bo")
        async let anaTakes: Void = ana.send("take", id)
        async let boTakes: Void = bo.send("take", id)
        _ = await (anaTakes, boTakes)
        let refusals = (ana.events.events + bo.events.events).filter { $0.code == .alreadyTaken }
        #expect(refusals.count == 1)
        let owner = try #require(await server.service.desk.owner(of: id))
        #expect(["ana", "bo"].contains(owner))
        #expect(customer.events.events.filter { $0.type == .agentJoined }.count == 1)
        #expect(try await server.service.store.conversation(id: id)?.assignedAgentId == owner)
        try await server.stop()
    }

    @Test func noBotReplyEverFollowsATakeover() async throws {
        // 1,000 conversations; in each, the customer writes while an agent takes over.
        let server = try await TestServer.start(limits: Self.unlimited(), desk: Self.noDelay())
        try await server.addAgent("ana", name: "Ana", capacity: 1000)
        var lead = Desk(server)
        let token = try await lead.login("ana")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<1000 {
                group.addTask { try await Self.race(index, server: server, token: token) }
            }
            try await group.waitForAll()
        }
        let owned = try await server.service.store.conversations(status: .withAgent, limit: 1000)
        #expect(owned.count == 1000)
        try await server.stop()
    }

    /// One conversation whose customer writes while an agent takes it over:
    /// checks that no bot reply follows the takeover, neither on the wire nor in the store.
    static func race(_ index: Int, server: TestServer, token: String) async throws {
        var customer = Customer(server)
        let id = try await customer.start()
        var desk = Desk(server)
        await desk.connection.receive(AgentMessage.resume(.init(token: token)))
        let connection = customer.connection
        let writes = Task {
            var connection = connection
            for text in ["where is my order A-\(index)", "hello", "refund please"] {
                await connection.receive(ClientMessage.message(.init(text: text)))
            }
        }
        await desk.send("take", id)
        await writes.value
        _ = try await customer.events.first { $0.type == .agentJoined }
        let events = customer.events.events
        let after = events.drop { $0.type != .agentJoined }
        #expect(!after.contains { $0.type == .reply && $0.from == .bot }, "\(events.map(\.type))")
        let transcript = try await server.service.store.transcript(conversationId: id)
        let stored = transcript.drop { $0.rule != "agent_joined" }
        #expect(stored.count >= 1 && !stored.contains { $0.sender == .bot })
    }

    @Test func aConversationReturnsToTheQueueWhenItsAgentDisconnects() async throws {
        let server = try await TestServer.start(desk: Self.noDelay())
        try await server.addAgent("ana", name: "Ana")
        var customer = Customer(server)
        let id = try await customer.start()
        await customer.connection.receive(ClientMessage.human)
        var ana = Desk(server)
        _ = try await ana.login("ana")
        _ = try await ana.events.first { $0.type == .offer && $0.conversationId == id }
        await ana.send("take", id)
        _ = try await customer.events.first { $0.type == .agentJoined }
        await ana.connection.close()
        let left = try await customer.events.first { $0.type == .agentLeft }.event
        #expect(left.status == .queued)
        // Told their place again.
        try await customer.events.wait { events in
            events.drop { $0.type != .agentLeft }.contains { $0.type == .waiting && $0.position == 1 }
        }
        #expect(await server.service.desk.queue().map(\.conversationId) == [id])
        #expect(try await server.service.store.conversation(id: id)?.status == .queued)
        // The next agent finds it and takes it.
        try await server.addAgent("bo", name: "Bo")
        var bo = Desk(server)
        _ = try await bo.login("bo")
        await bo.send("take", id)
        let joined = try await customer.events.first { $0.type == .agentJoined && $0.agent == "Bo" }
        #expect(joined.event.status == .withAgent)
        try await server.stop()
    }

    @Test func aRestartedServerQueuesWhatWaitedOrHadAnAgent() async throws {
        let first = try await TestServer.start()
        try await first.addAgent("ana", name: "Ana")
        var waiting = Customer(first)
        let queued = try await waiting.start()
        await waiting.connection.receive(ClientMessage.human)
        var helped = Customer(first)
        let taken = try await helped.start()
        let token = helped.token
        var ana = Desk(first)
        _ = try await ana.login("ana")
        await ana.send("take", taken)
        _ = try await helped.events.first { $0.type == .agentJoined }
        try await first.stop()

        let second = try await TestServer.start(after: first)
        let queue = await second.service.desk.queue().map(\.conversationId)
        #expect(Set(queue) == [queued, taken])
        #expect(try await second.service.store.conversation(id: taken)?.status == .queued)
        // The customer who comes back is told where they stand.
        var back = Customer(second)
        await back.connection.receive(
            ClientMessage.hello(.init(conversationId: taken, conversationToken: token, lastMessageId: 0)))
        let welcome = try await back.events.first { $0.type == .welcome }.event
        #expect(welcome.status == .queued)
        try await second.stop()
    }

    @Test func aHolderWithoutAnOutboxKeepsTheConversationInMemory() async throws {
        var limits = ChatLimits()
        limits.idleSeconds = 0
        let server = try await TestServer.start(limits: limits)
        var customer = Customer(server)
        let id = try await customer.start()
        await customer.connection.close()
        let (session, holder) = try #require(try await server.service.attach(id, outbox: nil))
        await server.service.forgetIdleConversations(now: .now + .seconds(1))
        #expect(server.service.isInMemory(id))
        await session.detach(holder)
        await server.service.forgetIdleConversations(now: .now + .seconds(1))
        #expect(!server.service.isInMemory(id))
        try await server.stop()
    }

    @Test func aCustomerWhoClosedTheTabGetsTheAgentsRepliesOnReturn() async throws {
        let server = try await TestServer.start()
        try await server.addAgent("ana", name: "Ana")
        var customer = Customer(server)
        let id = try await customer.start()
        var ana = Desk(server)
        _ = try await ana.login("ana")
        await ana.send("take", id)
        let joined = try await customer.events.first { $0.type == .agentJoined }.event
        let lastSeen = try #require(customer.events.events.last { $0.type == .reply }?.id)
        await customer.connection.close()
        let left = try await ana.events.first { $0.type == .presence }.event
        #expect(left.conversationId == id && left.online == false)
        await ana.send("say", id, text: "Your refund was sent today.")
        #expect(joined.status == .withAgent && ana.events.events.allSatisfy { $0.type != .error })
        var back = Customer(server)
        await back.connection.receive(
            ClientMessage.hello(.init(conversationId: id, conversationToken: customer.token, lastMessageId: lastSeen)))
        let missed = try await back.events.first { $0.type == .reply }.event
        #expect(missed.from == .agent && missed.text == "Your refund was sent today.")
        _ = try await ana.events.first { $0.type == .presence && $0.online == true }
        #expect(await server.service.desk.owner(of: id) == "ana")
        try await server.stop()
    }

    @Test func agentsHearTheQueueWhenItChangesNotAtEverySweep() async throws {
        let server = try await TestServer.start()
        try await server.addAgent("ana", name: "Ana")
        var ana = Desk(server)
        _ = try await ana.login("ana")
        await ana.connection.receive(AgentMessage.status(.init(status: "away")))
        var customer = Customer(server)
        let id = try await customer.start()
        await customer.connection.receive(ClientMessage.human)
        _ = try await ana.events.first { $0.type == .queue && $0.queue?.first?.conversationId == id }
        let heard = ana.events.events.filter { $0.type == .queue }.count
        for _ in 0..<3 {
            await server.service.desk.sweep()
            try await Task.sleep(for: .milliseconds(300))
        }
        #expect(ana.events.events.filter { $0.type == .queue }.count == heard)
        await customer.connection.close()
        try await server.stop()
    }

    @Test func offersGoToAvailableAgentsWithRoomAndMoveOnWhenUnanswered() async throws {
        let server = try await TestServer.start()
        try await server.addAgent("ana", name: "Ana", capacity: 1)
        try await server.addAgent("bo", name: "Bo")
        var ana = Desk(server)
        var bo = Desk(server)
        _ = try await ana.login("ana")
        _ = try await bo.login("bo")
        await bo.connection.receive(AgentMessage.status(.init(status: "away")))
        var first = Customer(server)
        let one = try await first.start()
        await first.connection.receive(ClientMessage.human)
        _ = try await ana.events.first { $0.type == .offer && $0.conversationId == one }
        // Nobody answers: after the offer timeout it goes to the next available agent.
        await bo.connection.receive(AgentMessage.status(.init(status: "available")))
        await server.service.desk.sweep(now: Date().addingTimeInterval(31))
        _ = try await bo.events.first { $0.type == .offer && $0.conversationId == one }
        #expect(!bo.events.events.contains { $0.type == .offer && $0.conversationId != one })
        // Ana's capacity is one conversation.
        await ana.send("take", one)
        var second = Customer(server)
        let two = try await second.start()
        await ana.send("take", two)
        #expect(ana.events.events.last?.code == .atCapacity)
        try await server.stop()
    }

    @Test func simultaneousTakesByOneAgentStayWithinTheirCapacity() async throws {
        let server = try await TestServer.start()
        try await server.addAgent("ana", name: "Ana", capacity: 1)
        var first = Customer(server)
        var second = Customer(server)
        let one = try await first.start()
        let two = try await second.start()
        var console = Desk(server)
        var terminal = Desk(server)
        let token = try await console.login("ana")
        await terminal.connection.receive(AgentMessage.resume(.init(token: token)))
        async let takeOne: Void = console.send("take", one)
        async let takeTwo: Void = terminal.send("take", two)
        _ = await (takeOne, takeTwo)
        let refused = (console.events.events + terminal.events.events).filter { $0.code == .atCapacity }
        #expect(refused.count == 1)
        let owners = [await server.service.desk.owner(of: one), await server.service.desk.owner(of: two)]
        #expect(owners.compactMap { $0 } == ["ana"])
        try await server.stop()
    }

    @Test func anExpiredSignInIsRefused() async throws {
        let server = try await TestServer.start()
        try await server.addAgent("ana", name: "Ana")
        var ana = Desk(server)
        let token = try await ana.login("ana")
        let later = Date().addingTimeInterval(Double(DeskSettings().agentSessionHours) * 3600 + 1)
        await #expect(throws: AgentDeskError.sessionExpired) {
            try await server.service.desk.agent(for: token, now: later)
        }
        // The token is gone: a console resuming with it must sign in again.
        var console = Desk(server)
        await console.connection.receive(AgentMessage.resume(.init(token: token)))
        #expect(console.events.events.last?.code == .unauthorized)
        try await server.stop()
    }

    @Test func onlyTheOwnerWritesHandsBackOrCloses() async throws {
        let server = try await TestServer.start()
        try await server.addAgent("ana", name: "Ana")
        try await server.addAgent("bo", name: "Bo")
        var customer = Customer(server)
        let id = try await customer.start()
        var ana = Desk(server)
        var bo = Desk(server)
        _ = try await ana.login("ana")
        _ = try await bo.login("bo")
        await ana.send("take", id)
        await bo.send("say", id, text: "hi, Bo here")
        await bo.send("handback", id)
        await bo.send("close", id)
        #expect(bo.events.events.compactMap(\.code) == [.notYours, .notYours, .notYours])
        await ana.connection.receive(AgentMessage.close(.init(conversationId: id, outcome: "resolved")))
        let closed = try await customer.events.first { $0.type == .closed }.event
        #expect(closed.outcome == .resolved)
        let stored = try await server.service.store.conversation(id: id)
        #expect(stored?.status == .closed && stored?.outcome == .resolved)
        #expect(try await server.service.store.openEscalation(conversationId: id) == nil)
        try await server.stop()
    }

    @Test func aConversationNobodyTakesBecomesATicketAndKeepsTheEmailLeft() async throws {
        var settings = DeskSettings()
        settings.queueTimeoutSeconds = 1
        let server = try await TestServer.start(desk: settings)
        var customer = Customer(server)
        let id = try await customer.start()
        await customer.connection.receive(ClientMessage.human)
        let offer = try await customer.events.first { $0.type == .reply && $0.text?.contains("email") == true }
        #expect(offer.event.from == .bot)
        #expect(try await server.service.store.conversation(id: id)?.status == .ticket)
        #expect(try await server.service.store.openEscalation(conversationId: id) == nil)
        #expect(await server.service.desk.queue().isEmpty)
        await customer.connection.receive(ClientMessage.message(.init(text: "it's ana@example.com")))
        let customerId = try #require(customer.events.events.first?.customerId)
        let record = try await server.service.store.customer(id: customerId)
        #expect(record?.email == "ana@example.com")
        try await server.stop()
    }

    static func unlimited() -> ChatLimits {
        var limits = ChatLimits()
        limits.messagesPerSecond = 1_000_000
        limits.burst = 1_000_000
        return limits
    }
}
