internal import NIOCore

/// A NIO event loop as a Swift task executor: a task that prefers it runs its
/// jobs, and those of the default actors it calls, on the loop's thread. A
/// connection's handling then runs where its socket is read and written, with
/// no hop to the cooperative pool and back for every message.
final class EventLoopExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
