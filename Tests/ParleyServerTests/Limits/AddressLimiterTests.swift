import Testing

@testable import ParleyServer

@Suite struct AddressLimiterTests {
    static func limits(_ change: (inout ChatLimits) -> Void = { _ in }) -> ChatLimits {
        var limits = ChatLimits()
        change(&limits)
        return limits
    }

    @Test func anAddressHoldsAtMostItsConnectionsAndGetsThemBackAsTheyClose() {
        let limiter = AddressLimiter(limits: Self.limits { $0.maxConnectionsPerAddress = 2 })
        #expect(limiter.connect("203.0.113.5") && limiter.connect("203.0.113.5"))
        #expect(!limiter.connect("203.0.113.5"))
        #expect(limiter.connect("203.0.113.6"))
        limiter.disconnect("203.0.113.5")
        #expect(limiter.connect("203.0.113.5"))
    }

    @Test func theServersOwnMachineAndTrustedProxiesHoldNoConnectionCount() {
        let limiter = AddressLimiter(
            limits: Self.limits {
                $0.maxConnectionsPerAddress = 1
                $0.trustedProxies = ["10.0.0.2"]
            })
        for address in ["127.0.0.1", "::1", "10.0.0.2", nil] {
            #expect(limiter.connect(address) && limiter.connect(address), "\(address ?? "nil")")
        }
        // 127.0.0.2 is another machine's address as far as the limits go (a benchmark's flood uses it).
        #expect(limiter.connect("127.0.0.2") && !limiter.connect("127.0.0.2"))
        let strict = AddressLimiter(
            limits: Self.limits {
                $0.maxConnectionsPerAddress = 1
                $0.exemptLoopback = false
            })
        #expect(strict.connect("127.0.0.1") && !strict.connect("127.0.0.1"))
    }

    @Test func newConversationsRefillOverTheirPeriod() {
        let limiter = AddressLimiter(limits: Self.limits())
        let start = ContinuousClock.now
        #expect((0..<6).allSatisfy { _ in limiter.allowConversation("203.0.113.5", now: start) })
        #expect(!limiter.allowConversation("203.0.113.5", now: start))
        #expect(limiter.allowConversation("203.0.113.9", now: start))
        // Six in twelve hours: one more every two hours.
        #expect(!limiter.allowConversation("203.0.113.5", now: start + .seconds(7_000)))
        #expect(limiter.allowConversation("203.0.113.5", now: start + .seconds(7_300)))
    }

    @Test func requestsPerMinuteAndForgettingWhatIsWholeAgain() {
        let limiter = AddressLimiter(limits: Self.limits { $0.requestsPerMinutePerAddress = 3 })
        let start = ContinuousClock.now
        #expect((0..<3).allSatisfy { _ in limiter.allowRequest("203.0.113.5", now: start) })
        #expect(!limiter.allowRequest("203.0.113.5", now: start))
        #expect(limiter.connect("203.0.113.7"))
        limiter.sweep(now: start + .seconds(30))
        #expect(limiter.addressCount == 2)
        limiter.sweep(now: start + .seconds(61))
        // The address with an open connection is kept; the one whose allowance is whole is forgotten.
        #expect(limiter.addressCount == 1)
        #expect(limiter.allowRequest("203.0.113.5", now: start + .seconds(61)))
    }
}
