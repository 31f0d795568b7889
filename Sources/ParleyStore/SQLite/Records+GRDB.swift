public import GRDB

// The CRM's plain records, stored with GRDB. Arrays and dictionaries
// (attributes, tags, alternatives, entities, scores) are stored as JSON.

extension Customer: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "customer" }
}

extension Conversation: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "conversation" }
}

extension Conversation.Status: DatabaseValueConvertible {}

extension ConversationOutcome: DatabaseValueConvertible {}

extension StoredMessage: FetchableRecord, MutablePersistableRecord {
    public static var databaseTableName: String { "message" }

    /// Written by hand: the hot path of every conversation.
    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["conversationId"] = conversationId
        container["sender"] = sender
        container["text"] = text
        container["sentAt"] = sentAt
        container["intent"] = intent
        container["confidence"] = confidence
        container["alternatives"] = JSONText.alternatives(alternatives)
        container["entities"] = JSONText.entities(entities)
        container["sentimentScore"] = sentimentScore
        container["sentimentLabel"] = sentimentLabel
        container["modelVersion"] = modelVersion
        container["action"] = action
        container["rule"] = rule
        container["agentId"] = agentId
        container["scores"] = JSONText.scores(scores)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension StoredMessage.Sender: DatabaseValueConvertible {}

extension Escalation: FetchableRecord, MutablePersistableRecord {
    public static var databaseTableName: String { "escalation" }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension User: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "user" }
}

extension User.Status: DatabaseValueConvertible {}

extension Role: DatabaseValueConvertible {}

extension AccessToken: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "accessToken" }
}

extension AuditEntry: FetchableRecord, MutablePersistableRecord {
    public static var databaseTableName: String { "audit" }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension AuditEntry.Action: DatabaseValueConvertible {}

extension ModelVersion: FetchableRecord, MutablePersistableRecord {
    public static var databaseTableName: String { "modelVersion" }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension ModelVersion.Kind: DatabaseValueConvertible {}

extension ReviewDecision: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "reviewDecision" }
}

extension ReviewDecision.Kind: DatabaseValueConvertible {}
