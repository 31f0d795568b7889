internal import NIOConcurrencyHelpers

/// What is on its way to one client, in order: events pushed by anyone
/// (replies, an agent joining, the queue moving) queue here and are written
/// one at a time. What comes of the client's own input is written by the
/// task that handled it, once it has (`handling`); what comes while the
/// connection waits for input is written by a writer task that exists only
/// while there is something to write (an idle connection costs no task).
/// The queue is bounded: when a client stops reading and events pile up past
/// the limit, the outbox gives up on it (`overflow`: the channel closes the
/// connection; everything is in the CRM store and the client can resume).
final class Outbox<Element: Sendable>: Sendable {
    private struct State {
        /// What waits to be written (an empty array holds no memory: an idle connection costs nothing here).
        var queue: [Element] = []
        var writing = false
        /// The connection's task is handling input and writes what waits afterwards.
        var held = false
        var closed = false
        var flushed: [CheckedContinuation<Void, Never>] = []
    }

    /// What `send` does after queueing.
    private enum Next {
        case nothing, startWriter, overflowed
    }

    private let state = NIOLockedValueBox(State())
    private let limit: Int
    private let write: @Sendable (Element) async throws -> Void
    private let overflow: @Sendable () -> Void

    /// `write` sends one element to the client; `overflow` closes the connection.
    init(
        limit: Int = 1024, write: @escaping @Sendable (Element) async throws -> Void,
        overflow: @escaping @Sendable () -> Void
    ) {
        self.limit = limit
        self.write = write
        self.overflow = overflow
    }

    /// Queues one element for the client; never blocks.
    func send(_ element: Element) {
        let next = state.withLockedValue { state -> Next in
            guard !state.closed else { return .nothing }
            guard state.queue.count < limit else {
                state.closed = true
                state.queue.removeAll()
                return .overflowed
            }
            state.queue.append(element)
            guard !state.writing, !state.held else { return .nothing }
            state.writing = true
            return .startWriter
        }
        switch next {
        case .nothing: break
        case .startWriter: Task { await self.drain() }
        case .overflowed: overflow()
        }
    }

    /// Runs `body` (the handling of the client's input) and then writes what
    /// it sent in the calling task, unless a writer task is already at it.
    func handling(_ body: () async -> Void) async {
        state.withLockedValue { $0.held = true }
        await body()
        let drainHere = state.withLockedValue { state -> Bool in
            state.held = false
            guard !state.writing, !state.queue.isEmpty, !state.closed else { return false }
            state.writing = true
            return true
        }
        if drainHere { await drain() }
    }

    /// Waits until everything sent so far is written, or the outbox gave up.
    func flush() async {
        await withCheckedContinuation { continuation in
            let done = state.withLockedValue { state -> Bool in
                guard state.writing else { return true }
                state.flushed.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// Writes until the queue is empty, in order, taking what waits in
    /// batches; only one runs at a time.
    private func drain() async {
        while true {
            let batch = state.withLockedValue { state -> [Element] in
                guard !state.closed, !state.queue.isEmpty else {
                    state.writing = false
                    for waiter in state.flushed { waiter.resume() }
                    state.flushed = []
                    return []
                }
                defer { state.queue = [] }
                return state.queue
            }
            guard !batch.isEmpty else { return }
            do {
                for element in batch { try await write(element) }
            } catch {
                // The connection is gone: drop what is left.
                state.withLockedValue { state in
                    state.closed = true
                    state.queue = []
                }
            }
        }
    }
}
