internal import NIOConcurrencyHelpers

/// The per-address limits (`ChatLimits`): connections held at once, new
/// conversations per period and HTTP requests per minute, each address its
/// own buckets. What an address no longer uses is forgotten by `sweep`, so
/// memory follows the addresses active lately, not every address ever seen.
final class AddressLimiter: Sendable {
    /// Which limit refused something, as metrics and errors name it.
    enum Limit: String, Sendable {
        case connectionsPerAddress = "connections_per_address"
        case conversationsPerAddress = "conversations_per_address"
        case requestsPerAddress = "requests_per_address"
    }

    private struct Entry {
        var connections = 0
        var conversations: RateLimiter?
        var requests: RateLimiter?
    }

    let limits: ChatLimits
    private let entries = NIOLockedValueBox<[String: Entry]>([:])

    init(limits: ChatLimits) {
        self.limits = limits
    }

    /// Whether `address` is exempt from the per-address limits: unknown
    /// (in-process clients), or the server's own machine while `exemptLoopback` is on.
    func isExempt(_ address: String?) -> Bool {
        guard let address else { return true }
        return limits.exemptLoopback && (address == "127.0.0.1" || address == "::1")
    }

    /// Counts a connection from `address` unless it holds `maxConnectionsPerAddress`
    /// already; returns whether it was counted (then `disconnect` it when it closes).
    func connect(_ address: String?) -> Bool {
        guard let address, !isExempt(address), !limits.trustedProxies.contains(address) else { return true }
        return entries.withLockedValue { entries in
            guard entries[address, default: Entry()].connections < limits.maxConnectionsPerAddress else { return false }
            entries[address, default: Entry()].connections += 1
            return true
        }
    }

    /// A connection `connect` counted has closed.
    func disconnect(_ address: String?) {
        guard let address, !isExempt(address), !limits.trustedProxies.contains(address) else { return }
        entries.withLockedValue { entries in
            entries[address]?.connections -= 1
        }
    }

    /// Takes one new conversation from `address`'s allowance; false when it has none left.
    func allowConversation(_ address: String?, now: ContinuousClock.Instant = .now) -> Bool {
        return take(
            \.conversations, address, perSecond: 1 / limits.secondsPerConversation,
            burst: Double(limits.conversationsPerAddress), now)
    }

    /// Takes one HTTP request from `address`'s allowance; false when it has none left.
    func allowRequest(_ address: String?, now: ContinuousClock.Instant = .now) -> Bool {
        let perMinute = Double(limits.requestsPerMinutePerAddress)
        return take(\.requests, address, perSecond: perMinute / 60, burst: perMinute, now)
    }

    /// Forgets addresses with no connection open whose allowances are whole again.
    func sweep(now: ContinuousClock.Instant = .now) {
        entries.withLockedValue { entries in
            for (address, var entry) in entries where entry.connections == 0 {
                let conversationsFull = entry.conversations?.isFull(now: now) ?? true
                let requestsFull = entry.requests?.isFull(now: now) ?? true
                if conversationsFull && requestsFull { entries[address] = nil } else { entries[address] = entry }
            }
        }
    }

    /// Addresses remembered now.
    var addressCount: Int { entries.withLockedValue { $0.count } }

    private func take(
        _ bucket: WritableKeyPath<Entry, RateLimiter?>, _ address: String?, perSecond: Double, burst: Double,
        _ now: ContinuousClock.Instant
    ) -> Bool {
        guard let address, !isExempt(address) else { return true }
        return entries.withLockedValue { entries in
            var entry = entries[address, default: Entry()]
            var limiter = entry[keyPath: bucket] ?? RateLimiter(perSecond: perSecond, burst: burst, now: now)
            let allowed = limiter.allow(now: now)
            entry[keyPath: bucket] = limiter
            entries[address] = entry
            return allowed
        }
    }
}
