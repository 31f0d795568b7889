/// The loop every client connection runs, whatever its transport (a
/// WebSocket's frames, a TCP connection's lines). Three pieces make it cheap
/// and fast, each for one measured reason:
///
/// - `EventLoopExecutor`: a connection's work runs on the NIO event loop
///   that reads and writes its socket, so a message does not hop to Swift's
///   cooperative pool and back (8,400–9,200 rather than 7,000–7,800 messages
///   a second under load here). Work that takes long (an agent's scrypt
///   sign-in) must leave the loop.
/// - `ShortTask`: each frame is handled in a task that ends with it. A task
///   keeps the memory its deepest call needed until it ends, so handling in
///   the connection's own long-lived task kept ~10 KB per idle customer.
/// - `Outbox`: every event for the client — answers, and what happens
///   meanwhile (an agent joining, the queue moving) — is written in order,
///   by the handling task once it is done, or by a writer task that exists
///   only while something waits; a client that stops reading is given up
///   past a bound, never buffered without end.
enum ConnectionLoop {
    /// Reads `frames` until they end, fail, or `handle` returns true (close);
    /// handles each in a short task on `executor` while the outbox is held;
    /// then runs `finish` (also when reading failed, before the error is
    /// rethrown) and waits until everything sent is written.
    static func run<Frames: AsyncSequence, Connection: Sendable, Element: Sendable>(
        _ frames: Frames, connection: Connection, outbox: Outbox<Element>, on executor: any TaskExecutor,
        handle: @escaping @Sendable (inout Connection, Frames.Element, ContinuousClock.Instant) async -> Bool,
        finish: @escaping @Sendable (inout Connection) async -> Void
    ) async throws where Frames.Element: Sendable {
        var connection = connection
        do {
            for try await frame in frames {
                let close: Bool
                (connection, close) = await handleOne(
                    frame, on: connection, outbox: outbox, executor: executor, handle: handle)
                if close { break }
            }
        } catch {
            await end(connection, outbox: outbox, executor: executor, finish: finish)
            throw error
        }
        await end(connection, outbox: outbox, executor: executor, finish: finish)
    }

    // The connection's long-lived task only reads frames: what it calls stays out of line, so the
    // task's own frame stays small for as long as the client is connected.

    @inline(never)
    private static func handleOne<Frame: Sendable, Connection: Sendable, Element: Sendable>(
        _ frame: Frame, on connection: Connection, outbox: Outbox<Element>, executor: any TaskExecutor,
        handle: @escaping @Sendable (inout Connection, Frame, ContinuousClock.Instant) async -> Bool
    ) async -> (Connection, Bool) {
        let receivedAt = ContinuousClock.now
        return await ShortTask.run(with: connection, on: executor) { connection in
            var close = false
            await outbox.handling { close = await handle(&connection, frame, receivedAt) }
            return close
        }
    }

    @inline(never)
    private static func end<Connection: Sendable, Element: Sendable>(
        _ connection: Connection, outbox: Outbox<Element>, executor: any TaskExecutor,
        finish: @escaping @Sendable (inout Connection) async -> Void
    ) async {
        _ = await ShortTask.run(with: connection, on: executor) { await finish(&$0) }
        await outbox.flush()
    }
}
