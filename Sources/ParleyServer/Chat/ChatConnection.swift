internal import Foundation
internal import Logging
internal import ParleyStore

/// One customer connection on any channel, owned by the task that reads it:
/// turns what the client sends into conversation work. Every event for the
/// client — answers, and what happens meanwhile (an agent joining, writing,
/// the queue moving) — goes to its outbox, in order. Close it when the
/// connection ends.
public struct ChatConnection: Sendable {
    public let service: ChatService
    /// "web", "tcp", "api", …: recorded with the conversation.
    public let channel: String
    /// The client's IP address: new conversations count against its allowance.
    private let address: String?
    private let outbox: @Sendable (ServerEvent) -> Void
    private var session: ConversationSession?
    private var holder = 0
    /// Messages refused for the conversation's rate since the last one taken.
    private var refusedInARow = 0

    /// Set once the client was refused what it cannot go on without: a new
    /// conversation over its address's allowance, or `burst` messages in a
    /// row over its conversation's rate. Its transport then stops reading it
    /// and closes it after `RefusalHold`'s wait.
    public private(set) var endsConnection = false

    /// `outbox` receives the client's events in order; it must not block.
    /// `address` is the client's IP address (nil when unknown).
    public init(
        service: ChatService, channel: String, address: String? = nil,
        outbox: @escaping @Sendable (ServerEvent) -> Void
    ) {
        self.service = service
        self.channel = channel
        self.address = address
        self.outbox = outbox
    }

    /// The conversation this connection speaks for, once started or resumed.
    public var conversationId: String? { session?.id }

    /// Handles one JSON text (a WebSocket frame or a JSON line).
    public mutating func receive(json text: String, receivedAt: ContinuousClock.Instant = .now) async {
        let message: ClientMessage
        do {
            message = try WireCoding.decode(ClientMessage.self, from: text)
        } catch let error as WireDecodingError {
            return refuse(error)
        } catch {
            return refuse(WireDecodingError.notAMessage)
        }
        await receive(message, receivedAt: receivedAt)
    }

    /// Handles one client message.
    public mutating func receive(_ message: ClientMessage, receivedAt: ContinuousClock.Instant = .now) async {
        if let refusal = Self.refusal(of: message) { return refuse(refusal.code, refusal.message) }
        switch message {
        case .hello(let hello):
            guard session == nil else {
                return refuse(.alreadyStarted, "this connection already has a conversation; open a new connection")
            }
            await open(hello)
        case .message(let body):
            if session == nil { await open(ClientMessage.Hello()) }
            guard let session else { return }
            let taken = await session.handle(
                body.text, from: holder, channel: channel, withAnalysis: body.analysis ?? false,
                receivedAt: receivedAt)
            refusedInARow = taken ? 0 : refusedInARow + 1
            if Double(refusedInARow) >= service.limits.burst { endsConnection = true }
        case .human:
            if session == nil { await open(ClientMessage.Hello()) }
            await session?.requestHuman(from: holder, channel: channel, receivedAt: receivedAt)
        case .typing:
            await session?.customerTyping()
        case .rating(let rating):
            guard let session else {
                return refuse(.invalidMessage, "there is no conversation to rate yet")
            }
            await session.rate(rating.score, comment: rating.comment, from: holder)
        }
    }

    /// Why `message` is refused whatever the connection's state, if it is: a
    /// control character in a field, blank text, a rating outside 1–5. Checked
    /// before any work, so a refused message changes nothing (the REST channel
    /// checks its body's two messages before it opens a conversation for them).
    static func refusal(of message: ClientMessage) -> ErrorEvent? {
        if let (field, character) = ControlCharacters.first(in: texts(of: message)) {
            return ErrorEvent(
                code: .invalidMessage,
                message: ControlCharacters.refusal(of: field, holding: character) + "; nothing of it was kept"
            )
        }
        let invalid = WireDecodingError.invalidFields(type: message.kind.rawValue)
        switch message {
        case .message(let body) where body.text.allSatisfy(\.isWhitespace): break
        case .rating(let rating) where !(1...5).contains(rating.score): break
        default: return nil
        }
        return ErrorEvent(code: invalid.code, message: invalid.message(expecting: ClientMessage.Kind.self))
    }

    /// Every text field of `message`, named as the wire names it inside the
    /// message (`customer.name`, `conversation_id`, `text`): the names the
    /// REST channel's body gives the same fields.
    private static func texts(of message: ClientMessage) -> [(name: String, text: String?)] {
        switch message {
        case .hello(let hello):
            let customer = hello.customer
            return [
                ("customer.id", customer?.id), ("customer.identity_hash", customer?.identityHash),
                ("customer.name", customer?.name), ("customer.email", customer?.email),
                ("customer.phone", customer?.phone), ("conversation_id", hello.conversationId),
                ("conversation_token", hello.conversationToken),
            ]
        case .message(let body): return [("text", body.text)]
        case .rating(let rating): return [("comment", rating.comment)]
        case .human, .typing: return []
        }
    }

    /// Ends the connection's hold on its conversation (which stays resumable).
    public mutating func close() async {
        await session?.detach(holder)
        session = nil
    }

    private mutating func open(_ hello: ClientMessage.Hello) async {
        do {
            if let id = hello.conversationId {
                guard
                    let (session, holder) = try await service.resume(
                        id, token: hello.conversationToken ?? "", lastMessageId: hello.lastMessageId,
                        channel: channel, outbox: outbox)
                else {
                    return refuse(
                        .unknownConversation,
                        "no conversation \(id) with that conversation_token; send hello without conversation_id to start one"
                    )
                }
                (self.session, self.holder) = (session, holder)
                return
            }
            guard service.addressLimiter.allowConversation(address) else {
                service.metrics.limited(.conversationsPerAddress)
                endsConnection = true
                return refuse(
                    .rateLimited,
                    "too many new conversations from your address; try again later, or go on with the one you have")
            }
            (session, holder) = try await service.start(hello.customer, channel: channel, outbox: outbox)
        } catch {
            service.logger.error("could not open a conversation", metadata: ["error": "\(error)"])
            refuse(.unavailable, "the conversation could not be opened; try again later")
        }
    }

    /// Refuses what the client sent, saying what the protocol expects.
    private func refuse(_ error: WireDecodingError) {
        refuse(error.code, error.message(expecting: ClientMessage.Kind.self))
    }

    private func refuse(_ code: ErrorCode, _ message: String) {
        service.metrics.error(code)
        outbox(.error(code, message))
    }
}
