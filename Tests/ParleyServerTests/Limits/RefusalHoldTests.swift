import Testing

@testable import ParleyServer

@Suite(.timeLimit(.minutes(2))) struct RefusalHoldTests {
    static func hold(seconds: Int, capacity: Int) -> RefusalHold {
        var limits = ChatLimits()
        limits.refusalHoldSeconds = seconds
        limits.maxHeldRefusals = capacity
        return RefusalHold(limits: limits)
    }

    @Test func pastItsCapacityARefusedConnectionIsNotHeld() async throws {
        let hold = Self.hold(seconds: 600, capacity: 1)
        let first = Task { await hold.hold() }
        while hold.count == 0 { try await Task.sleep(for: .milliseconds(5)) }
        // The one place is taken: this returns at once (or the suite's time limit fails it).
        await hold.hold()
        #expect(hold.count == 1)
        first.cancel()
        await first.value
        #expect(hold.count == 0)
    }

    @Test func noHoldWhenItsSecondsAreZero() async {
        let hold = Self.hold(seconds: 0, capacity: 10)
        let started = ContinuousClock.now
        await hold.hold()
        #expect(hold.count == 0)
        #expect(ContinuousClock.now - started < .seconds(60))
    }
}
