public import Foundation
public import Logging
internal import NIOConcurrencyHelpers
public import ParleyBot
public import ParleyNLP
public import ParleyStore

/// The chat itself, whatever the channel: starts and resumes conversations,
/// keeps the active ones in memory (each its own `ConversationSession`), and
/// counts connections against the limits. Channels (WebSocket, TCP lines,
/// HTTP) talk to customers through `ChatConnection`.
public final class ChatService: Sendable {
    /// The bot that answers now, with the ledger that records its model
    /// version. A reload swaps both at once (`swap(to:)`); work that took
    /// them finishes with the ones it took.
    struct Answering: Sendable {
        let bot: Bot
        let ledger: ConversationLedger
    }

    private let answeringNow: NIOLockedValueBox<Answering>
    public let store: any CRMStore
    public let limits: ChatLimits
    public let metrics: ServerMetrics
    /// The agents, the queue, and who owns which conversation.
    public let desk: AgentDesk
    /// Who may reach what (the identity secret, `/metrics`).
    public let access: AccessSettings
    /// Which pages may open the WebSockets and call the API.
    let origins: OriginPolicy
    /// Connections, new conversations and requests per client address.
    let addressLimiter: AddressLimiter
    /// Where connections refused for abuse wait before they are closed.
    let refusalHold: RefusalHold
    /// Failed sign-ins per account and address, and the thread passwords are checked on.
    let signInThrottle = SignInThrottle()
    /// Sign-ins, agents' actions and refused requests, in the store's audit log.
    public let audit: AuditTrail
    /// Rebuilds the bot from its files and swaps it in (`reload`); nil when
    /// the service was not given the bot's files.
    let reloader: BotReloader?
    /// The trainers' review inbox over the bot's files; nil when the service
    /// was not given them (like `reloader`).
    public let review: ReviewInbox?
    /// Performs the bot's actions (webhooks).
    public let actions: any ActionPerformer
    /// The demo shop served under `/demo/shop/`, when the bot's settings ask for it.
    public let demoShop: DemoShop?
    public let logger: Logger
    private let sessions = NIOLockedValueBox<[String: ConversationSession]>([:])

    public init(
        bot: Bot, store: any CRMStore, redactor: PIIRedactor, limits: ChatLimits = ChatLimits(),
        desk: DeskSettings = DeskSettings(), access: AccessSettings = AccessSettings(),
        metrics: ServerMetrics = ServerMetrics(), actions: any ActionPerformer = NoActions(), demoShop: DemoShop? = nil,
        reloads: BotReloader.Source? = nil, logger: Logger = Logger(label: "parley.chat")
    ) {
        self.actions = actions
        self.demoShop = demoShop
        self.answeringNow = NIOLockedValueBox(
            Answering(
                bot: bot, ledger: ConversationLedger(store: store, redactor: redactor, modelVersion: bot.modelVersion)))
        self.reloader = reloads.map(BotReloader.init)
        self.review = reloads.map {
            ReviewInbox(store: store, paths: $0.paths, configuration: $0.running.bot.policy.configuration)
        }
        self.store = store
        self.limits = limits
        self.desk = AgentDesk(settings: desk, officeHours: bot.policy.configuration.officeHours)
        self.metrics = metrics
        self.logger = logger
        self.access = access
        self.addressLimiter = AddressLimiter(limits: limits)
        self.refusalHold = RefusalHold(limits: limits)
        self.origins = OriginPolicy(allowed: access.allowedOrigins)
        self.audit = AuditTrail(store: store, logger: logger)
    }

    /// The bot that answers now.
    public var bot: Bot { answering.bot }

    /// The bot that answers now and the ledger that records it: take both once per piece of work.
    var answering: Answering { answeringNow.withLockedValue { $0 } }

