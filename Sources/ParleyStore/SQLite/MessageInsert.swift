internal import GRDB

/// The INSERT of one message, with a cached statement and hand-written JSON:
/// the write path of every conversation.
enum MessageInsert {
    /// Inserts `message` and returns its new id.
    static func insert(_ m: StoredMessage, _ db: Database) throws -> Int64 {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO message (conversationId, sender, text, sentAt, intent, confidence, alternatives, entities,
                sentimentScore, sentimentLabel, modelVersion, action, rule, agentId, scores)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            m.conversationId, m.sender.rawValue, m.text, StorageDate.string(m.sentAt), m.intent, m.confidence,
            JSONText.alternatives(m.alternatives), JSONText.entities(m.entities), m.sentimentScore, m.sentimentLabel,
            m.modelVersion, m.action, m.rule, m.agentId, JSONText.scores(m.scores),
        ])
        return db.lastInsertedRowID
    }
}
