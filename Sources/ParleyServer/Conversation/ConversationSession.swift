internal import Foundation
internal import Logging
internal import ParleyBot
internal import ParleyNLP
internal import ParleyStore

/// One conversation in memory and its only owner: everything that happens to
/// it — customer messages, an agent taking it over, writing, handing it back —
/// is handled one at a time, in the order it arrived; different conversations
/// run in parallel. It owns the conversation's lifecycle (`status`: the bot,
/// queued, with an agent, closed): each step is one transaction in the CRM
/// store (`ConversationLedger`), committed before anyone hears of it, and
/// every event reaches the customer's connections in the order it happened,
/// so no bot reply can follow an agent joining. What it wrote it keeps (the
/// open escalation, the summary agents read), so it never reads it back.
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
    /// The escalation no agent has resolved yet, if any.
    private var escalation: Escalation?
    /// What agents read of the customer's messages so far; nil until first
    /// needed for a conversation that came back from the store.
    private var summary: EscalationSummary?
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

    /// A conversation in memory: just started (`summary` empty), or back from
    /// the store (`summary` nil: read when first needed) with its open `escalation`.
    init(
        service: ChatService, conversation: Conversation, customer: CustomerProfile, escalation: Escalation? = nil,
        summary: EscalationSummary? = nil
    ) {
        self.id = conversation.id
        self.customerId = conversation.customerId
        self.service = service
        self.conversation = conversation
        self.customer = customer
        self.escalation = escalation
        self.summary = summary
        self.state = ConversationState(id: conversation.id, channel: conversation.channel)
        self.state.ticketOpen = conversation.status == .ticket
        self.limiter = RateLimiter(perSecond: service.limits.messagesPerSecond, burst: service.limits.burst)
    }

    /// Who answers the customer now.
    var status: Conversation.Status { conversation.status }

    /// Tells holder `holder` its message was not stored and not taken: to
    /// send it again later or, when the conversation was erased meanwhile
    /// (`parley erase` beside the running server), that it is gone — the
    /// session then leaves memory, so nothing erased is written back.
    private func refuseUnstored(_ error: any Error, to holder: Int) {
        if case StoreError.conversationGone = error {
            retired = true
            service.forget(self)
            service.metrics.error(.unknownConversation)
            send(
                .error(.unknownConversation, "this conversation was erased; send hello to start a new one"), to: holder)
            return
        }
        service.logger.error("could not record a message", metadata: ["conversation": "\(id)", "error": "\(error)"])
        service.metrics.error(.unavailable)
        send(.error(.unavailable, "the message could not be stored and was not taken; send it again later"), to: holder)
    }

    /// Whether `token` is the conversation's own: only its customer's client resumes it.
    func isResumable(with token: String) -> Bool {
        ConversationToken.matches(token, hash: conversation.tokenHash)
    }

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
    func connect(_ holder: Int, outbox: @escaping CustomerOutbox, missedAfter lastMessageId: Int64?) async throws {
        await enter()
        defer { leave() }
        var events = [ChatService.welcome(conversation, resumed: true)]
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
        let event = AgentEvent.presence(.init(conversationId: id, online: online))
        for watcher in watchers.values { watcher(event) }
    }

    /// Retires the session if nothing has used it since `cutoff`, nothing
    /// holds it and no human is involved (queued or with an agent, the desk
    /// refers to it); returns whether it did.
    func retire(ifIdleBefore cutoff: ContinuousClock.Instant) -> Bool {
        guard holders.isEmpty, watchers.isEmpty, !busy, lastUsed < cutoff,
            conversation.status == .bot || conversation.status == .closed || conversation.status == .ticket
        else { return false }
        retired = true
        return true
    }

    // MARK: Customers

    /// Answers one customer message from holder `from`: a `reply`, `received`
    /// while a human has the conversation, or an `error` (rate limited, or the
    /// store failed, in which case nothing of the message was kept). Returns
    /// false when the message was refused for the conversation's rate.
    @discardableResult
    func handle(
        _ text: String, from holder: Int, channel: String, withAnalysis: Bool, receivedAt: ContinuousClock.Instant
    ) async -> Bool {
        guard limiter.allow() else {
            service.metrics.error(.rateLimited)
            send(
                .error(.rateLimited, "too many messages at once; this one was not taken, send it again in a moment"),
                to: holder)
            return false
        }
        await enter()
        defer { leave() }
        let now = Date()
        // The bot and ledger of this message, whatever a reload swaps in meanwhile.
        let answering = service.answering
        let bot = answering.bot
        let analysis = bot.pipeline.analyze(text, reference: now)
        var next = state
        var decision =
            switch conversation.status {
            case .bot, .ticket: bot.policy.decide(analysis, state: &next, customer: customer, now: now)
            case .withAgent: bot.policy.silent(analysis, state: &next, because: .agentHasConversation)
            case .queued, .closed: bot.policy.silent(analysis, state: &next, because: .waitingForAgent)
            }
        if let call = decision.call {
            // Awaited, not blocking: other conversations go on meanwhile; this one's next messages wait their turn.
            let outcome = await perform(call, in: bot.policy.configuration)
            decision = bot.policy.complete(
                decision, with: outcome, analysis: analysis, state: &next, customer: customer, now: now)
        }
        await commit(
            text, analysis: analysis, decision: decision, next: next, from: holder, channel: channel,
            withAnalysis: withAnalysis, receivedAt: receivedAt, at: now, ledger: answering.ledger)
        return true
    }

    /// Calls an action through the service's performer; failures are logged and counted.
    private func perform(_ call: ActionCall, in configuration: BotConfiguration) async -> ActionOutcome {
        let started = ContinuousClock.now
        let outcome = await service.actions.perform(call, in: configuration)
        switch outcome {
        case .answered(let answer):
            service.metrics.action(call.name, outcome: answer["outcome"]?.text ?? "answered", failed: false)
        case .failed(let failure):
            service.metrics.action(call.name, outcome: failure.kind, failed: true)
            service.logger.warning(
                "action failed",
                metadata: [
                    "action": "\(call.name)", "conversation": "\(id)", "reason": "\(failure)",
                    "took": "\(ContinuousClock.now - started)",
                ])
        }
        return outcome
    }

    /// The customer asked for a person outright (`/human`).
    func requestHuman(from holder: Int, channel: String, receivedAt: ContinuousClock.Instant) async {
        await enter()
        defer { leave() }
        let now = Date()
        let answering = service.answering
        let policy = answering.bot.policy
        var next = state
        let analysis = Analysis(text: "/human", tokens: [], stems: [], intents: [])
        let decision =
            switch conversation.status {
            case .bot, .ticket: policy.requestHuman(analysis, state: &next, customer: customer, now: now)
            case .withAgent: policy.silent(analysis, state: &next, because: .agentHasConversation)
            case .queued, .closed: policy.silent(analysis, state: &next, because: .waitingForAgent)
            }
        await commit(
            analysis.text, analysis: analysis, decision: decision, next: next, from: holder, channel: channel,
            withAnalysis: false, receivedAt: receivedAt, at: now, ledger: answering.ledger)
    }

    /// Stores one exchange in one transaction (the escalation with it when
    /// the bot hands over), then answers and, when escalated, joins the queue.
    private func commit(
        _ text: String, analysis: Analysis, decision: DialogueDecision, next: ConversationState, from holder: Int,
        channel: String, withAnalysis: Bool, receivedAt: ContinuousClock.Instant, at now: Date,
        ledger: ConversationLedger
    ) async {
        var updated = conversation
        updated.updatedAt = now
        if decision.escalation != nil { updated.status = .queued }
        let given = analysis.entities.first { $0.type == "email" }?.value
        // Out of office hours the customer is asked for their email: the conversation becomes a ticket.
        if decision.action == .outOfHours {
            if updated.status != .ticket { updated.ticketAt = now }
            updated.status = .ticket
            updated.ticketEmail = updated.ticketEmail ?? given ?? customer.email
        }
        if decision.rule == .ticketEmail, let given { updated.ticketEmail = given }
        // A customer who leaves an email address (asked for when no one is free) gets it on their
        // CRM record, unless the record has one.
        let email = customer.email == nil ? given : nil
        let recorded: RecordedTransition
        do {
            recorded = try await ledger.exchange(
                text, analysis: analysis, decision: decision, conversation: updated, customerEmail: email, at: now)
        } catch {
            return refuseUnstored(error, to: holder)
        }
        let ticketChanged =
            (updated.status == .ticket) != (conversation.status == .ticket)
            || updated.ticketEmail != conversation.ticketEmail
        state = next
        conversation = updated
        if let email { customer.email = email }
        if let opened = recorded.escalation { escalation = opened }
        lastUsed = .now
        service.metrics.message(
            channel: channel, intent: analysis.intent?.name, action: decision.action, latency: .now - receivedAt)
        for message in recorded.messages { record(message) }
        let stored = recorded.messages
        if decision.text != nil, stored.count == 2 {
            var reply = Self.reply(stored[1])
            reply.quickReplies = decision.quickReplies
            reply.inReplyTo = stored[0].id
            if withAnalysis {
                reply.analysis = analysis
                reply.decision = decision
            }
            send(.reply(reply), to: holder)
        } else {
            send(.received(.init(id: stored.first?.id, status: conversation.status)), to: holder)
        }
        if let reason = decision.escalation {
            service.metrics.escalation(reason)
            await queue(reason: reason)
        }
        if ticketChanged { service.ticketsChanged() }
    }

    /// Puts the conversation in the agents' queue and tells the customer their place.
    private func queue(reason: EscalationReason) async {
        let item = await queueItem(reason: reason, at: Date())
        announce(position: await service.desk.enqueue(self, item: item))
    }

    /// The conversation as the queue shows it: from its open escalation
    /// (`reason` stands in when there is none, or overrides it) and the summary of its transcript.
    private func queueItem(reason: EscalationReason, overriding: Bool = false, at now: Date) async -> QueueItem {
        let rule = overriding ? reason : escalation.flatMap { EscalationReason(rawValue: $0.rule) } ?? reason
        return QueueItem(
            conversationId: id, customerId: customerId, customerName: customer.name, vip: customer.vip,
            reason: overriding ? reason.readable : escalation?.reason ?? reason.readable, rule: rule,
            priority: escalation?.priority ?? rule.priority, queuedAt: escalation?.queuedAt ?? now, position: 0,
            summary: await currentSummary(), offeredTo: nil)
    }

    /// The summary agents read; read from the store once for a conversation that came back from it.
    private func currentSummary() async -> EscalationSummary {
        if let summary { return summary }
        let loaded = EscalationSummary(transcript: (try? await service.store.transcript(conversationId: id)) ?? [])
        summary = loaded
        return loaded
    }

    /// Tells the customer their place in the queue, while the conversation waits.
    func announce(position: Int) {
        guard conversation.status == .queued else { return }
        broadcast(.waiting(.init(position: position)))
    }

    /// The customer is typing: the agents watching see it.
    func customerTyping() {
        let event = AgentEvent.typing(.init(conversationId: id))
        for watcher in watchers.values { watcher(event) }
    }

    /// Stores the customer's rating (1–5) of the conversation.
    func rate(_ score: Int, comment: String?, from holder: Int) async {
        await enter()
        defer { leave() }
        let now = Date()
        var updated = conversation
        updated.rating = score
        updated.updatedAt = now
        let note = comment.flatMap { comment in
            comment.isEmpty
                ? nil
                : StoredMessage(
                    conversationId: id, sender: .customer, text: comment, sentAt: now,
                    rule: DialogueRule.ratingComment.rawValue)
        }
        do {
            let recorded = try await service.answering.ledger.record(.rating(updated, comment: note))
            recorded.messages.forEach(record)
        } catch {
            service.metrics.error(.unavailable)
            send(.error(.unavailable, "the rating could not be stored; send it again later"), to: holder)
            return
        }
        conversation = updated
        send(.rated(.init(score: score)), to: holder)
    }

    /// The bot's and agents' messages after message `lastMessageId`, as `reply` events.
    private func missed(after lastMessageId: Int64) async throws -> [ServerEvent] {
        try await service.store.transcript(conversationId: id)
            .filter { ($0.id ?? 0) > lastMessageId && ($0.sender == .bot || $0.sender == .agent) }
            .map { .reply(Self.reply($0)) }
    }

    // MARK: Agents

    /// An agent opens the conversation: returns what they need to read, and
    /// from now on `watcher` receives its messages live (until `unwatch`).
    func watch(_ watcher: @escaping AgentOutbox) async throws -> (Int, ConversationView) {
        let messages = try await service.store.transcript(conversationId: id)
        let history = try await service.store.history(customerId: customerId, messageLimit: 0)
        if summary == nil { summary = EscalationSummary(transcript: messages) }
        nextId += 1
        watchers[nextId] = watcher
        lastUsed = .now
        return (
            nextId,
            ConversationView(
                conversation: ConversationInfo(conversation), messages: messages.map(MessageEntry.init),
                customer: history.map { CustomerInfo($0.customer) },
                previous: history?.conversations.filter { $0.id != id }.map(ConversationInfo.init) ?? [],
                summary: summary ?? EscalationSummary(transcript: messages), customerOnline: customerOnline)
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
    func takeOver(by agent: AgentProfile) async throws(AgentDeskError) {
        await enter()
        defer { leave() }
        guard conversation.status != .closed else { throw .closed(id) }
        let now = Date()
        var updated = conversation
        updated.status = .withAgent
        updated.assignedAgentId = agent.id
        updated.updatedAt = now
        var taken = escalation ?? ConversationLedger.escalation(id, reason: .agentTakeover, at: now)
        taken.takenBy = agent.id
        taken.takenAt = now
        let note = ConversationLedger.note("\(agent.name) joined", in: updated, rule: .agentJoined, at: now)
        let recorded = try await write(.takeOver(updated, escalation: taken, note: note))
        conversation = updated
        escalation = recorded.escalation
        state.humanTakesOver()
        broadcast(.agentJoined(.init(agent: agent.name, status: updated.status)))
    }

    /// The owning agent writes to the customer.
    func say(_ text: String, by agent: AgentProfile) async throws(AgentDeskError) {
        await enter()
        defer { leave() }
        try owned(by: agent)
        var updated = conversation
        updated.updatedAt = Date()
        let message = StoredMessage(
            conversationId: id, sender: .agent, text: text, sentAt: updated.updatedAt, agentId: agent.id)
        let recorded = try await write(.agentMessage(updated, message: message))
        conversation = updated
        guard let stored = recorded.messages.first else { return }
        var reply = Self.reply(stored)
        reply.agent = agent.name
        broadcast(.reply(reply))
    }

    /// The owning agent is typing: the customer sees it.
    func agentTyping(_ agent: AgentProfile) {
        guard conversation.assignedAgentId == agent.id else { return }
        broadcast(.typing(.init(from: .agent, agent: agent.name)))
    }

    /// The owning agent hands the conversation back to the bot, which greets the customer again.
    func handBack(by agent: AgentProfile) async throws(AgentDeskError) {
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
        let answering = service.answering
        let text = answering.bot.policy.message(\.backToBot, for: customer, state: next)
        let message = answering.ledger.botMessage(text, in: updated, rule: .handedBack, at: now)
        let recorded = try await write(.handBack(updated, resolving: resolved(at: now), message: message))
        conversation = updated
        escalation = nil
        state = next
        broadcast(.agentLeft(.init(agent: agent.name, status: updated.status)))
        if let stored = recorded.messages.first { broadcast(.reply(Self.reply(stored))) }
    }

    /// The owning agent ends the conversation with an outcome.
    func close(by agent: AgentProfile, outcome: ConversationOutcome) async throws(AgentDeskError) {
        await enter()
        defer { leave() }
        try owned(by: agent)
        let now = Date()
        var updated = conversation
        updated.status = .closed
        updated.closedAt = now
        updated.outcome = outcome
        updated.updatedAt = now
        let note = ConversationLedger.note(
            "\(agent.name) closed the conversation: \(outcome)", in: updated, rule: .closed, at: now)
        _ = try await write(.close(updated, resolving: resolved(at: now), note: note))
        conversation = updated
        escalation = nil
        broadcast(.closed(.init(outcome: outcome, status: updated.status)))
    }

    /// The owning agent went away (disconnected): the conversation waits in
    /// the queue again and the customer is told. Returns the item to queue.
    func requeue(from agent: AgentProfile) async -> QueueItem? {
        await enter()
        defer { leave() }
        guard conversation.status == .withAgent, conversation.assignedAgentId == agent.id else { return nil }
        let now = Date()
        // Queued even when the store failed: the agent is gone either way.
        _ = await waitAgain(note: "\(agent.name) left; waiting for an agent again", at: now)
        broadcast(.agentLeft(.init(agent: agent.name, status: .queued)))
        return await queueItem(reason: .requeued, overriding: true, at: now)
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
            guard await waitAgain(note: "the server restarted; waiting for an agent again", at: now) else {
                return nil
            }
        }
        return await queueItem(reason: .requeued, at: now)
    }

    /// Stores that the conversation waits for an agent again (its escalation
    /// no longer taken, a note); false when that could not be stored.
    private func waitAgain(note text: String, at now: Date) async -> Bool {
        var updated = conversation
        updated.status = .queued
        updated.assignedAgentId = nil
        updated.updatedAt = now
        var released = escalation
        released?.takenAt = nil
        released?.takenBy = nil
        let note = ConversationLedger.note(text, in: updated, rule: .escalation(.requeued), at: now)
        do {
            let recorded = try await service.answering.ledger.record(.requeue(updated, releasing: released, note: note))
            recorded.messages.forEach(record)
            escalation = recorded.escalation ?? escalation
        } catch {
            service.logger.error("could not requeue a conversation", metadata: ["error": "\(error)"])
            return false
        }
        conversation = updated
        return true
    }

    /// No agent took the waiting conversation in time: it becomes a ticket
    /// (its escalation resolved, it leaves the queue) and the bot asks for an
    /// email, or tells the customer a person will write to the one it knows.
    /// False when it no longer waits.
    func becomeTicket() async -> Bool {
        await enter()
        defer { leave() }
        guard conversation.status == .queued, conversation.outcome == nil else { return false }
        let now = Date()
        var updated = conversation
        updated.status = .ticket
        updated.ticketAt = now
        updated.ticketEmail = updated.ticketEmail ?? customer.email
        updated.updatedAt = now
        let answering = service.answering
        let text = answering.bot.policy.message(\.noAgent, for: customer, state: state)
        do {
            let recorded = try await answering.ledger.record(
                .ticket(
                    updated, resolving: resolved(at: now),
                    message: answering.ledger.botMessage(text, in: updated, rule: .noAgent, at: now)))
            conversation = updated
            escalation = nil
            state.ticketOpen = true
            recorded.messages.forEach(record)
            if let stored = recorded.messages.first { broadcast(.reply(Self.reply(stored))) }
            service.ticketsChanged()
            return true
        } catch {
            service.logger.error("could not make a ticket", metadata: ["error": "\(error)"])
            return false
        }
    }

    /// An agent ends the ticket: answered (by email, outside the chat) with
    /// `note` for the record, or closed with another outcome.
    func closeTicket(by agent: AgentProfile, outcome: ConversationOutcome, note: String?) async throws(AgentDeskError) {
        await enter()
        defer { leave() }
        guard conversation.status == .ticket else { throw .notATicket(id) }
        let now = Date()
        var updated = conversation
        updated.status = .closed
        updated.closedAt = now
        updated.outcome = outcome
        updated.updatedAt = now
        var text =
            outcome == .answered
            ? "\(agent.name) answered the ticket by email" + (updated.ticketEmail.map { " (to \($0))" } ?? "")
            : "\(agent.name) closed the ticket: \(outcome)"
        if let note, !note.isEmpty { text += ": " + note }
        let recorded = try await write(
            .close(updated, resolving: nil, note: ConversationLedger.note(text, in: updated, rule: .closed, at: now)))
        _ = recorded
        conversation = updated
        state.ticketOpen = false
        broadcast(.closed(.init(outcome: outcome, status: updated.status)))
    }

    private func owned(by agent: AgentProfile) throws(AgentDeskError) {
        guard conversation.status == .withAgent, conversation.assignedAgentId == agent.id else {
            throw .notYours(id)
        }
    }

    /// The open escalation, resolved at `time` (nil when there is none).
    private func resolved(at time: Date) -> Escalation? {
        guard var resolved = escalation else { return nil }
        resolved.resolvedAt = time
        return resolved
    }

    /// Writes an agent's step; its messages go to the agents watching.
    private func write(_ transition: ConversationTransition) async throws(AgentDeskError) -> RecordedTransition {
        do {
            let recorded = try await service.answering.ledger.record(transition)
            recorded.messages.forEach(record)
            return recorded
        } catch {
            service.logger.error(
                "could not store a step of a conversation",
                metadata: ["step": "\(transition.kind.rawValue)", "error": "\(error)"])
            throw .unavailable
        }
    }

    // MARK: Delivery

    /// A stored message: into the summary, and to every agent watching.
    private func record(_ message: StoredMessage) {
        summary?.include(message)
        guard !watchers.isEmpty else { return }
        let event = AgentEvent.message(.init(conversationId: id, entry: MessageEntry(message)))
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
    static func reply(_ message: StoredMessage) -> ServerEvent.Reply {
        ServerEvent.Reply(
            id: message.id, from: Author(message.sender), text: message.text,
            action: message.action.flatMap(DialogueDecision.Action.init(rawValue:)), intent: message.intent)
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
