internal import Foundation
internal import Logging
internal import ParleyStore

/// One agent connection (the console's WebSocket, or a terminal on the line
/// protocol), owned by the task that reads it: signs the agent in and turns
/// their requests into desk work. Every event for the agent goes to its
/// outbox, in order. Close it when the connection ends.
public struct AgentConnection: Sendable {
    public let service: ChatService
    /// The client's IP address, for the audit log.
    private let address: String?
    private let outbox: @Sendable (AgentEvent) -> Void
    private var token: String?
    private var agentId: String?
    /// The desk's id for this connection.
    private var connection = 0
    /// Conversations open on this connection: their session, the hold on it, and the watch.
    private var watching: [String: (session: ConversationSession, holder: Int, watcher: Int)] = [:]

    /// `outbox` receives the agent's events in order; it must not block.
    /// `address` (the client's IP) goes into the audit log with sign-ins and agents' actions.
    public init(service: ChatService, address: String? = nil, outbox: @escaping @Sendable (AgentEvent) -> Void) {
        self.service = service
        self.address = address
        self.outbox = outbox
    }

    /// The signed-in agent's id.
    public var signedIn: String? { agentId }

    /// Handles one JSON text (a WebSocket frame).
    public mutating func receive(json text: String) async {
        do {
            await receive(try WireCoding.decode(AgentMessage.self, from: text))
        } catch let error as WireDecodingError {
            refuse(error)
        } catch {
            refuse(WireDecodingError.notAMessage)
        }
    }

    /// Handles one agent message.
    public mutating func receive(_ message: AgentMessage) async {
        do throws(AgentDeskError) {
            switch message {
            case .login(let login):
                try await self.login(login.agent, password: login.password)
            case .resume(let resume):
                try await self.resume(resume.token)
            case .status, .queue, .active, .open, .closeView, .take, .decline, .say, .typing, .handback, .close,
                .logout, .tickets, .answer:
                try await act(message, as: try await signedInAgent())
            }
        } catch {
            service.metrics.error(error.code)
            outbox(.error(error.code, error.message))
        }
    }

    /// The agent this connection is signed in as; leaves the desk when the sign-in is no longer valid.
    private mutating func signedInAgent() async throws(AgentDeskError) -> AgentProfile {
        guard let token else { throw .unauthorized }
        do throws(AgentDeskError) {
            return try await service.desk.agent(for: token)
        } catch {
            await leaveDesk()
            throw error
        }
    }

    /// What a signed-in agent asks for (`login` and `resume` are `receive`'s).
    private mutating func act(_ message: AgentMessage, as agent: AgentProfile) async throws(AgentDeskError) {
        let desk = service.desk
        switch message {
        case .login, .resume:
            return
        case .status(let change):
            guard let status = User.Status(rawValue: change.status), status != .offline else {
                return refuse(.invalidMessage, "status is available or away")
            }
            await desk.setStatus(agent.id, status)
        case .queue:
            outbox(await desk.queueEvent())
        case .active:
            let conversations: [Conversation]
            do {
                conversations = try await service.store.conversations(status: .bot, limit: 200)
            } catch {
                throw .unavailable
            }
            let active = conversations.filter { service.isInMemory($0.id) }.prefix(50).map(ConversationInfo.init)
            outbox(.active(.init(conversations: active)))
        case .logout:
            // Every connection of the sign-in, this one too, is told `signed_out`.
            if let token { await desk.signOut(token) }
            await leaveDesk()
        case .open(let reference):
            try await open(try Self.id(reference.conversationId, for: message))
        case .closeView(let reference):
            await unwatch(try Self.id(reference.conversationId, for: message))
        case .take(let reference):
            let id = try Self.id(reference.conversationId, for: message)
            let session = try await open(id)
            try await desk.take(id, session: session, by: agent.id)
            await service.audit.record(.takeOver, actor: "user:\(agent.id)", target: id, address: address)
        case .decline(let reference):
            await desk.decline(try Self.id(reference.conversationId, for: message), by: agent.id)
        case .say(let say):
            let id = try Self.id(say.conversationId, for: message)
            guard !say.text.allSatisfy(\.isWhitespace) else {
                return refuse(.invalidMessage, "\"say\" needs a non-empty \"text\"")
            }
            if let character = ControlCharacters.first(in: say.text) {
                return refuse(
                    .invalidMessage, ControlCharacters.refusal(of: "text", holding: character) + "; nothing was sent")
            }
            try await desk.say(say.text, in: id, by: agent.id)
        case .typing(let reference):
            await desk.typing(in: try Self.id(reference.conversationId, for: message), by: agent.id)
        case .handback(let reference):
            let id = try Self.id(reference.conversationId, for: message)
            try await desk.handBack(id, by: agent.id)
            await service.audit.record(.handBack, actor: "user:\(agent.id)", target: id, address: address)
        case .close(let close):
            let id = try Self.id(close.conversationId, for: message)
            let word = close.outcome?.trimmingCharacters(in: .whitespaces) ?? ""
            let outcome = word.isEmpty ? ConversationOutcome.resolved : ConversationOutcome(rawValue: word)
            guard ConversationOutcome.agentChoices.contains(outcome) || outcome == .answered else {
                let choices = ConversationOutcome.agentChoices.map(\.rawValue).joined(separator: ", ")
                return refuse(.invalidMessage, "outcome is one of \(choices) (resolved when left out)")
            }
            if await desk.owner(of: id) == nil, try await isTicket(id) {
                try await endTicket(id, outcome: outcome, note: nil, by: agent)
            } else {
                try await desk.close(id, outcome: outcome, by: agent.id)
            }
            await service.audit.record(
                .close, actor: "user:\(agent.id)", target: id, address: address, detail: outcome.rawValue)
        case .tickets:
            do {
                outbox(try await service.ticketsEvent())
            } catch {
                throw .unavailable
            }
        case .answer(let answer):
            let id = try Self.id(answer.conversationId, for: message)
            if let character = answer.note.flatMap(ControlCharacters.first(in:)) {
                return refuse(
                    .invalidMessage,
                    ControlCharacters.refusal(of: "note", holding: character) + "; the ticket stays open")
            }
            let note = answer.note?.trimmingCharacters(in: .whitespacesAndNewlines)
            try await endTicket(id, outcome: .answered, note: note, by: agent)
            await service.audit.record(
                .close, actor: "user:\(agent.id)", target: id, address: address, detail: "answered")
        }
    }