    /// Makes `bot` answer from now on, and the desk keep its office hours;
    /// work in hand finishes with the bot it took.
    func swap(to bot: Bot) async {
        answeringNow.withLockedValue { answering in
            answering = Answering(
                bot: bot,
                ledger: ConversationLedger(
                    store: answering.ledger.store, redactor: answering.ledger.redactor, modelVersion: bot.modelVersion))
        }
        await desk.change(officeHours: bot.policy.configuration.officeHours)
    }

    /// The running model's evaluation report as one self-contained HTML page
    /// (`BotReloader.evaluationPage`); nil when the service was not given the bot's files.
    func evaluationPage() async throws -> String? {
        try await reloader?.evaluationPage()
    }

    /// Builds the bot again from its files and swaps it in when it changed
    /// (`BotReloader`); `actor` (`token:3f9a02c1`, `signal:SIGHUP`) asked from
    /// `address`; `force` puts a new bot live although it failed the checks.
    /// Audited and logged, whatever the result.
    public func reload(by actor: String, address: String?, force: Bool = false) async -> ReloadResult {
        guard let reloader else {
            return ReloadResult(
                status: .unavailable, message: "this server was not started from the bot's files, so it cannot reload")
        }
        let result = await reloader.reload(by: actor, force: force, into: self)
        await audit.record(
            .reload, actor: actor, target: result.modelVersion, address: address,
            detail: "\(result.status.rawValue)\(force ? " (forced)" : ""): \(result.message)")
        logger.log(
            level: result.status == .reloaded || result.status == .unchanged ? .info : .warning,
            "reload: \(result.message)",
            metadata: ["by": "\(actor)", "status": "\(result.status.rawValue)", "errors": "\(result.errors)"])
        return result
    }

    /// The bot's analysis of `text`, without any conversation.
    public func parse(_ text: String) -> Analysis {
        bot.pipeline.analyze(text, reference: Date())
    }

    /// Conversations in memory.
    public var activeConversations: Int {
        sessions.withLockedValue { $0.count }
    }

    /// Whether conversation `id` is in memory (someone used it lately).
    public func isInMemory(_ id: String) -> Bool {
        sessions.withLockedValue { $0[id] != nil }
    }

    /// Starts a conversation for `identity`: the customer it names when the
    /// shop vouched for the id (a valid `identity_hash`), else a new anonymous
    /// customer who keeps the name, email and phone given. Stores the bot's
    /// greeting and sends `outbox` its `welcome` (with the conversation token)
    /// and the greeting's `reply`. Returns the session and the holder id to
    /// detach when the connection closes.
    func start(_ identity: CustomerIdentity?, channel: String, outbox: @escaping ConversationSession.CustomerOutbox)
        async throws -> (ConversationSession, Int)
    {
        try await start(customerId: identity.flatMap(trustedId), identity: identity, channel: channel, outbox: outbox)
    }

    /// The id `identity` claims when the shop vouched for it; nil (and
    /// counted) when it claims one without a valid hash.
    private func trustedId(of identity: CustomerIdentity) -> String? {
        guard let id = identity.id else { return nil }
        guard let secret = access.identitySecret, let hash = identity.identityHash,
            IdentityVerification.isValid(id: id, hash: hash, secret: secret)
        else {
            metrics.unverifiedIdentity()
            return nil
        }
        return id
    }

    /// Starts a conversation for customer `customerId` (trusted; a new
    /// anonymous customer when nil) with what `identity` says of them.
    private func start(
        customerId: String?, identity: CustomerIdentity?, channel: String,
        outbox: @escaping ConversationSession.CustomerOutbox
    ) async throws -> (ConversationSession, Int) {
        let now = Date()
        let (token, tokenHash) = ConversationToken.issue()
        let conversation = Conversation(
            customerId: customerId ?? UUID().uuidString, channel: channel, startedAt: now, updatedAt: now,
            tokenHash: tokenHash)
        let claimed = Customer(
            id: conversation.customerId, name: identity?.name, email: identity?.email, phone: identity?.phone,
            firstSeen: now, lastSeen: now)
        // The greeting is filled in for the customer as the store knows them: read (not written) first.
        let known = customerId == nil ? nil : try await store.customer(id: claimed.id)
        let state = ConversationState(id: conversation.id, channel: channel)
        let answering = self.answering
        let greeting = answering.bot.policy.greeting(
            for: Self.profile(known?.merging(claimed) ?? claimed), state: state)
        let (customer, stored) = try await answering.ledger.start(conversation, customer: claimed, greeting: greeting)
        let session = ConversationSession(
            service: self, conversation: conversation, customer: Self.profile(customer), summary: EscalationSummary())
        // A new session is not retired yet: attaching cannot fail.
        let holder =
            await session.attach(
                outbox,
                sending: [
                    Self.welcome(conversation, resumed: false, token: token), .reply(ConversationSession.reply(stored)),
                ])
            ?? 0
        remember(session)
        return (session, holder)
    }

