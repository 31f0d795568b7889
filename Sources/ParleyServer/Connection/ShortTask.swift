/// Runs work in a task of its own that ends with it. A connection's task
/// lives as long as the connection, and a Swift task keeps the memory its
/// deepest call ever needed (its allocator's slabs) until it ends: a hello or
/// a message handled in the connection's own task left ~10 KB behind for as
/// long as the customer stayed connected. Handled here, that memory goes back
/// when the message is done.
enum ShortTask {
    /// Runs `body` with `value` in a short task that prefers `executor` (the
    /// connection's event loop, like the connection's own task: an unstructured
    /// task does not inherit the preference); returns the value as `body` left
    /// it, and what `body` returned.
    static func run<Value: Sendable, Output: Sendable>(
        with value: Value, on executor: any TaskExecutor,
        _ body: @escaping @Sendable (inout Value) async -> Output
    ) async -> (Value, Output) {
        await Task(executorPreference: executor) {
            var value = value
            let output = await body(&value)
            return (value, output)
        }.value
    }
}
