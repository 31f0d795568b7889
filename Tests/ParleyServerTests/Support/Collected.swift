import Foundation

/// Events an in-process connection sent to its outbox, in order, with the
/// time each arrived; waits for one that matches.
final class Collected<Event: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(event: Event, at: ContinuousClock.Instant)] = []

    /// The outbox to hand the connection.
    func append(_ event: Event) {
        lock.withLock { stored.append((event, .now)) }
    }

    var events: [Event] { lock.withLock { stored.map(\.event) } }

    /// The first event matching `predicate`, with its arrival time, waiting up to `seconds` for it.
    func first(within seconds: Double = 10, where predicate: (Event) -> Bool) async throws -> (
        event: Event, at: ContinuousClock.Instant
    ) {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if let found = lock.withLock({ stored.first { predicate($0.event) } }) { return found }
            try await Task.sleep(for: .milliseconds(2))
        }
        throw CollectedError.timedOut(String(describing: lock.withLock { stored.map(\.event) }))
    }
}

extension Collected {
    /// Waits up to `seconds` until the events so far satisfy `condition`.
    func wait(within seconds: Double = 10, until condition: ([Event]) -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if condition(events) { return }
            try await Task.sleep(for: .milliseconds(2))
        }
        throw CollectedError.timedOut(String(describing: events))
    }
}

enum CollectedError: Error {
    case timedOut(String)
}
