internal import Foundation
internal import Logging
internal import ParleyBot
internal import ParleyNLP
internal import ParleyStore

/// One conversation in memory and its only owner: everything that happens to
/// it — customer messages, an agent taking it over, writing, handing it back —
/// is handled one at a time, in the order it arrived; different conversations
/// run in parallel. Every change is committed to the CRM store before anyone
/// hears of it, and every event reaches the customer's connections in the
/// order it happened, so no bot reply can follow an agent joining.
actor ConversationSession {
    /// Receives the events for one customer connection, in order; must not block.
    typealias CustomerOutbox = @Sendable (ServerEvent) -> Void
    /// Receives the events for one agent watching the conversation, in order; must not block.
    typealias AgentOutbox = @Sendable (AgentEvent) -> Void

    nonisolated let id: String
    nonisolated let customerId: String
    private let service: ChatService
    private var state: ConversationState
    private var conversation: Conversation
    private var customer: CustomerProfile
    private var limiter: RateLimiter
    /// Whether something is being handled; later work waits in `waiting`, in order.
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// Whoever holds the conversation (connections, the agent desk), by holder id;
    /// customer connections with the outbox their events go to.
    private var holders: [Int: CustomerOutbox?] = [:]
    private var watchers: [Int: AgentOutbox] = [:]
    private var nextId = 0
    private var lastUsed = ContinuousClock.now
    /// Set when the conversation left memory; a retired session takes no new holder.
    private var retired = false

    init(service: ChatService, conversation: Conversation, customer: CustomerProfile, state: ConversationState) {
        self.id = conversation.id
        self.customerId = conversation.customerId
        self.service = service
        self.conversation = conversation
        self.customer = customer
        self.state = state
        self.limiter = RateLimiter(perSecond: service.limits.messagesPerSecond, burst: service.limits.burst)
    }

    /// Who answers the customer now: `bot`, `queued`, `with_agent` or `closed`.
    var status: Conversation.Status { conversation.status }

    /// The conversation as stored now.
    var record: Conversation { conversation }

    /// Whether a customer connection is open on the conversation.
    var customerOnline: Bool { holders.values.contains { $0 != nil } }

    // MARK: Holders

    /// A connection (with the outbox for its events) or the agent desk (nil)
    /// now holds the conversation; `events` go to the outbox first. Returns the
    /// holder's id, or nil when the session has left memory and the
    /// conversation must be looked up again.
    func attach(_ outbox: CustomerOutbox?, sending events: [ServerEvent] = []) -> Int? {
        guard !retired else { return nil }
        let wasOnline = customerOnline
        nextId += 1
        holders[nextId] = outbox
        lastUsed = .now
        for event in events { outbox?(event) }
        tellPresence(ifChangedFrom: wasOnline)
        return nextId
    }

    /// Holder `holder` (a resuming connection) starts receiving the
    /// conversation's events: `welcome`, then the bot's and agents' messages
    /// after `lastMessageId`, then whatever happens next, with nothing in between lost.
    func connect(
        _ holder: Int, outbox: @escaping CustomerOutbox, welcome: ServerEvent, missedAfter lastMessageId: Int64?
    )
        async throws
    {
        await enter()
        defer { leave() }
        var events = [welcome]
        if let lastMessageId { events += try await missed(after: lastMessageId) }
        let wasOnline = customerOnline
        holders[holder] = outbox
        events.forEach(outbox)
        tellPresence(ifChangedFrom: wasOnline)
    }

    /// A holder let go (a connection closed).
    func detach(_ holder: Int) {
        let wasOnline = customerOnline
        holders[holder] = nil
        lastUsed = .now
        tellPresence(ifChangedFrom: wasOnline)
    }

    /// Tells the agents watching when the customer's last connection closed
    /// (a closed tab) or the customer came back.
    private func tellPresence(ifChangedFrom wasOnline: Bool) {
        let online = customerOnline
        guard online != wasOnline, !watchers.isEmpty else { return }
        var event = AgentEvent(.presence, conversationId: id)
        event.online = online
        for watcher in watchers.values { watcher(event) }
    }

    /// Retires the session if nothing has used it since `cutoff`, nothing
    /// holds it and no human is involved (queued or with an agent, the desk
    /// refers to it); returns whether it did.
    func retire(ifIdleBefore cutoff: ContinuousClock.Instant) -> Bool {
        guard holders.isEmpty, watchers.isEmpty, !busy, lastUsed < cutoff,
            conversation.status == .bot || conversation.status == .closed
        else { return false }
        retired = true
        return true
    }

    // MARK: Customers

    /// Answers one customer message from holder `from`: a `reply`, `received`
    /// while a human has the conversation, or an `error` (rate limited, or the
    /// store failed, in which case nothing of the message was kept).
    func handle(
        _ text: String, from holder: Int, channel: String, withAnalysis: Bool, receivedAt: ContinuousClock.Instant
    ) async {
        guard limiter.allow() else {
            service.metrics.error(.rateLimited)
            send(
                .error(.rateLimited, "too many messages at once; this one was not taken, send it again in a moment"),
                to: holder)
            return
        }
        await enter()
        defer { leave() }
        let now = Date()
        var next = state
        let (analysis, decision) = service.bot.respond(to: text, state: &next, customer: customer, now: now)
        await commit(
            text, analysis: analysis, decision: decision, next: next, from: holder, channel: channel,
            withAnalysis: withAnalysis, receivedAt: receivedAt, at: now)
    }

    /// The customer asked for a person outright (`/human`).
    func requestHuman(from holder: Int, channel: String, receivedAt: ContinuousClock.Instant) async {
        await enter()
        defer { leave() }
        let now = Date()
        var next = state
        let text = "/human"
        let analysis = Analysis(text: text, tokens: [], stems: [], intents: [])
        let decision = service.bot.policy.requestHuman(analysis, state: &next, customer: customer, now: now)
        await commit(
            text, analysis: analysis, decision: decision, next: next, from: holder, channel: channel,
            withAnalysis: false, receivedAt: receivedAt, at: now)
    }

    private func commit(
        _ text: String, analysis: Analysis, decision: DialogueDecision, next: ConversationState, from holder: Int,
        channel: String, withAnalysis: Bool, receivedAt: ContinuousClock.Instant, at now: Date
    ) async {
        var updated = conversation
        let stored: [StoredMessage]
        do {
            stored = try await service.recorder.record(
                text, analysis: analysis, decision: decision, conversation: &updated, at: now)
        } catch {
            service.logger.error(
                "could not record a message", metadata: ["conversation": "\(id)", "error": "\(error)"])
            service.metrics.error(.unavailable)
            send(
                .error(.unavailable, "the message could not be stored and was not taken; send it again later"),
                to: holder)
            return
        }
        state = next
        conversation = updated
        lastUsed = .now
        service.metrics.message(
            channel: channel, intent: analysis.intent?.name, action: decision.action.rawValue,
            latency: .now - receivedAt)
        for message in stored { show(message) }
        if decision.text != nil, stored.count == 2 {
            var event = Self.reply(stored[1])
            event.quickReplies = decision.quickReplies
            event.inReplyTo = stored[0].id
            if withAnalysis {
                event.analysis = analysis
                event.decision = decision
            }
            send(event, to: holder)
        } else {
            var event = ServerEvent(.received)
            event.id = stored.first?.id
            event.status = conversation.status.rawValue
            send(event, to: holder)
        }
        await rememberEmail(in: analysis)
        if decision.action == .escalate {
            service.metrics.escalation(rule: decision.rule)
            await queue()
        }
    }

    /// A customer who leaves an email address (asked for when no one is free)
    /// gets it on their CRM record, unless the record has one.
    private func rememberEmail(in analysis: Analysis) async {
        guard customer.email == nil, let email = analysis.entities.first(where: { $0.type == "email" }) else { return }
        do {
            guard var record = try await service.store.customer(id: customerId) else { return }
            record.email = email.value
            try await service.store.save(record)
            customer.email = email.value
        } catch {
            service.logger.warning("could not save a customer's email", metadata: ["error": "\(error)"])
        }
    }

    /// Puts the conversation in the agents' queue and tells the customer their place.
    private func queue() async {
        let item = await queueItem(
            escalation: try? await service.store.openEscalation(conversationId: id), rule: "human_request",
            at: Date())
        announce(position: await service.desk.enqueue(self, item: item))
    }

    /// The conversation as the queue shows it: from its open escalation
    /// (`reason` overrides the escalation's; `rule` stands in when there is
    /// none) and a summary of its transcript.
    private func queueItem(escalation: Escalation?, reason: String? = nil, rule: String, at now: Date) async
        -> QueueItem
    {
        let messages = (try? await service.store.transcript(conversationId: id)) ?? []
        return QueueItem(
            conversationId: id, customerId: customerId, customerName: customer.name, vip: customer.vip,
            reason: reason ?? escalation?.reason ?? "asked for a person", rule: escalation?.rule ?? rule,
            priority: escalation?.priority ?? 0, queuedAt: escalation?.queuedAt ?? now, position: 0,
            summary: EscalationSummary(transcript: messages), offeredTo: nil)
    }

    /// Tells the customer their place in the queue, while the conversation waits.
    func announce(position: Int) {
        guard conversation.status == .queued else { return }
        var event = ServerEvent(.waiting)
        event.position = position
        broadcast(event)
    }

    /// The customer is typing: the agents watching see it.
    func customerTyping() {
        let event = AgentEvent(.typing, conversationId: id)
        for watcher in watchers.values { watcher(event) }
    }

    /// Stores the customer's rating (1–5) of the conversation.
    func rate(_ score: Int, comment: String?, from holder: Int) async {
        await enter()
        defer { leave() }
        var updated = conversation
        updated.rating = score
        updated.updatedAt = Date()
        do {
            if let comment, !comment.isEmpty {
                let stored = try await service.store.append(
                    [StoredMessage(conversationId: id, sender: .customer, text: comment, rule: "rating_comment")],
                    saving: updated)
                stored.forEach(show)
            } else {
                try await service.store.save(updated)
            }
        } catch {
            service.metrics.error(.unavailable)
            send(.error(.unavailable, "the rating could not be stored; send it again later"), to: holder)
            return
        }
        conversation = updated
        var event = ServerEvent(.rated)
        event.score = score
        send(event, to: holder)
    }

    /// The bot's and agents' messages after message `lastMessageId`, as `reply` events.
    func missed(after lastMessageId: Int64) async throws -> [ServerEvent] {
        try await service.store.transcript(conversationId: id)
            .filter { ($0.id ?? 0) > lastMessageId && ($0.sender == .bot || $0.sender == .agent) }
            .map(Self.reply)
    }

    // MARK: Agents

    /// An agent opens the conversation: returns what they need to read, and
    /// from now on `watcher` receives its messages live (until `unwatch`).
    func watch(_ watcher: @escaping AgentOutbox) async throws -> (Int, ConversationView) {
        let messages = try await service.store.transcript(conversationId: id)
        let history = try await service.store.history(customerId: customerId, messageLimit: 0)
        nextId += 1
        watchers[nextId] = watcher
        lastUsed = .now
        return (
            nextId,
            ConversationView(
                conversation: conversation, messages: messages, customer: history?.customer,
                previous: history?.conversations.filter { $0.id != id } ?? [],
                summary: EscalationSummary(transcript: messages), customerOnline: customerOnline)
        )
    }

    /// The agent's watcher `id` stops receiving the conversation's messages.
    func unwatch(_ watcher: Int) {
        watchers[watcher] = nil
        lastUsed = .now
    }

    /// `agent` takes the conversation over, from the queue or from the bot.
    /// Every message handled before is answered first; from here on the bot
    /// is silent and the customer hears `agent_joined`.
    func takeOver(by agent: AgentEvent.OnDuty) async throws(AgentDeskError) {
        await enter()
        defer { leave() }
        guard conversation.status != .closed else { throw .closed(id) }
        let now = Date()
        var updated = conversation
        updated.status = .withAgent
        updated.assignedAgentId = agent.id
        updated.updatedAt = now
        do {
            if var escalation = try await service.store.openEscalation(conversationId: id) {
                escalation.takenBy = agent.id
                escalation.takenAt = now
                try await service.store.update(escalation)
            } else {
                _ = try await service.store.escalate(
                    Escalation(
                        conversationId: id, reason: "taken over from the bot", rule: "agent_takeover", queuedAt: now,
                        takenAt: now, takenBy: agent.id))
            }
            try await note("\(agent.name) joined", rule: "agent_joined", saving: updated, at: now)
        } catch {
            throw .unavailable
        }
        state.status = .withAgent
        state.pendingIntent = nil
        state.awaiting = nil
        var event = ServerEvent(.agentJoined)
        event.agent = agent.name
        event.status = updated.status.rawValue
        broadcast(event)
    }

    /// The owning agent writes to the customer.
    func say(_ text: String, by agent: AgentEvent.OnDuty) async throws(AgentDeskError) {
        await enter()
        defer { leave() }
        try owned(by: agent)
        var updated = conversation
        updated.updatedAt = Date()
        let stored: [StoredMessage]
        do {
            stored = try await service.store.append(
                [StoredMessage(conversationId: id, sender: .agent, text: text, rule: agent.id)], saving: updated)
        } catch {
            throw .unavailable
        }
        conversation = updated
        stored.forEach(show)
        if let message = stored.first {
            var event = Self.reply(message)
            event.agent = agent.name
            broadcast(event)
        }
    }

    /// The owning agent is typing: the customer sees it.
    func agentTyping(_ agent: AgentEvent.OnDuty) {
        guard conversation.assignedAgentId == agent.id else { return }
        var event = ServerEvent(.typing)
        event.from = "agent"
        event.agent = agent.name
        broadcast(event)
    }

    /// The owning agent hands the conversation back to the bot, which greets the customer again.
    func handBack(by agent: AgentEvent.OnDuty) async throws(AgentDeskError) {
        await enter()
        defer { leave() }
        try owned(by: agent)
        let now = Date()
        var updated = conversation
        updated.status = .bot
        updated.assignedAgentId = nil
        updated.updatedAt = now
        var next = state
        next.handBack()
        let text = service.bot.policy.message(\.backToBot, for: customer, state: next)
        let message: StoredMessage
        do {
            try await resolveEscalation(at: now)
            message = try await service.store.append(
                [StoredMessage(conversationId: id, sender: .bot, text: text, sentAt: now, rule: "handed_back")],
                saving: updated)[0]
        } catch {
            throw .unavailable
        }
        conversation = updated
        state = next
        show(message)
        var event = ServerEvent(.agentLeft)
        event.agent = agent.name
        event.status = updated.status.rawValue
        broadcast(event)
        broadcast(Self.reply(message))
    }

    /// The owning agent ends the conversation with an outcome ("resolved", …).
    func close(by agent: AgentEvent.OnDuty, outcome: String) async throws(AgentDeskError) {
        await enter()
        defer { leave() }
        try owned(by: agent)
        let now = Date()
        var updated = conversation
        updated.status = .closed
        updated.closedAt = now
        updated.outcome = outcome
        updated.updatedAt = now
        do {
            try await resolveEscalation(at: now)
            try await note(
                "\(agent.name) closed the conversation: \(outcome)", rule: "closed", saving: updated, at: now)
        } catch {
            throw .unavailable
        }
        state.status = .closed
        var event = ServerEvent(.closed)
        event.outcome = outcome
        event.status = updated.status.rawValue
        broadcast(event)
    }

    /// The owning agent went away (disconnected): the conversation waits in
    /// the queue again and the customer is told. Returns the item to queue.
    func requeue(from agent: AgentEvent.OnDuty) async -> QueueItem? {
        await enter()
        defer { leave() }
        guard conversation.status == .withAgent, conversation.assignedAgentId == agent.id else { return nil }
        let now = Date()
        var updated = conversation
        updated.status = .queued
        updated.assignedAgentId = nil
        updated.updatedAt = now
        let escalation = try? await service.store.openEscalation(conversationId: id)
        do {
            if var escalation {
                escalation.takenAt = nil
                escalation.takenBy = nil
                try await service.store.update(escalation)
            }
            try await note("\(agent.name) left; waiting for an agent again", rule: "requeued", saving: updated, at: now)
        } catch {
            service.logger.error("could not requeue a conversation", metadata: ["error": "\(error)"])
        }
        state.status = .escalated
        var event = ServerEvent(.agentLeft)
        event.agent = agent.name
        event.status = updated.status.rawValue
        broadcast(event)
        return await queueItem(escalation: escalation, reason: "the agent left", rule: "requeued", at: now)
    }

    /// After a restart: a conversation that waited for an agent, or had one
    /// (who is gone with the old process), waits in the queue again. Returns
    /// the item to queue; nil when it does not wait (or is a ticket already).
    func reopen() async -> QueueItem? {
        await enter()
        defer { leave() }
        guard conversation.outcome == nil, conversation.status == .queued || conversation.status == .withAgent
        else { return nil }
        let now = Date()
        if conversation.status == .withAgent {
            var updated = conversation
            updated.status = .queued
            updated.assignedAgentId = nil
            updated.updatedAt = now
            do {
                try await note(
                    "the server restarted; waiting for an agent again", rule: "requeued", saving: updated, at: now)
            } catch {
                service.logger.error("could not requeue a conversation", metadata: ["error": "\(error)"])
                return nil
            }
        }
        state.status = .escalated
        return await queueItem(
            escalation: try? await service.store.openEscalation(conversationId: id), rule: "requeued", at: now)
    }

    /// No agent took the waiting conversation in time: the bot asks for an
    /// email and the conversation stays in the CRM store as a ticket. False
    /// when it no longer waits.
    func becomeTicket() async -> Bool {
        await enter()
        defer { leave() }
        guard conversation.status == .queued, conversation.outcome == nil else { return false }
        let now = Date()
        var updated = conversation
        updated.outcome = "ticket"
        updated.updatedAt = now
        let text = service.bot.policy.message(\.noAgent, for: customer, state: state)
        do {
            let message = try await service.store.append(
                [StoredMessage(conversationId: id, sender: .bot, text: text, sentAt: now, rule: "no_agent")],
                saving: updated)[0]
            conversation = updated
            show(message)
            broadcast(Self.reply(message))
            return true
        } catch {
            service.logger.error("could not make a ticket", metadata: ["error": "\(error)"])
            return false
        }
    }

    private func owned(by agent: AgentEvent.OnDuty) throws(AgentDeskError) {
        guard conversation.status == .withAgent, conversation.assignedAgentId == agent.id else {
            throw .notYours(id)
        }
    }

    private func resolveEscalation(at time: Date) async throws {
        guard var escalation = try await service.store.openEscalation(conversationId: id) else { return }
        escalation.resolvedAt = time
        try await service.store.update(escalation)
    }

    /// Stores a line for the record ("Ana joined") with the conversation's new state.
    private func note(_ text: String, rule: String, saving updated: Conversation, at time: Date) async throws {
        let stored = try await service.store.append(
            [StoredMessage(conversationId: id, sender: .system, text: text, sentAt: time, rule: rule)],
            saving: updated)
        conversation = updated
        stored.forEach(show)
    }

    // MARK: Delivery

    /// A stored message to every agent watching.
    private func show(_ message: StoredMessage) {
        guard !watchers.isEmpty else { return }
        var event = AgentEvent(.message, conversationId: id)
        event.entry = message
        for watcher in watchers.values { watcher(event) }
    }

    private func send(_ event: ServerEvent, to holder: Int) {
        if let outbox = holders[holder] { outbox?(event) }
    }

    /// An event to every customer connection of the conversation.
    private func broadcast(_ event: ServerEvent) {
        for case let outbox? in holders.values { outbox(event) }
    }

    /// A stored bot or agent message as a `reply` event.
    static func reply(_ message: StoredMessage) -> ServerEvent {
        var event = ServerEvent(.reply)
        event.id = message.id
        event.from = message.sender.rawValue
        event.text = message.text
        event.action = message.action
        event.intent = message.intent
        return event
    }

    /// Waits until the work that arrived before this is done.
    private func enter() async {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
    }

    /// Hands the conversation to the next waiting work, in arrival order.
    private func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
