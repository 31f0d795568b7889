import Foundation
import ParleyBot
import ParleyNLP
import ParleyServer
import ParleyStore

// Field-by-field reads of the protocol's own event types, for assertions:
// nil where the event has no such field. Clients' JSON is decoded into the
// same types (`init(json:)`), so no test keeps a copy of the protocol.

extension ServerEvent {
    /// Decodes one frame or line as a client does.
    init(json: String) throws {
        self = try WireCoding.decode(ServerEvent.self, from: json)
    }

    var type: Kind { kind }

    var reply: Reply? {
        if case .reply(let reply) = self { return reply }
        return nil
    }

    var conversationId: String? {
        if case .welcome(let welcome) = self { return welcome.conversationId }
        return nil
    }

    var customerId: String? {
        if case .welcome(let welcome) = self { return welcome.customerId }
        return nil
    }

    var conversationToken: String? {
        if case .welcome(let welcome) = self { return welcome.conversationToken }
        return nil
    }

    var id: Int64? {
        switch self {
        case .reply(let reply): reply.id
        case .received(let received): received.id
        default: nil
        }
    }

    var text: String? { reply?.text }
    var action: DialogueDecision.Action? { reply?.action }
    var intent: String? { reply?.intent }
    var quickReplies: [String]? { reply?.quickReplies }

    var resumed: Bool? {
        if case .welcome(let welcome) = self { return welcome.resumed }
        return nil
    }

    var from: Author? { reply?.from }
    var inReplyTo: Int64? { reply?.inReplyTo }
    var analysis: Analysis? { reply?.analysis }

    var status: Conversation.Status? {
        switch self {
        case .welcome(let welcome): welcome.status
        case .received(let received): received.status
        case .agentJoined(let presence), .agentLeft(let presence): presence.status
        case .closed(let closed): closed.status
        default: nil
        }
    }

    var agent: String? {
        switch self {
        case .reply(let reply): reply.agent
        case .typing(let typing): typing.agent
        case .agentJoined(let presence), .agentLeft(let presence): presence.agent
        default: nil
        }
    }

    var position: Int? {
        if case .waiting(let waiting) = self { return waiting.position }
        return nil
    }

    var outcome: ConversationOutcome? {
        if case .closed(let closed) = self { return closed.outcome }
        return nil
    }

    var code: ErrorCode? {
        if case .error(let error) = self { return error.code }
        return nil
    }

    var errorMessage: String? {
        if case .error(let error) = self { return error.message }
        return nil
    }
}

extension AgentEvent {
    /// Decodes one frame as an agent's client does.
    init(json: String) throws {
        self = try WireCoding.decode(AgentEvent.self, from: json)
    }

    var type: Kind { kind }

    var conversationId: String? {
        switch self {
        case .offer(let offer): offer.conversationId
        case .conversation(let opened): opened.conversationId
        case .message(let entry): entry.conversationId
        case .typing(let event): event.conversationId
        case .presence(let presence): presence.conversationId
        case .taken(let taken): taken.conversationId
        case .released(let released): released.conversationId
        default: nil
        }
    }

    var agent: AgentProfile? {
        switch self {
        case .signedIn(let signedIn): signedIn.agent
        case .agent(let state): state.agent
        default: nil
        }
    }

    var token: String? {
        if case .signedIn(let signedIn) = self { return signedIn.token }
        return nil
    }

    var queue: [QueueItem]? {
        if case .queue(let queue) = self { return queue.queue }
        return nil
    }

    var item: QueueItem? {
        if case .offer(let offer) = self { return offer.item }
        return nil
    }

    var view: ConversationView? {
        if case .conversation(let opened) = self { return opened.view }
        return nil
    }

    var entry: MessageEntry? {
        if case .message(let entry) = self { return entry.entry }
        return nil
    }

    var agentId: String? {
        switch self {
        case .taken(let taken): taken.agentId
        case .released(let released): released.agentId
        default: nil
        }
    }

    var outcome: AgentEvent.Released.Reason? {
        if case .released(let released) = self { return released.outcome }
        return nil
    }

    var online: Bool? {
        if case .presence(let presence) = self { return presence.online }
        return nil
    }

    var tickets: AgentEvent.Tickets? {
        if case .tickets(let tickets) = self { return tickets }
        return nil
    }

    var officeHours: OfficeHoursInfo? {
        if case .officeHours(let hours) = self { return hours }
        return nil
    }

    var code: ErrorCode? {
        if case .error(let error) = self { return error.code }
        return nil
    }

    var message: String? {
        if case .error(let error) = self { return error.message }
        return nil
    }
}
