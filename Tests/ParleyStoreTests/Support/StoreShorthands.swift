import Foundation
import ParleyStore
import Testing

/// Shorthands for tests that set up a store's rows one at a time; each goes
/// through `record(_:)`, the store's one way to write a conversation.
extension CRMStore {
    /// Inserts or updates a conversation's row (no messages).
    func save(_ conversation: Conversation) async throws {
        _ = try await record(ConversationTransition(kind: .start, conversation: conversation, messages: []))
    }

    /// Stores one message of an existing conversation; returns it with its id.
    func append(_ message: StoredMessage) async throws -> StoredMessage {
        let conversation = try #require(try await conversation(id: message.conversationId))
        return try await record(
            ConversationTransition(kind: .exchange, conversation: conversation, messages: [message])
        )
        .messages[0]
    }

    /// Opens an escalation (no id) or updates one (with its id); returns it as stored.
    @discardableResult
    func escalate(_ escalation: Escalation) async throws -> Escalation {
        let conversation = try #require(try await conversation(id: escalation.conversationId))
        let recorded = try await record(
            ConversationTransition(kind: .exchange, conversation: conversation, messages: [], escalation: escalation))
        return try #require(recorded.escalation)
    }

    func update(_ escalation: Escalation) async throws {
        try await escalate(escalation)
    }
}
