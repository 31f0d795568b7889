public import Foundation

/// Runs long synchronous work (training on a whole dataset) on a thread of its
/// own. All tests share one process and its cooperative thread pool, which on
/// a 2-core machine has two threads: a test that trains for half a minute on
/// one of them starves the server tests' sockets and timers, and their waits
/// time out.
public enum OwnThread {
    /// The value `work` returns, or the error it throws, once it has run on a new thread.
    public static func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
