/// The CRM store: customers, conversations and every message with what the
/// bot made of it. SQLite by default (`SQLiteCRMStore`).
///
/// A write returns only once it is committed to disk: a message acknowledged
/// to a client is never lost.
public protocol CRMStore: Sendable {
    /// Inserts or updates a customer by id.
    func save(_ customer: Customer) async throws
    func customer(id: String) async throws -> Customer?
    /// Inserts or updates a conversation by id.
    func save(_ conversation: Conversation) async throws
    func conversation(id: String) async throws -> Conversation?
    /// Stores a message durably and returns it with its id.
    func append(_ message: StoredMessage) async throws -> StoredMessage
    /// A conversation's messages in order.
    func transcript(conversationId: String) async throws -> [StoredMessage]
    /// A customer's profile, conversations and latest messages; nil for an unknown customer.
    func history(customerId: String, messageLimit: Int) async throws -> CustomerHistory?
    /// Removes every trace of a customer: profile, conversations, messages.
    func erase(customerId: String) async throws -> ErasureReport
}
