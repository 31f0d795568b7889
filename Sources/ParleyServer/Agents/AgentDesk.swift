public import Foundation
internal import NIOConcurrencyHelpers
public import ParleyBot
internal import ParleyStore

/// The humans' side of the chat: agents on duty, the queue of escalated
/// conversations, and who owns which conversation. Offers each waiting
/// conversation to the least busy available agent (most urgent first), lets
/// agents take one by hand, and makes sure exactly one agent owns a
/// conversation. The conversations themselves (`ConversationSession`) do the
/// storing and tell their customers.
public actor AgentDesk {
    typealias Outbox = ConversationSession.AgentOutbox

    /// A signed-in agent and their open connections.
    private struct Duty {
        var profile: AgentProfile
        var outboxes: [Int: Outbox] = [:]
        /// The sign-in each connection came with.
        var tokens: [Int: String] = [:]
        /// Conversations offered to the agent and not answered yet.
        var offers: Set<String> = []
        /// Returns the agent's conversations to the queue once the grace time is over.
        var leaving: Task<Void, Never>?

        var load: Int { profile.conversations.count + offers.count }
    }

    /// A conversation in the queue.
    private struct Waiting {
        var item: QueueItem
        let session: ConversationSession
        var offeredAt: Date?
        var declinedBy: Set<String> = []
        var announced = 0
    }

    private struct SignIn {
        var profile: AgentProfile
        /// A console session's user may be a trainer, who reviews but may not work the desk.
        var role: Role
        var expires: Date
        /// A console session's CSRF token (`/agent/session`); nil for a sign-in over the agents' protocol.
        var csrf: String?
    }

    /// An owned conversation (or one being taken).
    private struct Ownership {
        var agent: AgentProfile
        var session: ConversationSession
    }

    public let settings: DeskSettings
    /// When agents are in; nil: always. A reload changes them (`change(officeHours:)`).
    public nonisolated var officeHours: OfficeHours? { hours.withLockedValue { $0 } }
    private nonisolated let hours: NIOLockedValueBox<OfficeHours?>
    /// Whether agents were in at the last sweep (the console is told when that changes).
    private var wasOpen: Bool?
    /// The pending publication of the tickets, after a change.
    private var ticketsRefresh: Task<Void, Never>?
    private var duty: [String: Duty] = [:]
    private var signIns: [String: SignIn] = [:]
    private var waiting: [String: Waiting] = [:]
    private var owners: [String: Ownership] = [:]
    private var nextId = 0
    /// The pending publication of the queue, after a change.
    private var refresh: Task<Void, Never>?
    /// The queue as agents last heard it: the sweep each second sends it only when it differs.
    private var published: AgentEvent.Queue?

    public init(settings: DeskSettings = DeskSettings(), officeHours: OfficeHours? = nil) {
        self.settings = settings
        self.hours = NIOLockedValueBox(officeHours)
    }

    /// Takes a reloaded bot's office hours; when they differ, every agent on
    /// duty is told what they are now.
    func change(officeHours: OfficeHours?, now: Date = Date()) {
        let changed = hours.withLockedValue { hours in
            defer { hours = officeHours }
            return hours != officeHours
        }
        guard changed else { return }
        wasOpen = officeHours?.isOpen(at: now) ?? true
        everyone(.officeHours(officeHoursInfo(at: now)))
    }

    /// Whether agents are in at `now`, and until when.
    public nonisolated func officeHoursInfo(at now: Date = Date()) -> OfficeHoursInfo {
        OfficeHoursInfo(officeHours, at: now)
    }

    // MARK: Signing in

    /// Signs in `agent` (whose password was checked) on a connection: sends
    /// it `signed_in` (with the token that resumes the sign-in), then the queue.
    /// Returns the token and the connection's id.
    func signIn(_ agent: User, outbox: @escaping Outbox, now: Date = Date()) -> (token: String, connection: Int) {
        let token = Self.randomToken()
        let profile = profile(of: agent)
        let expires = now.addingTimeInterval(Double(settings.agentSessionHours) * 3600)
        signIns[token] = SignIn(profile: profile, role: agent.role, expires: expires)
        return (token, connect(profile, signInToken: token, token: token, expires: expires, outbox: outbox))
    }

    /// Opens a console session for `agent` (whose password was checked; a
    /// trainer too, for the review inbox), with no connection yet: its token
    /// (the cookie's value), its CSRF token, when it expires, and the agent.
    func openSession(_ agent: User, now: Date = Date()) -> (
        token: String, csrf: String, expires: Date, agent: AgentProfile
    ) {
        let (token, csrf) = (Self.randomToken(), Self.randomToken())
        let expires = now.addingTimeInterval(Double(settings.agentSessionHours) * 3600)
        let profile = profile(of: agent)
        signIns[token] = SignIn(profile: profile, role: agent.role, expires: expires, csrf: csrf)
        return (token, csrf, expires, profile)
    }

    /// The console session `token`: its agent, role, CSRF token and expiry;
    /// throws when it is unknown or expired, or a sign-in over the agents' protocol.
    func session(_ token: String, now: Date = Date()) throws(AgentDeskError) -> (
        agent: AgentProfile, role: Role, csrf: String, expires: Date
    ) {
        let signIn = try valid(token, now: now)
        guard let csrf = signIn.csrf else { throw .unauthorized }
        return (duty[signIn.profile.id]?.profile ?? signIn.profile, signIn.role, csrf, signIn.expires)
    }

    /// A reconnecting client continues the sign-in `token`: sends it
    /// `signed_in` (with the token unless `revealToken` is false: a console
    /// session's token stays in its HttpOnly cookie), then the queue. Returns
    /// the agent's id and the connection's id.
    func resume(_ token: String, outbox: @escaping Outbox, revealToken: Bool = true, now: Date = Date())
        throws(AgentDeskError) -> (agentId: String, connection: Int)
    {
        let signIn = try valid(token, now: now)
        guard signIn.role.may(.desk) else { throw .forbidden(signIn.role) }
        let profile = duty[signIn.profile.id]?.profile ?? signIn.profile
        return (
            profile.id,
            connect(
                profile, signInToken: token, token: revealToken ? token : nil, expires: signIn.expires, outbox: outbox)
        )
    }

    /// 256 random bits in hex.
    private static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next(), radix: 16) }.joined(separator: "-")
    }

    private func profile(of agent: User) -> AgentProfile {
        duty[agent.id]?.profile
            ?? AgentProfile(
                id: agent.id, name: agent.name, status: .available, capacity: agent.capacity, conversations: [])
    }

    /// The agent a token signs in, as on duty now; throws when the token is unknown or expired.
    func agent(for token: String, now: Date = Date()) throws(AgentDeskError) -> AgentProfile {
        let signIn = try valid(token, now: now)
        guard let profile = duty[signIn.profile.id]?.profile else { throw .unauthorized }
        return profile
    }

    /// Ends a sign-in: each connection that came with it is told `signed_out`
    /// (a WebSocket then closes) and leaves the desk at once, so it gets no
    /// more offers or queue (the agent's conversations stay theirs while other
    /// connections remain).
    func signOut(_ token: String) async {
        signIns[token] = nil
        for (agentId, agent) in duty {
            for (connection, held) in agent.tokens where held == token {
                agent.outboxes[connection]?(.signedOut)
                await disconnect(agentId, connection: connection)
            }
        }
    }

    private func valid(_ token: String, now: Date) throws(AgentDeskError) -> SignIn {
        guard let signIn = signIns[token] else { throw .unauthorized }
        guard signIn.expires > now else {
            signIns[token] = nil
            throw .sessionExpired
        }
        return signIn
    }

    /// Puts a connection of the sign-in `signInToken` on duty; `signed_in` tells it `token` (nil: keep it untold).
    private func connect(
        _ profile: AgentProfile, signInToken: String, token: String?, expires: Date, outbox: @escaping Outbox
    ) -> Int {
        nextId += 1
        var agent = duty[profile.id] ?? Duty(profile: profile)
        agent.leaving?.cancel()
        agent.leaving = nil
        agent.outboxes[nextId] = outbox
        agent.tokens[nextId] = signInToken
        duty[profile.id] = agent
        outbox(.signedIn(.init(agent: agent.profile, token: token, expiresAt: expires)))
        outbox(.officeHours(officeHoursInfo()))
        outbox(queueEvent())
        dispatch()
        return nextId
    }

    /// A connection of `agentId` closed. When it was their last, their
    /// conversations return to the queue after the grace time.
    func disconnect(_ agentId: String, connection: Int) async {
        guard var agent = duty[agentId] else { return }
        agent.outboxes[connection] = nil
        agent.tokens[connection] = nil
        guard agent.outboxes.isEmpty else {
            duty[agentId] = agent
            return
        }
        // Offers to an agent who is gone go to someone else.
        for id in agent.offers { waiting[id]?.offeredAt = nil }
        agent.offers = []
        let grace = settings.agentGraceSeconds
        if grace > 0 {
            agent.leaving = Task {
                try? await Task.sleep(for: .seconds(grace))
                if !Task.isCancelled { await self.leave(agentId) }
            }
            duty[agentId] = agent
            dispatch()
        } else {
            duty[agentId] = agent
            await leave(agentId)
        }
    }

    /// The agent is gone: their conversations wait in the queue again and their customers are told.
    private func leave(_ agentId: String) async {
        guard let agent = duty[agentId], agent.outboxes.isEmpty else { return }
        duty[agentId] = nil
        for (id, owner) in owners where owner.agent.id == agentId {
            owners[id] = nil
            if let item = await owner.session.requeue(from: owner.agent) {
                waiting[id] = Waiting(item: item, session: owner.session)
            }
        }
        changed()
    }

    /// The agent sets themselves `available` or `away`.
    func setStatus(_ agentId: String, _ status: User.Status) {
        guard var agent = duty[agentId] else { return }
        agent.profile.status = status
        duty[agentId] = agent
        tell(agentId, self.status(of: agent.profile))
        dispatch()
    }

    // MARK: The queue

    /// Queues an escalated conversation, offers it to an agent if one is free,
    /// and returns its position (1 is next).
    func enqueue(_ session: ConversationSession, item: QueueItem) -> Int {
        guard owners[item.conversationId] == nil else { return 0 }
        waiting[item.conversationId] = Waiting(item: item, session: session)
        changed(announcedBy: item.conversationId)
        return waiting[item.conversationId]?.announced ?? 0
    }

    /// The queue, most urgent first.
    func queue(now: Date = Date()) -> [QueueItem] {
        ordered(now: now).enumerated().map { index, entry in
            var item = entry.item
            item.position = index + 1
            return item
        }
    }

    private func ordered(now: Date) -> [Waiting] {
        waiting.values.sorted { QueueRules.precedes($0.item, $1.item, at: now) }
    }

    /// The agent does not want an offered conversation: it goes to someone else.
    func decline(_ conversationId: String, by agentId: String) {
        guard var entry = waiting[conversationId], entry.item.offeredTo == agentId else { return }
        entry.declinedBy.insert(agentId)
        entry.item.offeredTo = nil
        entry.offeredAt = nil
        waiting[conversationId] = entry
        duty[agentId]?.offers.remove(conversationId)
        changed()
    }

    /// Offers expired, and conversations that waited too long become tickets;
    /// agents hear when office hours begin or end.
    func sweep(now: Date = Date()) async {
        let open = officeHours?.isOpen(at: now) ?? true
        if let wasOpen, wasOpen != open { everyone(.officeHours(officeHoursInfo(at: now))) }
        wasOpen = open
        let offerTimeout = Double(settings.offerTimeoutSeconds)
        for (id, entry) in waiting {
            guard let offeredAt = entry.offeredAt, let agent = entry.item.offeredTo,
                now.timeIntervalSince(offeredAt) >= offerTimeout
            else { continue }
            waiting[id]?.declinedBy.insert(agent)
            waiting[id]?.item.offeredTo = nil
            waiting[id]?.offeredAt = nil
            duty[agent]?.offers.remove(id)
        }
        let queueTimeout = Double(settings.queueTimeoutSeconds)
        let late = waiting.values.filter { now.timeIntervalSince($0.item.queuedAt) >= queueTimeout }
        for entry in late {
            let id = entry.item.conversationId
            waiting[id] = nil
            if let agent = entry.item.offeredTo { duty[agent]?.offers.remove(id) }
            _ = await entry.session.becomeTicket()
        }
        changed()
    }

    /// The tickets changed: `load` gives the new list, sent to every agent
    /// shortly after (at most every 200 ms however often they change).
    func ticketsChanged(_ load: @escaping @Sendable () async -> AgentEvent?) {
        guard ticketsRefresh == nil else { return }
        ticketsRefresh = Task {
            try? await Task.sleep(for: .milliseconds(200))
            self.ticketsRefresh = nil
            if let event = await load() { self.everyone(event) }
        }
    }

    // MARK: Owning conversations

    /// `agent` takes the conversation (queued, or still with the bot). Exactly
    /// one agent wins a race; the customer hears `agent_joined` after every
    /// bot reply already on its way, and the bot is silent from then on.
    func take(_ conversationId: String, session: ConversationSession, by agentId: String) async throws(AgentDeskError) {
        guard let agent = duty[agentId]?.profile else { throw .unauthorized }
        if let owner = owners[conversationId] { throw .alreadyTaken(conversationId, by: owner.agent.name) }
        // Counted from the owners, so takes still being stored count too.
        guard owners.values.count(where: { $0.agent.id == agentId }) < agent.capacity else {
            throw .atCapacity(agent.capacity)
        }
        let queued = waiting.removeValue(forKey: conversationId)
        let session = queued?.session ?? session
        owners[conversationId] = Ownership(agent: agent, session: session)
        do {
            try await session.takeOver(by: agent)
        } catch {
            owners[conversationId] = nil
            if let queued { waiting[conversationId] = queued }
            throw error
        }
        if let offeredTo = queued?.item.offeredTo { duty[offeredTo]?.offers.remove(conversationId) }
        duty[agentId]?.profile.conversations.append(conversationId)
        // The agent may have left while the takeover was being stored.
        owners[conversationId]?.agent = duty[agentId]?.profile ?? agent
        everyone(.taken(.init(conversationId: conversationId, agentId: agentId)))
        if let profile = duty[agentId]?.profile { tell(agentId, status(of: profile)) }
        changed()
    }

    /// The owner writes to the customer.
    func say(_ text: String, in conversationId: String, by agentId: String) async throws(AgentDeskError) {
        let owner = try ownership(conversationId, agentId)
        try await owner.session.say(text, by: owner.agent)
    }

    /// The owner is typing.
    func typing(in conversationId: String, by agentId: String) async {
        guard let owner = try? ownership(conversationId, agentId) else { return }
        await owner.session.agentTyping(owner.agent)
    }

    /// The owner hands the conversation back to the bot.
    func handBack(_ conversationId: String, by agentId: String) async throws(AgentDeskError) {
        let owner = try ownership(conversationId, agentId)
        try await owner.session.handBack(by: owner.agent)
        release(conversationId, from: agentId, because: .handedBack)
    }

    /// The owner ends the conversation with `outcome`.
    func close(_ conversationId: String, outcome: ConversationOutcome, by agentId: String)
        async throws(AgentDeskError)
    {
        let owner = try ownership(conversationId, agentId)
        try await owner.session.close(by: owner.agent, outcome: outcome)
        release(conversationId, from: agentId, because: .closed)
    }

    /// Who owns a conversation now, if anyone.
    func owner(of conversationId: String) -> String? {
        owners[conversationId]?.agent.id
    }

    private func ownership(_ conversationId: String, _ agentId: String) throws(AgentDeskError) -> Ownership {
        guard let owner = owners[conversationId], owner.agent.id == agentId else { throw .notYours(conversationId) }
        return owner
    }

    private func release(
        _ conversationId: String, from agentId: String, because reason: AgentEvent.Released.Reason
    ) {
        owners[conversationId] = nil
        duty[agentId]?.profile.conversations.removeAll { $0 == conversationId }
        everyone(.released(.init(conversationId: conversationId, outcome: reason, agentId: agentId)))
        if let profile = duty[agentId]?.profile { tell(agentId, status(of: profile)) }
        dispatch()
    }

    // MARK: Telling people

    /// After any change to the queue: offers at once; the queue to every
    /// agent and the new positions to waiting customers shortly after (a busy
    /// queue changes many times a second: they go out at most every 200 ms).
    /// `announcedBy` tells its own position.
    private func changed(announcedBy: String? = nil) {
        dispatch()
        if let announcedBy,
            let index = ordered(now: Date()).firstIndex(where: { $0.item.conversationId == announcedBy })
        {
            waiting[announcedBy]?.announced = index + 1
        }
        guard refresh == nil else { return }
        refresh = Task {
            try? await Task.sleep(for: .milliseconds(200))
            self.publishQueue()
        }
    }

    /// The most urgent `queueShown` conversations of the queue, and its length.
    func queueEvent() -> AgentEvent { .queue(queueNow()) }

    private func queueNow() -> AgentEvent.Queue {
        .init(queue: Array(queue().prefix(Self.queueShown)), queueLength: waiting.count)
    }

    /// Queue entries sent to agents at a time (a console shows the first ones; the rest follow as those are taken).
    static let queueShown = 100

    /// Sends the queue to every agent and each waiting customer whose place changed their new place.
    private func publishQueue() {
        refresh = nil
        let queue = queueNow()
        if queue != published {
            published = queue
            everyone(.queue(queue))
        }
        var moved: [(ConversationSession, Int)] = []
        for (index, entry) in ordered(now: Date()).enumerated() where entry.announced != index + 1 {
            waiting[entry.item.conversationId]?.announced = index + 1
            moved.append((entry.session, index + 1))
        }
        guard !moved.isEmpty else { return }
        Task {
            for (session, position) in moved { await session.announce(position: position) }
        }
    }

    /// Offers each waiting conversation nobody has been offered, most urgent
    /// first, to the least busy available agent with room for it.
    private func dispatch() {
        let now = Date()
        for entry in ordered(now: now) where entry.item.offeredTo == nil {
            let candidates = duty.values.map {
                QueueRules.Candidate(
                    id: $0.profile.id, status: $0.profile.status, connected: !$0.outboxes.isEmpty, load: $0.load,
                    capacity: $0.profile.capacity)
            }
            guard let agentId = QueueRules.agent(among: candidates, declinedBy: entry.declinedBy) else { continue }
            let id = entry.item.conversationId
            waiting[id]?.item.offeredTo = agentId
            waiting[id]?.offeredAt = now
            duty[agentId]?.offers.insert(id)
            if let item = waiting[id]?.item { tell(agentId, .offer(.init(conversationId: id, item: item))) }
        }
    }

    private func status(of profile: AgentProfile) -> AgentEvent {
        .agent(.init(agent: profile))
    }

    private func tell(_ agentId: String, _ event: AgentEvent) {
        guard let agent = duty[agentId] else { return }
        for outbox in agent.outboxes.values { outbox(event) }
    }

    private func everyone(_ event: AgentEvent) {
        for agent in duty.values {
            for outbox in agent.outboxes.values { outbox(event) }
        }
    }
}
