internal import GRDB

/// The UPDATE of a conversation's changing columns, with a cached statement:
/// run with every exchange of a chat.
enum ConversationUpdate {
    /// Updates `conversation`, inserting it when it is not stored yet.
    static func save(_ c: Conversation, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                UPDATE conversation SET status = ?, updatedAt = ?, closedAt = ?, assignedAgentId = ?, outcome = ?,
                rating = ?, ticketAt = ?, ticketEmail = ? WHERE id = ?
                """)
        try statement.execute(arguments: [
            c.status.rawValue, StorageDate.string(c.updatedAt), c.closedAt.map(StorageDate.string), c.assignedAgentId,
            c.outcome?.rawValue, c.rating, c.ticketAt.map(StorageDate.string), c.ticketEmail, c.id,
        ])
        if db.changesCount == 0 { try c.insert(db) }
    }
}
