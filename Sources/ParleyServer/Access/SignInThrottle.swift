internal import Foundation
internal import NIOConcurrencyHelpers
internal import NIOPosix

/// Slows password guessing down, per account and per address: a few failed
/// sign-ins are free (5 per address, 10 per account, as Chatwoot's
/// `login/ip` and `login/email`), then each further one must wait twice as
/// long as the one before (1 s, 2 s, 4 s … up to 15 minutes), counted from the
/// last failure; 15 minutes without one forgets them. Unknown names are
/// throttled like known ones, so the answer tells nothing. Passwords are
/// checked on a thread pool of their own, one thread, at most `maxWaiting`
/// checks queued: a flood of sign-ins never takes a thread customers need.
final class SignInThrottle: Sendable {
    static let freeFailuresPerAddress = 5
    static let freeFailuresPerAccount = 10
    static let forgetAfter: TimeInterval = 15 * 60
    static let longestWait: TimeInterval = 15 * 60
    static let maxWaiting = 32

    private struct Failures {
        var count = 0
        var last = Date.distantPast
    }

    private let byAccount = NIOLockedValueBox<[String: Failures]>([:])
    private let byAddress = NIOLockedValueBox<[String: Failures]>([:])
    private let waiting = NIOLockedValueBox(0)
    private let pool: NIOThreadPool

    init() {
        pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
    }

    deinit {
        pool.shutdownGracefully { _ in }
    }

    /// Seconds to wait before `account` may try again from `address`; 0 when it may now.
    func wait(account: String, address: String?, now: Date = Date()) -> Int {
        let account = Self.wait(byAccount, account, free: Self.freeFailuresPerAccount, now: now)
        let address = address.map { Self.wait(byAddress, $0, free: Self.freeFailuresPerAddress, now: now) } ?? 0
        return Int(max(account, address).rounded(.up))
    }

    /// A sign-in failed: the next try of the account and from the address waits longer.
    func failed(account: String, address: String?, now: Date = Date()) {
        Self.count(byAccount, account, now: now)
        if let address { Self.count(byAddress, address, now: now) }
    }

    /// A sign-in worked: the account's failures are forgotten (not the address's).
    func succeeded(account: String) {
        _ = byAccount.withLockedValue { $0.removeValue(forKey: account) }
    }

    /// Runs `check` (a password hash) on the throttle's own thread; nil when
    /// `maxWaiting` checks are already queued (the caller answers "busy").
    func verify(_ check: @escaping @Sendable () -> Bool) async -> Bool? {
        let admitted = waiting.withLockedValue { waiting in
            guard waiting < Self.maxWaiting else { return false }
            waiting += 1
            return true
        }
        guard admitted else { return nil }
        defer { waiting.withLockedValue { $0 -= 1 } }
        return try? await pool.runIfActive(check)
    }

    /// Forgets failures older than `forgetAfter` (run with the other sweeps).
    func sweep(now: Date = Date()) {
        for table in [byAccount, byAddress] {
            table.withLockedValue { failures in
                failures = failures.filter { now.timeIntervalSince($0.value.last) < Self.forgetAfter }
            }
        }
    }

    private static func wait(
        _ table: NIOLockedValueBox<[String: Failures]>, _ key: String, free: Int, now: Date
    ) -> TimeInterval {
        guard let failures = table.withLockedValue({ $0[key] }), failures.count >= free,
            now.timeIntervalSince(failures.last) < forgetAfter
        else { return 0 }
        let delay = min(longestWait, pow(2, Double(failures.count - free)))
        return max(0, delay - now.timeIntervalSince(failures.last))
    }

    private static func count(_ table: NIOLockedValueBox<[String: Failures]>, _ key: String, now: Date) {
        table.withLockedValue { table in
            var failures = table[key] ?? Failures()
            if now.timeIntervalSince(failures.last) >= forgetAfter { failures.count = 0 }
            failures.count += 1
            failures.last = now
            table[key] = failures
        }
    }
}
