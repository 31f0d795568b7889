public import Foundation
public import ParleyNLP
public import ParleyStore

/// Writes what happens in a conversation to the CRM store: each customer
/// message with everything the bot made of it, the bot's reply with its
/// decision, escalations, and the conversation's status. Personal data is
/// masked first when the bot's settings say so.
///
/// Every call returns only once the store has committed, so a reply sent
/// after `record` is never ahead of the record.
public struct ConversationRecorder: Sendable {
    public let store: any CRMStore
    public let redactor: PIIRedactor
    public let modelVersion: String

    public init(store: any CRMStore, redactor: PIIRedactor, modelVersion: String) {
        self.store = store
        self.redactor = redactor
        self.modelVersion = modelVersion
    }

    /// Stores the customer and opens the conversation. A customer the store
    /// already knows keeps what it knows (VIP status included); `customer` only
    /// fills the name, email and phone it lacks. Returns the customer as stored.
    @discardableResult
    public func begin(conversation: Conversation, customer: Customer) async throws -> Customer {
        var stored = customer
        if var known = try await store.customer(id: customer.id) {
            known.name = known.name ?? customer.name
            known.email = known.email ?? customer.email
            known.phone = known.phone ?? customer.phone
            known.lastSeen = conversation.startedAt
            stored = known
        }
        try await store.save(stored)
        try await store.save(conversation)
        return stored
    }

    /// Stores one exchange in one commit: the customer's message, the bot's
    /// answer, and the conversation's new state; an escalation is recorded
    /// first, and an answer out of office hours makes the conversation a ticket. Returns the stored messages (the customer's, then the bot's if
    /// it answered) with their ids.
    @discardableResult
    public func record(
        _ text: String, analysis: Analysis, decision: DialogueDecision, conversation: inout Conversation,
        at time: Date = Date()
    ) async throws -> [StoredMessage] {
        let (maskedText, entities) = redactor.redact(text, entities: analysis.entities)
        var messages = [
            StoredMessage(
                conversationId: conversation.id, sender: .customer, text: maskedText, sentAt: time,
                intent: analysis.intent?.name, confidence: analysis.intent?.confidence,
                alternatives: analysis.intents.map { .init(name: $0.name, confidence: $0.confidence) },
                entities: entities.map {
                    .init(type: $0.type, value: $0.value, text: $0.text, start: $0.start, end: $0.end)
                },
                sentimentScore: analysis.sentiment.score, sentimentLabel: analysis.sentiment.label.rawValue,
                modelVersion: modelVersion, action: decision.action.rawValue, rule: decision.rule,
                scores: decision.scores)
        ]
        if let reply = decision.text {
            messages.append(
                StoredMessage(
                    conversationId: conversation.id, sender: .bot, text: reply, sentAt: time, intent: decision.intent,
                    modelVersion: modelVersion, action: decision.action.rawValue, rule: decision.rule,
                    scores: decision.scores))
        }
        var updated = conversation
        updated.updatedAt = time
        if decision.action == .escalate {
            let priority = decision.rule == "vip_customer" ? 2 : decision.rule.contains("negative") ? 1 : 0
            _ = try await store.escalate(
                Escalation(
                    conversationId: conversation.id, reason: Self.reasons[decision.rule] ?? decision.rule,
                    rule: decision.rule,
                    priority: priority, queuedAt: time))
            updated.status = .queued
        }
        // Out of office hours the customer is asked for their email: the conversation becomes a ticket.
        if decision.action == .outOfHours { updated.outcome = "ticket" }
        let stored = try await store.append(messages, saving: updated)
        conversation = updated
        return stored
    }

    /// Stores a message the bot sends on its own (the greeting); returns it with its id.
    public func recordBotMessage(_ text: String, conversation: Conversation, rule: String, at time: Date = Date())
        async throws -> StoredMessage
    {
        try await store.append(
            StoredMessage(
                conversationId: conversation.id, sender: .bot, text: text, sentAt: time, modelVersion: modelVersion,
                rule: rule))
    }

    /// Readable escalation reasons for agents.
    static let reasons: [String: String] = [
        "vip_customer": "VIP customer", "negative_sentiment": "angry customer",
        "negative_streak": "unhappy for several messages", "handover_intent": "asked for a person",
        "repeated_fallback": "the bot did not understand", "human_request": "asked for a person",
    ]
}