    /// Whether conversation `id` is an open ticket.
    private func isTicket(_ id: String) async throws(AgentDeskError) -> Bool {
        do {
            return try await service.store.conversation(id: id)?.status == .ticket
        } catch {
            throw .unavailable
        }
    }

    /// Answers or closes the open ticket `id`; every agent then sees the tickets without it.
    private func endTicket(_ id: String, outcome: ConversationOutcome, note: String?, by agent: AgentProfile)
        async throws(AgentDeskError)
    {
        let held: (ConversationSession, Int)?
        do {
            held = try await service.attach(id, outbox: nil)
        } catch {
            throw .unavailable
        }
        guard let (session, holder) = held else { throw .unknownConversation(id) }
        do {
            try await session.closeTicket(by: agent, outcome: outcome, note: note)
        } catch {
            await session.detach(holder)
            throw error
        }
        await session.detach(holder)
        service.ticketsChanged()
    }

    /// A conversation id the message names; refused when empty.
    private static func id(_ id: String, for message: AgentMessage) throws(AgentDeskError) -> String {
        guard !id.isEmpty else { throw .invalidMessage("\"\(message.kind.rawValue)\" needs a \"conversation_id\"") }
        return id
    }

    private mutating func login(_ id: String, password: String) async throws(AgentDeskError) {
        let user = try await PasswordSignIn(service: service).check(
            id, password: password, address: address, via: "desk")
        await leaveDesk()
        let (token, connection) = await service.desk.signIn(user, outbox: outbox)
        (self.token, self.agentId, self.connection) = (token, user.id, connection)
    }

    private mutating func resume(_ token: String, revealToken: Bool = true) async throws(AgentDeskError) {
        await leaveDesk()
        let (agentId, connection) = try await service.desk.resume(token, outbox: outbox, revealToken: revealToken)
        (self.token, self.agentId, self.connection) = (token, agentId, connection)
    }

    /// Continues the console session `token` (its cookie came with the
    /// WebSocket's upgrade request): `signed_in` without the token, then the queue.
    public mutating func continueSession(_ token: String) async {
        do throws(AgentDeskError) {
            try await resume(token, revealToken: false)
        } catch {
            service.metrics.error(error.code)
            outbox(.error(error.code, error.message))
        }
    }

    /// Opens conversation `id` on this connection (once): sends its view and
    /// then its messages live. Returns its session.
    @discardableResult
    private mutating func open(_ id: String) async throws(AgentDeskError) -> ConversationSession {
        if let open = watching[id] { return open.session }
        let outbox = self.outbox
        do {
            guard let (session, holder) = try await service.attach(id, outbox: nil) else {
                throw AgentDeskError.unknownConversation(id)
            }
            do {
                let (watcher, view) = try await session.watch(outbox)
                watching[id] = (session, holder, watcher)
                outbox(.conversation(.init(conversationId: id, view: view)))
                return session
            } catch {
                await session.detach(holder)
                throw error
            }
        } catch let error as AgentDeskError {
            throw error
        } catch {
            throw .unavailable
        }
    }

    private mutating func unwatch(_ id: String) async {
        guard let open = watching.removeValue(forKey: id) else { return }
        await open.session.unwatch(open.watcher)
        await open.session.detach(open.holder)
    }

    /// Leaves the desk: this connection no longer receives the agent's events.
    private mutating func leaveDesk() async {
        for id in watching.keys { await unwatch(id) }
        if let agentId { await service.desk.disconnect(agentId, connection: connection) }
        (token, agentId) = (nil, nil)
    }

    /// Ends the connection. When it was the agent's last, their conversations
    /// return to the queue after the grace time.
    public mutating func close() async {
        await leaveDesk()
    }

    /// Refuses what the client sent, saying what the protocol expects.
    private func refuse(_ error: WireDecodingError) {
        refuse(error.code, error.message(expecting: AgentMessage.Kind.self))
    }

    private func refuse(_ code: ErrorCode, _ message: String) {
        service.metrics.error(code)
        outbox(.error(code, message))
    }
}
