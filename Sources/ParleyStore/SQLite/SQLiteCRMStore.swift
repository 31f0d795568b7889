public import Foundation
internal import GRDB

/// The CRM store in one SQLite file (GRDB): WAL mode, readers beside one
/// writer, every write committed with a full flush to disk, concurrent
/// writes committed together (group commit).
public final class SQLiteCRMStore: CRMStore {
    public let path: String
    private let pool: DatabasePool
    private let writer: GroupCommitWriter

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Checkpoints run on a reader, off the commit path (see `GroupCommitWriter`).
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = CRMSchema.migrator
            let unknown = try pool.read { db in
                try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
            }
            if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknownMigrations: unknown.sorted()) }
            try migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        writer = GroupCommitWriter(pool: pool)
    }

    public func save(_ customer: Customer) async throws {
        try await writer.write { db in try customer.save(db) }
    }

    public func customer(id: String) async throws -> Customer? {
        try await pool.read { db in try Customer.fetchOne(db, key: id) }
    }

    public func save(_ conversation: Conversation) async throws {
        try await writer.write { db in try conversation.save(db) }
    }

    public func conversation(id: String) async throws -> Conversation? {
        try await pool.read { db in try Conversation.fetchOne(db, key: id) }
    }

    public func append(_ message: StoredMessage) async throws -> StoredMessage {
        let box = InsertedMessage(message)
        try await writer.write { db in try box.insert(db) }
        return box.message
    }

    public func transcript(conversationId: String) async throws -> [StoredMessage] {
        try await pool.read { db in
            try StoredMessage.filter(Column("conversationId") == conversationId).order(Column("id")).fetchAll(db)
        }
    }

    public func history(customerId: String, messageLimit: Int) async throws -> CustomerHistory? {
        try await pool.read { db in
            guard let customer = try Customer.fetchOne(db, key: customerId) else { return nil }
            let conversations = try Conversation.filter(Column("customerId") == customerId)
                .order(Column("startedAt").desc).fetchAll(db)
            let messages = try StoredMessage.fetchAll(
                db,
                sql: """
                    SELECT message.* FROM message JOIN conversation ON conversation.id = message.conversationId
                    WHERE conversation.customerId = ? ORDER BY message.id DESC LIMIT ?
                    """,
                arguments: [customerId, messageLimit])
            return CustomerHistory(customer: customer, conversations: conversations, recentMessages: messages)
        }
    }

    public func erase(customerId: String) async throws -> ErasureReport {
        let report = ErasureCounter()
        try await writer.write { db in
            let conversations = try Conversation.filter(Column("customerId") == customerId).fetchCount(db)
            let messages =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM message JOIN conversation ON conversation.id = message.conversationId
                        WHERE conversation.customerId = ?
                        """,
                    arguments: [customerId]) ?? 0
            // Conversations and messages go with the customer (ON DELETE CASCADE).
            let customers = try Customer.deleteOne(db, key: customerId) ? 1 : 0
            report.value = ErasureReport(customers: customers, conversations: conversations, messages: messages)
        }
        return report.value
    }

    /// Runs `PRAGMA integrity_check`; "ok" when the file is sound.
    public func integrityCheck() async throws -> String {
        try await pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }
}

/// A message being inserted by the group-commit writer, which assigns its id.
private final class InsertedMessage: @unchecked Sendable {
    // Unchecked: written once inside the writer's transaction, read after the commit returned.
    var message: StoredMessage

    init(_ message: StoredMessage) {
        self.message = message
    }

    /// Inserts with a cached statement: the write path of every conversation.
    func insert(_ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO message (conversationId, sender, text, sentAt, intent, confidence, alternatives, entities,
                sentimentScore, sentimentLabel, modelVersion, action, rule, scores)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let m = message
        try statement.execute(arguments: [
            m.conversationId, m.sender.rawValue, m.text, m.sentAt, m.intent, m.confidence,
            JSONText.alternatives(m.alternatives), JSONText.entities(m.entities), m.sentimentScore, m.sentimentLabel,
            m.modelVersion, m.action, m.rule, JSONText.scores(m.scores),
        ])
        message.id = db.lastInsertedRowID
    }
}

/// The counts an erasure found inside the writer's transaction.
private final class ErasureCounter: @unchecked Sendable {
    // Unchecked: written once inside the writer's transaction, read after the commit returned.
    var value = ErasureReport(customers: 0, conversations: 0, messages: 0)
}
