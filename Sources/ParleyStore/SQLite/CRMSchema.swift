internal import GRDB

/// The CRM tables, created and upgraded by versioned migrations.
enum CRMSchema {
    /// Every migration, in order. Never edit one that has shipped: add another.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "customer") { t in
                t.primaryKey("id", .text)
                t.column("externalId", .text).unique()
                t.column("name", .text)
                t.column("email", .text).indexed()
                t.column("phone", .text)
                t.column("vip", .boolean).notNull().defaults(to: false)
                t.column("attributes", .text).notNull()
                t.column("tags", .text).notNull()
                t.column("firstSeen", .datetime).notNull()
                t.column("lastSeen", .datetime).notNull()
            }
            try db.create(table: "conversation") { t in
                t.primaryKey("id", .text)
                t.belongsTo("customer", onDelete: .cascade).notNull()
                t.column("channel", .text).notNull()
                t.column("status", .text).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.column("closedAt", .datetime)
                t.column("assignedAgentId", .text)
                t.column("outcome", .text)
                t.column("rating", .integer)
            }
            try db.create(index: "conversation_on_status", on: "conversation", columns: ["status", "updatedAt"])
            try db.create(table: "message") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("conversation", onDelete: .cascade).notNull()
                t.column("sender", .text).notNull()
                t.column("text", .text).notNull()
                t.column("sentAt", .datetime).notNull()
                t.column("intent", .text)
                t.column("confidence", .double)
                t.column("alternatives", .text).notNull()
                t.column("entities", .text).notNull()
                t.column("sentimentScore", .double)
                t.column("sentimentLabel", .text)
                t.column("modelVersion", .text)
                t.column("action", .text)
                t.column("rule", .text)
                t.column("scores", .text).notNull()
            }
            // `belongsTo` indexes conversationId (rowid order within it gives transcripts);
            // sentAt serves the reports, (action, sentAt) the fallback inbox.
            try db.create(index: "message_on_sentAt", on: "message", columns: ["sentAt"])
            try db.create(index: "message_on_action", on: "message", columns: ["action", "sentAt"])
        }
        migrator.registerMigration("v2") { db in
            try db.create(table: "escalation") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("conversation", onDelete: .cascade).notNull()
                t.column("reason", .text).notNull()
                t.column("rule", .text).notNull()
                t.column("priority", .integer).notNull().defaults(to: 0)
                t.column("queuedAt", .datetime).notNull()
                t.column("takenAt", .datetime)
                t.column("takenBy", .text)
                t.column("resolvedAt", .datetime)
            }
            try db.create(index: "escalation_open", on: "escalation", columns: ["resolvedAt", "priority", "queuedAt"])
            try db.create(table: "agent") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("passwordHash", .text).notNull()
                t.column("salt", .text).notNull()
                t.column("status", .text).notNull()
                t.column("capacity", .integer).notNull().defaults(to: 3)
            }
            try db.create(table: "feedback") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("conversation", onDelete: .cascade).notNull()
                t.column("rating", .integer)
                t.column("comment", .text)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "modelVersion") { t in
                t.primaryKey("version", .text)
                t.column("sourceHash", .text).notNull()
                t.column("trainedAt", .datetime).notNull()
                t.column("intents", .integer).notNull()
                t.column("examples", .integer).notNull()
            }
        }
        migrator.registerMigration("v3") { db in
            // The fallback inbox reads only fallbacks: a partial index holds only them, so the
            // other messages (most of them) cost their insert one index less.
            try db.drop(index: "message_on_action")
            try db.execute(sql: "CREATE INDEX message_fallbacks ON message(sentAt) WHERE action = 'fallback'")
        }
        migrator.registerMigration("v4") { db in
            // Agent messages name their author in a column of their own; until now the agent's id
            // stood in `rule`, which is the policy's rule for bot messages.
            try db.alter(table: "message") { t in t.add(column: "agentId", .text) }
            try db.execute(sql: "UPDATE message SET agentId = rule, rule = NULL WHERE sender = 'agent'")
        }
        migrator.registerMigration("v5-tickets") { db in
            // A ticket is a status of its own (it was status bot or queued with outcome ticket),
            // with when it became one and the address the customer gave for it.
            try db.alter(table: "conversation") { t in
                t.add(column: "ticketAt", .datetime)
                t.add(column: "ticketEmail", .text)
            }
            try db.execute(
                sql: """
                    UPDATE conversation SET ticketAt = updatedAt WHERE outcome = 'ticket';
                    UPDATE conversation SET status = 'ticket', outcome = NULL
                    WHERE outcome = 'ticket' AND status IN ('bot', 'queued');
                    UPDATE escalation SET resolvedAt = (SELECT updatedAt FROM conversation WHERE id = conversationId)
                    WHERE resolvedAt IS NULL AND conversationId IN (SELECT id FROM conversation WHERE status = 'ticket');
                    """)
        }
        migrator.registerMigration("v6-accounts") { db in
            // Agents become users with a role; API tokens and the audit log arrive.
            try db.rename(table: "agent", to: "user")
            try db.alter(table: "user") { t in t.add(column: "role", .text).notNull().defaults(to: "agent") }
            try db.create(table: "accessToken") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("role", .text).notNull()
                t.column("secretHash", .text).notNull().unique()
                t.column("createdAt", .datetime).notNull()
                t.column("lastUsedAt", .datetime)
                t.column("revokedAt", .datetime)
            }
            // Not tied to customers or conversations by foreign keys: an erasure leaves it whole.
            try db.create(table: "audit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull().indexed()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("target", .text)
                t.column("address", .text)
                t.column("detail", .text)
            }
        }
        migrator.registerMigration("v7-conversation-tokens") { db in
            // A customer's client resumes a conversation with a secret token; the store keeps its hash.
            try db.alter(table: "conversation") { t in t.add(column: "tokenHash", .text) }
        }
        migrator.registerMigration("v8-model-versions") { db in
            // The v2 table was never written: each version that goes live (start-up or reload) is a row,
            // also when only the replies changed and the model is the same.
            try db.drop(table: "modelVersion")
            try db.create(table: "modelVersion") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("version", .text).notNull()
                t.column("repliesVersion", .text).notNull()
                t.column("sourceHash", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("loadedAt", .datetime).notNull()
                t.column("loadedBy", .text).notNull()
                t.column("intents", .integer).notNull()
                t.column("examples", .integer).notNull()
                t.column("files", .text).notNull()
                t.column("macroF1", .double)
                t.column("evaluation", .text)
            }
        }
        migrator.registerMigration("v9-review-decisions") { db in
            // A trainer's decision takes a message out of the review inbox; it goes with its message.
            try db.create(table: "reviewDecision") { t in
                t.primaryKey("messageId", .integer).references("message", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("intent", .text)
                t.column("decidedBy", .text).notNull()
                t.column("decidedAt", .datetime).notNull()
            }
            // The review inbox looks for each conversation's first agent message: only those, indexed.
            try db.execute(sql: "CREATE INDEX message_agents ON message(conversationId, id) WHERE sender = 'agent'")
        }
        return migrator
    }
}
