public import Foundation
internal import GRDB

/// The CRM store in one SQLite file (GRDB): WAL mode, readers beside one
/// writer, every write committed with a full flush to disk, concurrent
/// writes committed together (group commit).
public final class SQLiteCRMStore: CRMStore {
    public let path: String
    private let pool: DatabasePool
    private let writer: GroupCommitWriter

    /// Opens (creating if needed) the database at `path` and brings its schema
    /// up to date. `maximumBytes` caps the file's size: writes beyond it fail
    /// as they would on a full disk. A `readOnly` store (for reports and
    /// exports beside a running server) refuses every write with a clear error.
    public init(path: String, maximumBytes: Int? = nil, readOnly: Bool = false) throws {
        self.path = path
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            guard !readOnly else { return }
            // Erased data is overwritten, not left in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            if let maximumBytes {
                let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
                try db.execute(sql: "PRAGMA max_page_count = \(max(1, maximumBytes / pageSize))")
            }
            // Checkpoints run on a connection of their own, off the commit path (see `GroupCommitWriter`).
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = CRMSchema.migrator
            let unknown = try pool.read { db in
                try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
            }
            if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknownMigrations: unknown.sorted()) }
            if readOnly {
                guard try pool.read(migrator.hasCompletedMigrations) else {
                    throw StoreError.cannotOpen(
                        path: path,
                        reason: "its schema is older than this Parley's; open it once for writing to upgrade it")
                }
            } else {
                // Every commit on disk before it returns: GRDB sets NORMAL on the writing connection when it
                // turns WAL on (after `prepareDatabase`), which can lose the last commits to a power cut.
                try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
                try migrator.migrate(pool)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        do {
            var checkpointing = Configuration()
            checkpointing.readonly = readOnly
            writer = GroupCommitWriter(
                pool: pool, checkpointer: try DatabaseQueue(path: path, configuration: checkpointing), path: path)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    public func save(_ customer: Customer) async throws {
        try await writer.write { db in try customer.save(db) }
    }

    public func customer(id: String) async throws -> Customer? {
        try await pool.read { db in try Customer.fetchOne(db, key: id) }
    }

    public func conversation(id: String) async throws -> Conversation? {
        try await pool.read { db in try Conversation.fetchOne(db, key: id) }
    }

    public func record(_ transition: ConversationTransition) async throws -> RecordedTransition {
        try await writer.write { db in try TransitionWrite.write(transition, db) }
    }

    public var writeTransactions: Int { writer.committed }

    public func append(contentsOf messages: [StoredMessage]) async throws {
        try await writer.write { db in
            for message in messages { _ = try MessageInsert.insert(message, db) }
        }
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
            func count(_ table: String) throws -> Int {
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM \(table) JOIN conversation ON conversation.id = \(table).conversationId
                        WHERE conversation.customerId = ?
                        """,
                    arguments: [customerId]) ?? 0
            }
            let conversations = try Conversation.filter(Column("customerId") == customerId).fetchCount(db)
            let messages = try count("message")
            let escalations = try count("escalation")
            // Conversations, messages, escalations and feedback go with the customer (ON DELETE CASCADE).
            let customers = try Customer.deleteOne(db, key: customerId) ? 1 : 0
            report.value = ErasureReport(
                customers: customers, conversations: conversations, messages: messages, escalations: escalations)
        }
        // Old page images in the write-ahead log go too.
        _ = try await pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        return report.value
    }

    public func eraseConversations(lastActiveBefore date: Date) async throws -> ErasureReport {
        let report = try await writer.write { db -> ErasureReport in
            let cutoff = StorageDate.string(date)
            let old = "SELECT id FROM conversation WHERE updatedAt < ?"
            func count(_ table: String) throws -> Int {
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM \(table) WHERE conversationId IN (\(old))", arguments: [cutoff]) ?? 0
            }
            let customerIds = try String.fetchSet(
                db, sql: "SELECT DISTINCT customerId FROM conversation WHERE updatedAt < ?", arguments: [cutoff])
            let messages = try count("message")
            let escalations = try count("escalation")
            // Messages, escalations and feedback go with their conversation (ON DELETE CASCADE).
            try db.execute(sql: "DELETE FROM conversation WHERE updatedAt < ?", arguments: [cutoff])
            let conversations = db.changesCount
            var customers = 0
            for id in customerIds {
                try db.execute(
                    sql:
                        "DELETE FROM customer WHERE id = ? AND NOT EXISTS (SELECT 1 FROM conversation WHERE customerId = ?)",
                    arguments: [id, id])
                customers += db.changesCount
            }
            return ErasureReport(
                customers: customers, conversations: conversations, messages: messages, escalations: escalations)
        }
        if report.conversations > 0 {
            _ = try await pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        }
        return report
    }

    public func searchCustomers(_ text: String, limit: Int) async throws -> [Customer] {
        // The text is matched literally: LIKE's wildcards in it are escaped.
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        let pattern = "%" + escaped + "%"
        return try await pool.read { db in
            try Customer.fetchAll(
                db,
                sql: """
                    SELECT * FROM customer
                    WHERE name LIKE ?1 ESCAPE '\\' OR email LIKE ?1 ESCAPE '\\' OR phone LIKE ?1 ESCAPE '\\'
                        OR externalId LIKE ?1 ESCAPE '\\'
                    ORDER BY lastSeen DESC LIMIT ?2
                    """,
                arguments: [pattern, limit])
        }
    }

    public func conversations(status: Conversation.Status?, limit: Int) async throws -> [Conversation] {
        try await pool.read { db in
            var request = Conversation.order(Column("updatedAt").desc).limit(limit)
            if let status { request = request.filter(Column("status") == status.rawValue) }
            return try request.fetchAll(db)
        }
    }

    public func conversations(customerId: String?, from: String?, to: String?) async throws -> [Conversation] {
        try await pool.read { db in
            var request = Conversation.order(Column("startedAt"), Column("id"))
            if let customerId { request = request.filter(Column("customerId") == customerId) }
            if let from { request = request.filter(sql: "substr(startedAt, 1, 10) >= ?", arguments: [from]) }
            if let to { request = request.filter(sql: "substr(startedAt, 1, 10) <= ?", arguments: [to]) }
            return try request.fetchAll(db)
        }
    }

    public func fallbackInbox(limit: Int) async throws -> [StoredMessage] {
        try await pool.read { db in
            try StoredMessage.fetchAll(
                db,
                sql: """
                    SELECT * FROM message INDEXED BY message_fallbacks
                    WHERE action = 'fallback' AND sender = 'customer' ORDER BY sentAt DESC LIMIT ?
                    """,
                arguments: [limit])
        }
    }

    public func reviewInbox(lowConfidenceBelow: Double, limit: Int) async throws -> [ReviewItem] {
        try await pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, conversationId, sender, text, sentAt, intent, confidence, sentimentScore,
                        sentimentLabel, modelVersion, action, rule, agentId, CASE
                        WHEN action = 'fallback' OR rule IN \(MessageRules.missedWithoutFallback) THEN 'fallback'
                        WHEN confidence < ? THEN 'low_confidence'
                        ELSE 'taken_over' END AS reason
                    FROM message
                    WHERE sender = 'customer' AND id NOT IN (SELECT messageId FROM reviewDecision)
                        AND (action = 'fallback' OR rule IN \(MessageRules.missedWithoutFallback)
                        OR (action = 'reply' AND confidence < ? AND IFNULL(rule, '') NOT IN \(MessageRules.answersToTheBot))
                        OR id IN (
                            SELECT (SELECT MAX(answered.id) FROM message AS answered
                                    WHERE answered.conversationId = firsts.conversationId
                                    AND answered.sender = 'customer' AND answered.action = 'reply'
                                    AND answered.id < firsts.firstAgent)
                            FROM (SELECT conversationId, MIN(id) AS firstAgent FROM message
                                  WHERE sender = 'agent' GROUP BY conversationId) AS firsts))
                    ORDER BY id DESC LIMIT ?
                    """,
                arguments: [lowConfidenceBelow, lowConfidenceBelow, limit])
            // Built by hand, without the JSON columns: a page of the inbox reads a thousand of these.
            return rows.map { row in
                ReviewItem(
                    message: StoredMessage(
                        id: row["id"], conversationId: row["conversationId"], sender: row["sender"], text: row["text"],
                        sentAt: row["sentAt"], intent: row["intent"], confidence: row["confidence"],
                        sentimentScore: row["sentimentScore"], sentimentLabel: row["sentimentLabel"],
                        modelVersion: row["modelVersion"], action: row["action"], rule: row["rule"],
                        agentId: row["agentId"]),
                    reason: ReviewItem.Reason(rawValue: row["reason"]) ?? .fallback)
            }
        }
    }

    public func decide(_ decisions: [ReviewDecision]) async throws {
        try await writer.write { db in
            for decision in decisions { try decision.save(db) }
        }
    }

    public func reviewDecisions(messageIds: [Int64]) async throws -> [ReviewDecision] {
        try await pool.read { db in
            try ReviewDecision.filter(messageIds.contains(Column("messageId"))).order(Column("messageId")).fetchAll(db)
        }
    }

    public func messages(ids: [Int64]) async throws -> [StoredMessage] {
        try await pool.read { db in
            try StoredMessage.filter(ids.contains(Column("id"))).order(Column("id")).fetchAll(db)
        }
    }

    public func escalationQueue() async throws -> [Escalation] {
        try await pool.read { db in
            try Escalation.filter(Column("resolvedAt") == nil)
                .order(Column("priority").desc, Column("queuedAt")).fetchAll(db)
        }
    }

    public func openEscalation(conversationId: String) async throws -> Escalation? {
        try await pool.read { db in
            try Escalation.filter(Column("conversationId") == conversationId && Column("resolvedAt") == nil)
                .order(Column("id").desc).fetchOne(db)
        }
    }

    public func save(_ user: User) async throws {
        try await writer.write { db in try user.save(db) }
    }

    public func user(id: String) async throws -> User? {
        try await pool.read { db in try User.fetchOne(db, key: id) }
    }

    public func users() async throws -> [User] {
        try await pool.read { db in try User.order(Column("id")).fetchAll(db) }
    }

    public func removeUser(id: String) async throws -> Bool {
        try await writer.write { db in try User.deleteOne(db, key: id) }
    }

    public func save(_ token: AccessToken) async throws {
        try await writer.write { db in try token.save(db) }
    }

    public func accessToken(secretHash: String) async throws -> AccessToken? {
        try await pool.read { db in try AccessToken.filter(Column("secretHash") == secretHash).fetchOne(db) }
    }

    public func accessTokens() async throws -> [AccessToken] {
        try await pool.read { db in try AccessToken.order(Column("createdAt").desc).fetchAll(db) }
    }

    public func markUsed(tokenId: String, at date: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE accessToken SET lastUsedAt = ? WHERE id = ?", arguments: [date, tokenId])
        }
    }

    public func audit(_ entry: AuditEntry) async throws {
        try await writer.write { db in
            var entry = entry
            try entry.insert(db)
        }
    }

    public func auditLog(since: Date?, limit: Int) async throws -> [AuditEntry] {
        try await pool.read { db in
            var request = AuditEntry.order(Column("id").desc).limit(limit)
            if let since { request = request.filter(Column("at") >= since) }
            return try request.fetchAll(db)
        }
    }

    public func record(_ version: ModelVersion) async throws -> ModelVersion {
        try await writer.write { db in
            var version = version
            try version.insert(db)
            return version
        }
    }

    public func modelVersions(limit: Int) async throws -> [ModelVersion] {
        try await pool.read { db in try ModelVersion.order(Column("id").desc).limit(limit).fetchAll(db) }
    }

    public func dashboard(from: String, to: String, channel: String?) async throws -> DashboardReport {
        try await pool.read { db in try DashboardQuery.report(db, from: from, to: to, channel: channel) }
    }

    public func dailyReport(from: String, to: String) async throws -> [DailyCounts] {
        try await pool.read { db in
            let range: StatementArguments = [from, to]
            func counts(_ sql: String) throws -> [String: [String: Int]] {
                var table: [String: [String: Int]] = [:]
                for row in try Row.fetchAll(db, sql: sql, arguments: range) {
                    let day: String = row[0]
                    let key: String = row[1] ?? "none"
                    table[day, default: [:]][key] = row[2]
                }
                return table
            }
            func totals(_ sql: String) throws -> [String: Int] {
                var table: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: sql, arguments: range) { table[row[0]] = row[1] }
                return table
            }
            let day = "substr(%@, 1, 10)"
            func inRange(_ column: String) -> String {
                "\(String(format: day, column)) BETWEEN ? AND ?"
            }
            let conversations = try totals(
                "SELECT \(String(format: day, "startedAt")), COUNT(*) FROM conversation WHERE \(inRange("startedAt")) GROUP BY 1"
            )
            let customerMessages = try totals(
                "SELECT \(String(format: day, "sentAt")), COUNT(*) FROM message WHERE sender = 'customer' AND \(inRange("sentAt")) GROUP BY 1"
            )
            let intents = try counts(
                "SELECT \(String(format: day, "sentAt")), intent, COUNT(*) FROM message WHERE sender = 'customer' AND \(inRange("sentAt")) GROUP BY 1, 2"
            )
            let channels = try counts(
                "SELECT \(String(format: day, "startedAt")), channel, COUNT(*) FROM conversation WHERE \(inRange("startedAt")) GROUP BY 1, 2"
            )
            let sentiment = try counts(
                "SELECT \(String(format: day, "sentAt")), sentimentLabel, COUNT(*) FROM message WHERE sender = 'customer' AND \(inRange("sentAt")) GROUP BY 1, 2"
            )
            let fallbacks = try totals(
                "SELECT \(String(format: day, "sentAt")), COUNT(*) FROM message WHERE sender = 'bot' AND action = 'fallback' AND \(inRange("sentAt")) GROUP BY 1"
            )
            let escalations = try totals(
                "SELECT \(String(format: day, "queuedAt")), COUNT(*) FROM escalation WHERE \(inRange("queuedAt")) GROUP BY 1"
            )
            let escalated = try totals(
                """
                SELECT \(String(format: day, "conversation.startedAt")), COUNT(DISTINCT conversation.id) FROM conversation
                JOIN escalation ON escalation.conversationId = conversation.id
                WHERE \(inRange("conversation.startedAt")) GROUP BY 1
                """)
            let resolved = try totals(
                "SELECT \(String(format: day, "startedAt")), COUNT(*) FROM conversation WHERE outcome = 'resolved' AND \(inRange("startedAt")) GROUP BY 1"
            )
            let tickets = try totals(
                "SELECT \(String(format: day, "ticketAt")), COUNT(*) FROM conversation WHERE ticketAt IS NOT NULL AND \(inRange("ticketAt")) GROUP BY 1"
            )
            let days = Set(conversations.keys).union(customerMessages.keys).union(escalations.keys).union(
                fallbacks.keys
            ).union(tickets.keys).sorted()
            return days.map { day in
                let total = conversations[day] ?? 0
                return DailyCounts(
                    day: day, conversations: total, customerMessages: customerMessages[day] ?? 0,
                    intents: intents[day] ?? [:], channels: channels[day] ?? [:], sentiment: sentiment[day] ?? [:],
                    fallbacks: fallbacks[day] ?? 0, escalations: escalations[day] ?? 0,
                    escalationRate: total > 0 ? Double(escalated[day] ?? 0) / Double(total) : 0,
                    resolved: resolved[day] ?? 0, tickets: tickets[day] ?? 0)
            }
        }
    }

    /// Writes a consistent copy of the database to `path` while the store stays in use.
    public func backup(to path: String) throws {
        let destination = try DatabaseQueue(path: path)
        try pool.backup(to: destination)
    }

    /// Runs `PRAGMA integrity_check`; "ok" when the file is sound.
    public func integrityCheck() async throws -> String {
        try await pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    /// The writing connection's `PRAGMA synchronous`: 2 (FULL) when each commit is on disk before it returns.
    func writerSynchronousSetting() async throws -> Int {
        try await pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }
}

/// The counts an erasure found inside the writer's transaction.
private final class ErasureCounter: @unchecked Sendable {
    // Unchecked: written once inside the writer's transaction, read after the commit returned.
    var value = ErasureReport(customers: 0, conversations: 0, messages: 0, escalations: 0)
}
