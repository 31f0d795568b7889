internal import GRDB

/// The UPDATE of a conversation's changing columns, with a cached statement:
/// run with every exchange of a chat.
enum ConversationUpdate {
    /// Updates `conversation`; a new one (`inserting`) is inserted when it is
    /// not stored yet. Any other missing conversation was erased: throws
    /// `StoreError.conversationGone`, and the transaction stores nothing.
    static func save(_ c: Conversation, inserting: Bool, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                UPDATE conversation SET status = ?, updatedAt = ?, closedAt = ?, assignedAgentId = ?, outcome = ?,
                rating = ?, ticketAt = ?, ticketEmail = ? WHERE id = ?
                """)
        try statement.execute(arguments: [
            c.status.rawValue, StorageDate.string(c.updatedAt), c.closedAt.map(StorageDate.string), c.assignedAgentId,
            c.outcome?.rawValue, c.rating, c.ticketAt.map(StorageDate.string), c.ticketEmail, c.id,
        ])
        guard db.changesCount == 0 else { return }
        guard inserting else { throw StoreError.conversationGone(id: c.id) }
        try c.insert(db)
    }
}
