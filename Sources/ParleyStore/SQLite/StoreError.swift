/// Why the CRM store cannot be used, and what to do about it.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The database file could not be opened or is not a database.
    case cannotOpen(path: String, reason: String)
    /// The file was written by a newer Parley.
    case newerSchema(path: String, unknownMigrations: [String])
    /// A write was refused; nothing of it was stored.
    case writeFailed(path: String, reason: String)
    /// A step of a conversation the store no longer holds (its customer was
    /// erased meanwhile); nothing of it was stored, so nothing erased comes back.
    case conversationGone(id: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "\(path): cannot open the CRM database (\(reason)); check the path and its permissions, or restore it from a backup"
        case .writeFailed(let path, let reason):
            "\(path): \(reason); nothing of this write was stored"
        case .conversationGone(let id):
            "conversation \(id) is no longer in the CRM store (it was erased); nothing of this write was stored"
        case .newerSchema(let path, let unknown):
            "\(path): the CRM database was written by a newer Parley (schema \(unknown.joined(separator: ", "))); upgrade Parley before using it"
        }
    }
}
