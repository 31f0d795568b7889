internal import Foundation
internal import Logging
internal import ParleyStore

/// One customer connection on any channel, owned by the task that reads it:
/// turns what the client sends into conversation work and returns the events
/// to send back, in order. Close it when the connection ends.
public struct ChatConnection: Sendable {
    public let service: ChatService
    /// "web", "tcp", "api", …: recorded with the conversation.
    public let channel: String
    private var session: ConversationSession?

    public init(service: ChatService, channel: String) {
        self.service = service
        self.channel = channel
    }

    /// The conversation this connection speaks for, once started or resumed.
    public var conversationId: String? { session?.id }

    /// Handles one JSON text (a WebSocket frame or a JSON line).
    public mutating func receive(json text: String, receivedAt: ContinuousClock.Instant = .now) async -> [ServerEvent] {
        let message: ClientMessage
        do {
            message = try JSONDecoder().decode(ClientMessage.self, from: Data(text.utf8))
        } catch {
            return refuse(
                .invalidJSON, "expected a JSON object with a \"type\" (hello, message, human, typing, rating)")
        }
        return await receive(message, receivedAt: receivedAt)
    }

    /// Handles one client message.
    public mutating func receive(_ message: ClientMessage, receivedAt: ContinuousClock.Instant = .now) async
        -> [ServerEvent]
    {
        switch message.type {
        case "hello":
            guard session == nil else {
                return refuse(.alreadyStarted, "this connection already has a conversation; open a new connection")
            }
            return await open(message)
        case "message":
            guard let text = message.text, !text.allSatisfy(\.isWhitespace) else {
                return refuse(.invalidMessage, "a message needs a non-empty \"text\"")
            }
            var events: [ServerEvent] = []
            if session == nil { events = await open(ClientMessage(type: "hello")) }
            guard let session else { return events }
            let reply = await session.handle(
                text, channel: channel, withAnalysis: message.analysis ?? false, receivedAt: receivedAt)
            return events + [reply]
        case "human":
            var events: [ServerEvent] = []
            if session == nil { events = await open(ClientMessage(type: "hello")) }
            guard let session else { return events }
            return events + [await session.requestHuman(channel: channel, receivedAt: receivedAt)]
        case "typing":
            return []
        case "rating":
            guard let score = message.score, (1...5).contains(score) else {
                return refuse(.invalidMessage, "a rating needs a \"score\" from 1 to 5")
            }
            guard let session else {
                return refuse(.invalidMessage, "there is no conversation to rate yet")
            }
            return [await session.rate(score, comment: message.comment)]
        default:
            return refuse(
                .unknownType, "unknown type \"\(message.type)\"; expected hello, message, human, typing or rating")
        }
    }

    /// Ends the connection's hold on its conversation (which stays resumable).
    public mutating func close() async {
        await session?.detach()
        session = nil
    }

    private mutating func open(_ hello: ClientMessage) async -> [ServerEvent] {
        do {
            if let id = hello.conversationId {
                guard
                    let (session, events) = try await service.resume(
                        id, lastMessageId: hello.lastMessageId, channel: channel)
                else {
                    return refuse(.unknownConversation, "no conversation \(id); send hello without conversation_id")
                }
                self.session = session
                return events
            }
            let (session, events) = try await service.start(hello.customer, channel: channel)
            self.session = session
            return events
        } catch {
            service.logger.error("could not open a conversation", metadata: ["error": "\(error)"])
            return refuse(.unavailable, "the conversation could not be opened; try again later")
        }
    }

    private func refuse(_ code: ErrorCode, _ message: String) -> [ServerEvent] {
        service.metrics.error(code)
        return [.error(code, message)]
    }
}
