internal import NIOConcurrencyHelpers

/// The outbox of a request-and-answer channel (REST): keeps the events so the
/// answer can carry them.
final class EventCollector: Sendable {
    private let box = NIOLockedValueBox<[ServerEvent]>([])

    func append(_ event: ServerEvent) {
        box.withLockedValue { $0.append(event) }
    }

    /// The events so far, in order.
    var events: [ServerEvent] { box.withLockedValue { $0 } }
}
