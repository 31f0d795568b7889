import Foundation
import Testing

@testable import ParleyServer

@Suite struct SignInThrottleTests {
    @Test func anAddressGetsFiveFreeFailuresThenEachWaitDoubles() {
        let throttle = SignInThrottle()
        let start = Date()
        for index in 0..<5 {
            #expect(throttle.wait(account: "user\(index)", address: "203.0.113.5", now: start) == 0)
            throttle.failed(account: "user\(index)", address: "203.0.113.5", now: start)
        }
        #expect(throttle.wait(account: "other", address: "203.0.113.5", now: start) == 1)
        #expect(throttle.wait(account: "other", address: "203.0.113.6", now: start) == 0)
        throttle.failed(account: "other", address: "203.0.113.5", now: start.addingTimeInterval(1))
        #expect(throttle.wait(account: "other", address: "203.0.113.5", now: start.addingTimeInterval(1)) == 2)
        #expect(throttle.wait(account: "other", address: "203.0.113.5", now: start.addingTimeInterval(3)) == 0)
        // Fifteen quiet minutes forget it all.
        #expect(throttle.wait(account: "other", address: "203.0.113.5", now: start.addingTimeInterval(901)) == 0)
    }

    @Test func anAccountGetsTenFreeFailuresFromAnyAddressAndASuccessForgetsThem() {
        let throttle = SignInThrottle()
        let now = Date()
        for index in 0..<10 { throttle.failed(account: "ana", address: "198.51.100.\(index)", now: now) }
        #expect(throttle.wait(account: "ana", address: "198.51.100.200", now: now) == 1)
        #expect(throttle.wait(account: "bo", address: "198.51.100.200", now: now) == 0)
        throttle.succeeded(account: "ana")
        #expect(throttle.wait(account: "ana", address: "198.51.100.200", now: now) == 0)
    }

    @Test func passwordsAreCheckedOnTheThrottlesOwnThread() async {
        let throttle = SignInThrottle()
        #expect(await throttle.verify { true } == true)
        #expect(await throttle.verify { false } == false)
    }
}
