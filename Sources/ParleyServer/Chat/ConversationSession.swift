internal import Foundation
internal import Logging
internal import ParleyBot
internal import ParleyNLP
internal import ParleyStore

/// One conversation in memory and its only owner: its messages are handled
/// one at a time, in the order they arrived, whichever connection sent them;
/// different conversations run in parallel. Every exchange is committed to
/// the CRM store before its reply is returned.
actor ConversationSession {
    nonisolated let id: String
    nonisolated let customerId: String
    private let service: ChatService
    private var state: ConversationState
    private var conversation: Conversation
    private let customer: CustomerProfile
    private var limiter: RateLimiter
    /// Whether a message is being handled; later ones wait in `waiting`, in order.
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var connections = 0
    private var lastUsed = ContinuousClock.now
    /// Set when the conversation left memory; a retired session takes no new connection.
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

    /// A connection (or a request) now speaks for this conversation; false when
    /// the session has left memory and the conversation must be looked up again.
    func attach() -> Bool {
        guard !retired else { return false }
        connections += 1
        lastUsed = .now
        return true
    }

    /// A connection of this conversation closed.
    func detach() {
        connections -= 1
        lastUsed = .now
    }

    /// Retires the session if nothing has used it since `cutoff` and no
    /// connection holds it; returns whether it did.
    func retire(ifIdleBefore cutoff: ContinuousClock.Instant) -> Bool {
        guard connections == 0, !busy, lastUsed < cutoff else { return false }
        retired = true
        return true
    }

    /// Answers one customer message: a `reply`, `received` while a human has
    /// the conversation, or an `error` (rate limited, or the store failed, in
    /// which case nothing of the message was kept).
    func handle(_ text: String, channel: String, withAnalysis: Bool, receivedAt: ContinuousClock.Instant) async
        -> ServerEvent
    {
        guard limiter.allow() else {
            service.metrics.error(.rateLimited)
            return .error(.rateLimited, "too many messages at once; this one was not taken, send it again in a moment")
        }
        await enter()
        defer { leave() }
        let now = Date()
        var next = state
        let (analysis, decision) = service.bot.respond(to: text, state: &next, customer: customer, now: now)
        return await commit(
            text, analysis: analysis, decision: decision, next: next, channel: channel, withAnalysis: withAnalysis,
            receivedAt: receivedAt, at: now)
    }

    /// The customer asked for a person outright (`/human`).
    func requestHuman(channel: String, receivedAt: ContinuousClock.Instant) async -> ServerEvent {
        await enter()
        defer { leave() }
        let now = Date()
        var next = state
        let text = "/human"
        let analysis = Analysis(text: text, tokens: [], stems: [], intents: [])
        let decision = service.bot.policy.requestHuman(analysis, state: &next, customer: customer, now: now)
        return await commit(
            text, analysis: analysis, decision: decision, next: next, channel: channel, withAnalysis: false,
            receivedAt: receivedAt, at: now)
    }

    private func commit(
        _ text: String, analysis: Analysis, decision: DialogueDecision, next: ConversationState, channel: String,
        withAnalysis: Bool, receivedAt: ContinuousClock.Instant, at now: Date
    ) async -> ServerEvent {
        var updated = conversation
        let stored: [StoredMessage]
        do {
            stored = try await service.recorder.record(
                text, analysis: analysis, decision: decision, conversation: &updated, at: now)
        } catch {
            service.logger.error(
                "could not record a message", metadata: ["conversation": "\(id)", "error": "\(error)"])
            service.metrics.error(.unavailable)
            return .error(.unavailable, "the message could not be stored and was not taken; send it again later")
        }
        state = next
        conversation = updated
        lastUsed = .now
        service.metrics.message(
            channel: channel, intent: analysis.intent?.name, action: decision.action.rawValue,
            latency: .now - receivedAt)
        if decision.action == .escalate { service.metrics.escalation(rule: decision.rule) }
        guard decision.text != nil, stored.count == 2 else {
            var event = ServerEvent(.received)
            event.id = stored.first?.id
            event.status = conversation.status.rawValue
            return event
        }
        var event = Self.reply(stored[1])
        event.quickReplies = decision.quickReplies
        event.inReplyTo = stored[0].id
        if withAnalysis {
            event.analysis = analysis
            event.decision = decision
        }
        return event
    }

    /// Stores the customer's rating (1–5) of the conversation.
    func rate(_ score: Int, comment: String?) async -> ServerEvent {
        await enter()
        defer { leave() }
        var updated = conversation
        updated.rating = score
        updated.updatedAt = Date()
        do {
            if let comment, !comment.isEmpty {
                _ = try await service.store.append(
                    [StoredMessage(conversationId: id, sender: .customer, text: comment, rule: "rating_comment")],
                    saving: updated)
            } else {
                try await service.store.save(updated)
            }
        } catch {
            service.metrics.error(.unavailable)
            return .error(.unavailable, "the rating could not be stored; send it again later")
        }
        conversation = updated
        var event = ServerEvent(.rated)
        event.score = score
        return event
    }

    /// The bot's and agents' messages after message `lastMessageId`, as `reply` events.
    func missed(after lastMessageId: Int64) async throws -> [ServerEvent] {
        try await service.store.transcript(conversationId: id)
            .filter { ($0.id ?? 0) > lastMessageId && ($0.sender == .bot || $0.sender == .agent) }
            .map(Self.reply)
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

    /// Waits until the messages that arrived before this one are handled.
    private func enter() async {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
    }

    /// Hands the conversation to the next waiting message, in arrival order.
    private func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
