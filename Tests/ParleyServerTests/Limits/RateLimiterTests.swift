import Testing

@testable import ParleyServer

@Suite struct RateLimiterTests {
    @Test func allowsABurstThenRefillsAtTheRate() {
        let start = ContinuousClock.now
        var limiter = RateLimiter(perSecond: 2, burst: 3, now: start)
        var allowed = (0..<4).map { _ in limiter.allow(now: start) }
        #expect(allowed == [true, true, true, false])
        // Half a second refills one token at 2 a second.
        allowed = (0..<2).map { _ in limiter.allow(now: start + .milliseconds(500)) }
        #expect(allowed == [true, false])
        // A long pause refills no more than the burst.
        allowed = (0..<4).map { _ in limiter.allow(now: start + .seconds(60)) }
        #expect(allowed == [true, true, true, false])
    }
}