    /// Resumes conversation `id` for the client holding its `token`: sends
    /// `outbox` its `welcome`, then the replies after `lastMessageId` the
    /// customer has not seen. Nil when the store has no such conversation or
    /// the token is not its own; a closed one starts a new conversation for
    /// the same customer. Returns the holder id to detach when the connection closes.
    func resume(
        _ id: String, token: String, lastMessageId: Int64?, channel: String,
        outbox: @escaping ConversationSession.CustomerOutbox
    ) async throws -> (ConversationSession, Int)? {
        guard let (session, holder) = try await attach(id, outbox: nil) else { return nil }
        guard await session.isResumable(with: token) else {
            await session.detach(holder)
            return nil
        }
        let status = await session.status
        if status == .closed {
            await session.detach(holder)
            return try await start(customerId: session.customerId, identity: nil, channel: channel, outbox: outbox)
        }
        do {
            try await session.connect(holder, outbox: outbox, missedAfter: lastMessageId)
        } catch {
            await session.detach(holder)
            throw error
        }
        return (session, holder)
    }

    /// Conversation `id`, from memory or rebuilt from the store, held by the
    /// caller (`outbox` receives `events`, then the conversation's events) until
    /// it detaches the holder id returned; nil when the store has no such conversation.
    func attach(_ id: String, outbox: ConversationSession.CustomerOutbox?, sending events: [ServerEvent] = [])
        async throws -> (ConversationSession, Int)?
    {
        while true {
            guard let session = try await session(id) else { return nil }
            if let holder = await session.attach(outbox, sending: events) { return (session, holder) }
            // It left memory meanwhile: drop it from the map and look again.
            forget(session)
        }
    }

    private func session(_ id: String) async throws -> ConversationSession? {
        if let session = sessions.withLockedValue({ $0[id] }) { return session }
        guard let conversation = try await store.conversation(id: id) else { return nil }
        let customer = try await store.customer(id: conversation.customerId)
        let escalation =
            conversation.status == .bot || conversation.status == .ticket
            ? nil : try await store.openEscalation(conversationId: id)
        let session = ConversationSession(
            service: self, conversation: conversation,
            customer: customer.map(Self.profile) ?? CustomerProfile(id: conversation.customerId), escalation: escalation
        )
        return remember(session)
    }

    /// Erases the conversations inactive for more than `days` days (and
    /// customers left with none), as the retention period asks; logged and audited.
    public func eraseExpiredConversations(olderThanDays days: Int, now: Date = Date()) async {
        do {
            let report = try await store.eraseConversations(
                lastActiveBefore: now.addingTimeInterval(-Double(days) * 86_400))
            guard report.conversations > 0 else { return }
            logger.info(
                "retention: erased conversations",
                metadata: ["conversations": "\(report.conversations)", "customers": "\(report.customers)"])
            await audit.record(
                .erase, actor: "server", address: "local",
                detail: "retention: older than \(days) days: \(report.conversations) conversations")
        } catch {
            logger.error("retention: could not erase old conversations", metadata: ["error": "\(error)"])
        }
    }

    /// Lets `session` leave memory (idle, erased, or retired while being looked up), unless another took its place.
    func forget(_ session: ConversationSession) {
        let count = sessions.withLockedValue { sessions in
            if sessions[session.id] === session { sessions[session.id] = nil }
            return sessions.count
        }
        metrics.conversationsInMemory(count)
    }

