/// What is on its way to one client, in order: events pushed by anyone
/// (replies, an agent joining, the queue moving) queue here and one writer
/// sends them. The queue is bounded: a client that stops reading while
/// events pile up past the limit is disconnected (everything is in the CRM
/// store; the client can resume).
struct Outbox<Element: Sendable>: Sendable {
    private let stream: AsyncStream<Element>
    private let continuation: AsyncStream<Element>.Continuation

    private init(limit: Int) {
        (stream, continuation) = AsyncStream.makeStream(of: Element.self, bufferingPolicy: .bufferingOldest(limit))
    }

    /// Queues one element for the client; never blocks.
    func send(_ element: Element) {
        if case .dropped = continuation.yield(element) { continuation.finish() }
    }

    /// Serves one connection: `read` handles the client's input until it
    /// ends, while the elements sent to the outbox are written with `write`,
    /// in order. Once input ends, what is queued is still written; when
    /// writing fails or the outbox overflows, reading stops. Rethrows what
    /// `read` threw, once the writing is done.
    static func serve(
        limit: Int = 1024, read: @escaping @Sendable (Outbox) async throws -> Void,
        write: @escaping @Sendable (Element) async throws -> Void
    ) async throws {
        let outbox = Outbox(limit: limit)
        // Which side finished: true for the writer.
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                do {
                    for await element in outbox.stream { try await write(element) }
                } catch {}
                return true
            }
            group.addTask {
                defer { outbox.continuation.finish() }
                try await read(outbox)
                return false
            }
            if try await group.next() == true { group.cancelAll() }
            try await group.waitForAll()
        }
    }
}
