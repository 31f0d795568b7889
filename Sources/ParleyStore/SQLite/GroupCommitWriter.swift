internal import Foundation
internal import GRDB

/// The store's one writer: it gathers the writes that arrive while a
/// transaction is being committed and commits them together in the next one
/// (group commit). Every caller still waits for its own commit, so durability
/// is whole while the disk's flush is shared.
///
/// The commits run on GRDB's writing thread, which takes what waits,
/// commits it, resumes its callers and queues the next batch while anything
/// waits: a batch costs no hop to another thread and back.
///
/// Every `checkpointInterval` commits it has a connection of its own (the
/// checkpointer: it must be writable, which the pool's readers are not) copy
/// the write-ahead log into the database file (a passive checkpoint), so no
/// commit waits for the copying; SQLite's own automatic checkpoint is off.
/// Under steady load a passive checkpoint never quite catches up, and the log
/// only starts over from its beginning once all of it is copied; so when it
/// passes `restartFrames` pages the writer itself runs a restarting checkpoint
/// between two commits, which has little left to copy.
final class GroupCommitWriter: @unchecked Sendable {
    typealias Work = @Sendable (Database) throws -> Void
    private typealias Item = (work: Work, done: CheckedContinuation<Void, any Error>)

    /// What waits for the next commit; guarded by `lock`.
    private struct Pending {
        var work: [Item] = []
        var flushing = false
        var restartDue = false
        /// Write transactions committed so far (each caller's work is one).
        var committed = 0
    }

    private let pool: DatabasePool
    private let checkpointer: DatabaseQueue
    private let lock = NSLock()
    private var pending = Pending()
    /// Only `flush`, on the writing thread, touches it.
    private var commitsSinceCheckpoint = 0
    static let checkpointInterval = 200
    /// Log pages (about 4 KiB each) beyond which the writer restarts the log.
    static let restartFrames = 4_096

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
            enqueue { $0.work.append((work, done)) }
        }
    }

    /// Runs `work` in a transaction shared with other pending writes; returns its result once committed.
    func write<Value: Sendable>(_ work: @escaping @Sendable (Database) throws -> Value) async throws -> Value {
        let result = WriteResult<Value>()
        try await write { db in result.value = try work(db) }
        guard let value = result.value else { preconditionFailure("a committed write has its result") }
        return value
    }

    /// Write transactions committed so far: each caller's `write` is one, however many share a commit.
    var committed: Int { lock.withLock { pending.committed } }

    /// Adds to what waits, and queues a `flush` unless one is under way.
    private func enqueue(_ add: (inout Pending) -> Void) {
        let start = lock.withLock {
            add(&pending)
            guard !pending.flushing else { return false }
            pending.flushing = true
            return true
        }
        if start { pool.asyncWriteWithoutTransaction { db in self.flush(db) } }
    }

    /// Commits what waits as one batch, on the writing thread, then queues
    /// itself again while more waits. Queued rather than looping, so other
    /// work on the writing thread (an erasure's checkpoint) gets its turn
    /// between two batches even under steady load.
    private func flush(_ db: Database) {
        let (batch, restart) = lock.withLock { () -> ([Item], Bool) in
            let batch = pending.work
            let restart = pending.restartDue
            pending.work = []
            pending.restartDue = false
            return (batch, restart)
        }
        let committed = commit(batch, db)
        lock.withLock { pending.committed += committed }
        checkpointIfDue()
        // Restarting the log between two commits: it has little left to copy.
        if restart { _ = try? db.checkpoint(.restart) }
        let more = lock.withLock {
            pending.flushing = !pending.work.isEmpty
            return pending.flushing
        }
        if more { pool.asyncWriteWithoutTransaction { db in self.flush(db) } }
    }

    /// Commits `batch` in one transaction and resumes its callers; returns how many of them committed.
    private func commit(_ batch: [Item], _ db: Database) -> Int {
        do {
            try Self.transaction(db) {
                for item in batch { try item.work(db) }
            }
            for item in batch { item.done.resume() }
            return batch.count
        } catch {
            // One bad write must not fail the others: commit them one by one, in the batch's order.
            var committed = 0
            for item in batch {
                do {
                    try Self.transaction(db) { try item.work(db) }
                    item.done.resume()
                    committed += 1
                } catch {
                    item.done.resume(throwing: explain(error))
                }
            }
            return committed
        }
    }

    /// Runs `body` in a transaction of its own and returns its result once committed (rolled back when it throws).
    private static func transaction<Value>(_ db: Database, _ body: () throws -> Value) throws -> Value {
        var value: Value?
        try db.inTransaction {
            value = try body()
            return .commit
        }
        guard let value else { preconditionFailure("a committed transaction has its result") }
        return value
    }

    private func checkpointIfDue() {
        commitsSinceCheckpoint += 1
        guard commitsSinceCheckpoint >= Self.checkpointInterval else { return }
        commitsSinceCheckpoint = 0
        let checkpointer = self.checkpointer
        Task.detached(priority: .utility) {
            // A passive checkpoint copies what it can without waiting; a busy one is retried at the next interval.
            let log = try? await checkpointer.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            if let log, log.walFrameCount > Self.restartFrames { self.lock.withLock { self.pending.restartDue = true } }
        }
    }
}

/// Carries a write's result out of the transaction: set while the transaction
/// runs, read only after its commit resumed the caller.
private final class WriteResult<Value: Sendable>: @unchecked Sendable {
    var value: Value?
}
