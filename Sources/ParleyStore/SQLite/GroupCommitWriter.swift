internal import GRDB

/// The store's one writer: it gathers the writes that arrive while a
/// transaction is being committed and commits them together in the next one
/// (group commit). Every caller still waits for its own commit, so durability
/// is whole while the disk's flush is shared.
///
/// Every `checkpointInterval` commits it has a connection of its own (the
/// checkpointer: it must be writable, which the pool's readers are not) copy
/// the write-ahead log into the database file (a passive checkpoint), so no
/// commit waits for the copying; SQLite's own automatic checkpoint is off.
/// Under steady load a passive checkpoint never quite catches up, and the log
/// only starts over from its beginning once all of it is copied; so when it
/// passes `restartFrames` pages the writer itself runs a restarting checkpoint
/// between two commits, which has little left to copy.
actor GroupCommitWriter {
    typealias Work = @Sendable (Database) throws -> Void

    private let pool: DatabasePool
    private let checkpointer: DatabaseQueue
    private var pending: [(work: Work, done: CheckedContinuation<Void, any Error>)] = []
    /// Messages waiting, kept apart from other work: the hot path needs no closure per message.
    private var pendingMessages: [(message: StoredMessage, done: CheckedContinuation<Int64, any Error>)] = []
    private var flushing = false
    private var commitsSinceCheckpoint = 0
    static let checkpointInterval = 200
    /// Log pages (about 4 KiB each) beyond which the writer restarts the log.
    static let restartFrames = 4_096
    private var restartDue = false

    private let path: String

    init(pool: DatabasePool, checkpointer: DatabaseQueue, path: String) {
        self.pool = pool
        self.checkpointer = checkpointer
        self.path = path
    }

    /// A database error as the store reports it: the file, what happened, what to do.
    private func explain(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_FULL:
            return StoreError.writeFailed(
                path: path, reason: "the disk is full (or the store reached its size limit); free some space")
        case .SQLITE_READONLY:
            return StoreError.writeFailed(
                path: path, reason: "the file is read-only; check its permissions and the folder's")
        case .SQLITE_IOERR:
            return StoreError.writeFailed(path: path, reason: "the disk reported an input/output error; check the disk")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return StoreError.writeFailed(path: path, reason: "the file is damaged; restore it from a backup")
        default:
            return StoreError.writeFailed(path: path, reason: "\(error)")
        }
    }

    /// Runs `work` in a transaction shared with other pending writes; returns once committed.
    func write(_ work: @escaping Work) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            pending.append((work, done))
            startFlushing()
        }
    }

    /// Runs `work` in a transaction shared with other pending writes; returns its result once committed.
    func write<Value: Sendable>(_ work: @escaping @Sendable (Database) throws -> Value) async throws -> Value {
        let result = WriteResult<Value>()
        try await write { db in result.value = try work(db) }
        guard let value = result.value else { preconditionFailure("a committed write has its result") }
        return value
    }

    /// Stores `message` in a transaction shared with other pending writes; returns its id once committed.
    func append(_ message: StoredMessage) async throws -> Int64 {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Int64, any Error>) in
            pendingMessages.append((message, done))
            startFlushing()
        }
    }

    /// Starts the flush loop unless it is running; it runs until nothing is pending.
    private func startFlushing() {
        guard !flushing else { return }
        flushing = true
        Task { await flush() }
    }

    private func flush() async {
        while !pending.isEmpty || !pendingMessages.isEmpty {
            let batch = pending
            let messages = pendingMessages
            pending = []
            pendingMessages = []
            do {
                let ids = try await pool.write { db -> [Int64] in
                    for item in batch { try item.work(db) }
                    return try messages.map { try MessageInsert.insert($0.message, db) }
                }
                for item in batch { item.done.resume() }
                for (item, id) in zip(messages, ids) { item.done.resume(returning: id) }
                checkpointIfDue()
                if restartDue {
                    restartDue = false
                    _ = try? await pool.writeWithoutTransaction { db in try db.checkpoint(.restart) }
                }
            } catch {
                // One bad write must not fail the others: commit them one by one, in the
                // same order as the batch (other work first: a message may need its conversation).
                for item in batch {
                    do {
                        try await pool.write { db in try item.work(db) }
                        item.done.resume()
                    } catch {
                        item.done.resume(throwing: explain(error))
                    }
                }
                for item in messages {
                    do {
                        let id = try await pool.write { db in try MessageInsert.insert(item.message, db) }
                        item.done.resume(returning: id)
                    } catch {
                        item.done.resume(throwing: explain(error))
                    }
                }
            }
        }
        flushing = false
    }

    /// Has the next flush restart the log.
    private func restartLog() {
        restartDue = true
    }

    private func checkpointIfDue() {
        commitsSinceCheckpoint += 1
        guard commitsSinceCheckpoint >= Self.checkpointInterval else { return }
        commitsSinceCheckpoint = 0
        let checkpointer = self.checkpointer
        Task.detached(priority: .utility) {
            // A passive checkpoint copies what it can without waiting; a busy one is retried at the next interval.
            let log = try? await checkpointer.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            if let log, log.walFrameCount > Self.restartFrames { await self.restartLog() }
        }
    }
}

/// Carries a write's result out of the transaction: set while the transaction
/// runs, read only after its commit resumed the caller.
private final class WriteResult<Value: Sendable>: @unchecked Sendable {
    var value: Value?
}
