public import Foundation
public import ParleyBot
public import ParleyNLP
public import ParleyStore

/// Turns what happens in a conversation into the CRM store's rows and writes
/// each step as one transaction (`ConversationTransition`): a customer
/// message with everything the bot made of it, the bot's answer with its
/// decision, escalations, agents' messages and notes for the record.
/// Personal data is masked first when the bot's settings say so.
///
/// Every call returns only once the store has committed, so what is sent
/// after it is never ahead of the record.
public struct ConversationLedger: Sendable {
    public let store: any CRMStore
    public let redactor: PIIRedactor
    /// The model version recorded with the bot's messages.
    public let modelVersion: String

    public init(store: any CRMStore, redactor: PIIRedactor, modelVersion: String) {
        self.store = store
        self.redactor = redactor
        self.modelVersion = modelVersion
    }

    /// Starts `conversation` for `customer` (a customer the store knows keeps
    /// what it knows, VIP status included) with the bot's greeting. Returns the
    /// customer as stored and the greeting with its id.
    public func start(_ conversation: Conversation, customer: Customer, greeting: String) async throws -> (
        customer: Customer, greeting: StoredMessage
    ) {
        let recorded = try await store.record(
            .start(
                conversation, customer: customer,
                greeting: botMessage(greeting, in: conversation, rule: .greeting, at: conversation.startedAt)))
        return (recorded.customer ?? customer, recorded.messages[0])
    }

    /// One exchange: the customer's message (masked, annotated), the bot's
    /// answer if it gave one, and `conversation` as it is after them. When
    /// the decision escalates, the escalation is opened in the same
    /// transaction; `customerEmail` fills an empty email on the customer's record.
    public func exchange(
        _ text: String, analysis: Analysis, decision: DialogueDecision, conversation: Conversation,
        customerEmail: String? = nil, at time: Date
    ) async throws -> RecordedTransition {
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
                modelVersion: modelVersion, action: decision.action.rawValue,
                rule: (decision.messageRule ?? decision.rule).rawValue, scores: decision.scores)
        ]
        if let reply = decision.text {
            messages.append(
                StoredMessage(
                    conversationId: conversation.id, sender: .bot, text: reply, sentAt: time, intent: decision.intent,
                    modelVersion: modelVersion, action: decision.action.rawValue, rule: decision.rule.rawValue,
                    scores: decision.scores))
        }
        let escalation = decision.escalation.map { Self.escalation(conversation.id, reason: $0, at: time) }
        return try await store.record(
            .exchange(conversation, messages: messages, opening: escalation, customerEmail: customerEmail))
    }

    /// Writes `transition` as it is (the agents' steps, tickets, ratings).
    public func record(_ transition: ConversationTransition) async throws -> RecordedTransition {
        try await store.record(transition)
    }

    /// A message the bot sends on its own (greeting, hand-back, no agent).
    public func botMessage(_ text: String, in conversation: Conversation, rule: DialogueRule, at time: Date)
        -> StoredMessage
    {
        StoredMessage(
            conversationId: conversation.id, sender: .bot, text: text, sentAt: time, modelVersion: modelVersion,
            rule: rule.rawValue)
    }

    /// A line for the record ("Ana joined").
    public static func note(_ text: String, in conversation: Conversation, rule: DialogueRule, at time: Date)
        -> StoredMessage
    {
        StoredMessage(conversationId: conversation.id, sender: .system, text: text, sentAt: time, rule: rule.rawValue)
    }

    /// A new escalation of a conversation for `reason`, queued at `time`.
    public static func escalation(_ conversationId: String, reason: EscalationReason, at time: Date) -> Escalation {
        Escalation(
            conversationId: conversationId, reason: reason.readable, rule: reason.rawValue, priority: reason.priority,
            queuedAt: time)
    }
}
