internal import GRDB

/// A `ConversationTransition` written inside one transaction of the group-commit writer.
enum TransitionWrite {
    /// Writes every part of `transition`; returns what was stored. Throws (and
    /// the caller's transaction rolls back) when any part fails.
    static func write(_ transition: ConversationTransition, _ db: Database) throws -> RecordedTransition {
        var recorded = RecordedTransition(messages: [])
        switch transition.customer {
        case .merge(let customer):
            recorded.customer = try merge(customer, db)
        case .fillEmail(let email):
            try db.execute(
                sql: "UPDATE customer SET email = ? WHERE id = ? AND email IS NULL",
                arguments: [email, transition.conversation.customerId])
        case nil:
            break
        }
        try ConversationUpdate.save(transition.conversation, inserting: transition.kind == .start, db)
        if var escalation = transition.escalation {
            if escalation.id == nil { try escalation.insert(db) } else { try escalation.update(db) }
            recorded.escalation = escalation
        }
        recorded.messages = try transition.messages.map { message in
            var stored = message
            stored.id = try MessageInsert.insert(message, db)
            return stored
        }
        return recorded
    }

    /// Inserts `customer`, or fills in what the stored record lacks.
    private static func merge(_ customer: Customer, _ db: Database) throws -> Customer {
        guard let known = try Customer.fetchOne(db, key: customer.id) else {
            try customer.insert(db)
            return customer
        }
        let merged = known.merging(customer)
        try merged.update(db)
        return merged
    }
}