    /// Keeps `session` in memory unless another arrived first; returns the one kept.
    @discardableResult
    private func remember(_ session: ConversationSession) -> ConversationSession {
        let (kept, count) = sessions.withLockedValue { sessions in
            if let existing = sessions[session.id] { return (existing, sessions.count) }
            sessions[session.id] = session
            return (session, sessions.count)
        }
        metrics.conversationsInMemory(count)
        return kept
    }

    /// Puts the conversations the store has waiting for an agent, or with one
    /// (gone with the previous process), back in the agents' queue: run once
    /// at start-up. Returns how many.
    @discardableResult
    public func restoreQueue() async throws -> Int {
        var restored = 0
        for status in [Conversation.Status.queued, .withAgent] {
            for conversation in try await store.conversations(status: status, limit: 100_000)
            where conversation.outcome == nil {
                guard let (session, holder) = try await attach(conversation.id, outbox: nil) else { continue }
                if let item = await session.reopen() {
                    _ = await desk.enqueue(session, item: item)
                    restored += 1
                }
                await session.detach(holder)
            }
        }
        return restored
    }

    /// Lets conversations no connection has used for `limits.idleSeconds` leave memory.
    public func forgetIdleConversations(now: ContinuousClock.Instant = .now) async {
        let cutoff = now - .seconds(limits.idleSeconds)
        for session in sessions.withLockedValue({ Array($0.values) }) where await session.retire(ifIdleBefore: cutoff) {
            forget(session)
        }
        metrics.conversationsInMemory(activeConversations)
    }

    // MARK: Tickets

    /// The tickets changed (one opened, got an email, was answered or closed): agents hear shortly.
    func ticketsChanged() {
        let desk = self.desk
        Task { await desk.ticketsChanged { [self] in try? await self.ticketsEvent() } }
    }

    /// The open tickets, oldest first (the first `AgentDesk.queueShown`), with how many there are.
    func ticketsEvent() async throws -> AgentEvent {
        let all = try await store.conversations(status: .ticket, limit: 100_000)
        var items: [TicketItem] = []
        for conversation in all.sorted(by: { ($0.ticketAt ?? $0.updatedAt) < ($1.ticketAt ?? $1.updatedAt) })
            .prefix(AgentDesk.queueShown)
        {
            let customer = try await store.customer(id: conversation.customerId)
            let transcript = try await store.transcript(conversationId: conversation.id)
            let lastNoAgent = transcript.last { $0.rule == DialogueRule.noAgent.rawValue }
            let lastOutOfHours = transcript.last {
                $0.sender == .bot && $0.action == DialogueDecision.Action.outOfHours.rawValue
            }
            let reason =
                (lastNoAgent?.sentAt ?? .distantPast) > (lastOutOfHours?.sentAt ?? .distantPast)
                ? "nobody took it in time" : "outside office hours"
            items.append(
                TicketItem(
                    conversationId: conversation.id, customerId: conversation.customerId, customerName: customer?.name,
                    email: conversation.ticketEmail ?? customer?.email, channel: conversation.channel,
                    ticketAt: conversation.ticketAt ?? conversation.updatedAt, reason: reason,
                    summary: EscalationSummary(transcript: transcript)))
        }
        return .tickets(.init(tickets: items, count: all.count))
    }

    /// The `welcome` of `conversation`; a new conversation's carries its token.
    static func welcome(_ conversation: Conversation, resumed: Bool, token: String? = nil) -> ServerEvent {
        .welcome(
            .init(
                conversationId: conversation.id, conversationToken: token, customerId: conversation.customerId,
                resumed: resumed, status: conversation.status))
    }

    static func profile(_ customer: Customer) -> CustomerProfile {
        CustomerProfile(
            id: customer.id, name: customer.name, email: customer.email, phone: customer.phone, vip: customer.vip)
    }
}
