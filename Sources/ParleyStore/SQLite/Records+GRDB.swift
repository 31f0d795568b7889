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

extension StoredMessage: FetchableRecord, MutablePersistableRecord {
    public static var databaseTableName: String { "message" }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension StoredMessage.Sender: DatabaseValueConvertible {}
