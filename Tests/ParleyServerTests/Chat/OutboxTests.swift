import Foundation
import NIOConcurrencyHelpers
import Testing

@testable import ParleyServer

@Suite struct OutboxTests {
    /// What a fake connection was written, in order.
    final class Written: Sendable {
        let lines = NIOLockedValueBox<[Int]>([])
        let overflowed = NIOLockedValueBox(false)
    }

    @Test func writesEverythingInTheOrderSent() async {
        let written = Written()
        let outbox = Outbox<Int>(limit: 10_000) { element in
            written.lines.withLockedValue { $0.append(element) }
        } overflow: {
            written.overflowed.withLockedValue { $0 = true }
        }
        for element in 0..<1_000 { outbox.send(element) }
        await outbox.flush()
        #expect(written.lines.withLockedValue { $0 } == Array(0..<1_000))
        #expect(!written.overflowed.withLockedValue { $0 })
    }

    @Test func whatHandlingSendsIsWrittenOnceItIsDone() async {
        let written = Written()
        let outbox = Outbox<Int> { element in
            written.lines.withLockedValue { $0.append(element) }
        } overflow: {
        }
        await outbox.handling {
            outbox.send(1)
            outbox.send(2)
            // Nothing is written while the input is being handled.
            #expect(written.lines.withLockedValue { $0 }.isEmpty)
        }
        await outbox.flush()
        #expect(written.lines.withLockedValue { $0 } == [1, 2])
    }

    @Test func aClientThatStopsReadingOverflowsAndIsGivenUp() async {
        let written = Written()
        let stuck = AsyncStream<Void>.makeStream()
        let outbox = Outbox<Int>(limit: 8) { _ in
            // The client never reads: the first write never finishes.
            for await _ in stuck.stream {}
        } overflow: {
            written.overflowed.withLockedValue { $0 = true }
        }
        for element in 0..<20 { outbox.send(element) }
        #expect(written.overflowed.withLockedValue { $0 })
        stuck.continuation.finish()
        await outbox.flush()
    }
}
