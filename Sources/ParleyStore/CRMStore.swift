public import Foundation

/// The CRM store: customers, conversations and every message with what the
/// bot made of it, and who may sign in (`AccessStore`). SQLite by default
/// (`SQLiteCRMStore`).
///
/// A write returns only once it is committed to disk: a message acknowledged
/// to a client is never lost.
public protocol CRMStore: AccessStore {
    /// Inserts or updates a customer by id.
    func save(_ customer: Customer) async throws
    func customer(id: String) async throws -> Customer?
    func conversation(id: String) async throws -> Conversation?
    /// Writes one step of a conversation's life (see `ConversationTransition`)
    /// in one durable transaction; returns what was stored, with its ids.
    func record(_ transition: ConversationTransition) async throws -> RecordedTransition
    /// Stores many messages in one durable transaction (imports, bulk loads).
    func append(contentsOf messages: [StoredMessage]) async throws
    /// Write transactions committed since the store was opened (each `record` is one).
    var writeTransactions: Int { get }
    /// A conversation's messages in order.
    func transcript(conversationId: String) async throws -> [StoredMessage]
    /// A customer's profile, conversations and latest messages; nil for an unknown customer.
    func history(customerId: String, messageLimit: Int) async throws -> CustomerHistory?
    /// Removes every trace of a customer: profile, conversations, messages, escalations.
    func erase(customerId: String) async throws -> ErasureReport
    /// Removes conversations last active before `date` (with their messages,
    /// escalations and feedback), and the customers of those conversations who
    /// have no other conversation left: a retention period's erasure.
    func eraseConversations(lastActiveBefore date: Date) async throws -> ErasureReport
    /// Customers whose name, email, phone or external id contains `text`.
    func searchCustomers(_ text: String, limit: Int) async throws -> [Customer]
    /// Conversations, most recently active first, optionally of one status.
    func conversations(status: Conversation.Status?, limit: Int) async throws -> [Conversation]
    /// Conversations started from day `from` to day `to` (`YYYY-MM-DD`, UTC, either open), of one customer or all, oldest first.
    func conversations(customerId: String?, from: String?, to: String?) async throws -> [Conversation]
    /// The latest customer messages the bot did not understand (it asked them to rephrase), newest first.
    func fallbackInbox(limit: Int) async throws -> [StoredMessage]
    /// The latest customer messages to review, newest first: fallbacks (also the one
    /// that escalated, and a reply to the bot's question that did not answer it), bot
    /// answers with a confidence below `lowConfidenceBelow` (not answers to the
    /// bot's own question: an entity it asked for, a ticket's email address), and the last
    /// message the bot answered before an agent first wrote in the conversation.
    /// Messages a trainer decided on (`decide`) are left out. The messages come
    /// without their `alternatives`, `entities` and `scores` (what the review does not show).
    func reviewInbox(lowConfidenceBelow: Double, limit: Int) async throws -> [ReviewItem]
    /// Stores trainers' decisions on review messages in one transaction (a
    /// message decided again keeps the latest decision).
    func decide(_ decisions: [ReviewDecision]) async throws
    /// The decision on each of `messageIds` that has one.
    func reviewDecisions(messageIds: [Int64]) async throws -> [ReviewDecision]
    /// Messages by id (those that exist), in id order.
    func messages(ids: [Int64]) async throws -> [StoredMessage]
    /// Escalations no agent has resolved, highest priority and longest waiting first.
    func escalationQueue() async throws -> [Escalation]
    /// The latest escalation of a conversation that is not resolved yet.
    func openEscalation(conversationId: String) async throws -> Escalation?
    /// Stores a version of the bot that went live; returns it with its id.
    func record(_ version: ModelVersion) async throws -> ModelVersion
    /// The versions that went live, newest first, at most `limit`.
    func modelVersions(limit: Int) async throws -> [ModelVersion]
    /// Counts per day (UTC) for days from `from` to `to`, both `YYYY-MM-DD`.
    func dailyReport(from: String, to: String) async throws -> [DailyCounts]
    /// The dashboard's figures for days `from` to `to` (`YYYY-MM-DD`, UTC), of
    /// conversations on `channel` (nil: every channel); see `DashboardReport`.
    func dashboard(from: String, to: String, channel: String?) async throws -> DashboardReport
}
