import NIOCore
import NIOPosix
import Testing

@testable import ParleyServer

@Suite struct EventLoopExecutorTests {
    /// A default actor: its methods run on the calling task's preferred executor.
    actor Counter {
        var count = 0
        func add(checking loop: any EventLoop) -> Bool {
            count += 1
            return loop.inEventLoop
        }
    }

    @Test func aTaskThatPrefersALoopRunsOnItAcrossSuspensionsAndActors() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let executor = EventLoopExecutor(loop)
        let counter = Counter()
        let placesSeen = await Task(executorPreference: executor) { () -> [Bool] in
            var seen = [loop.inEventLoop]
            try? await Task.sleep(for: .milliseconds(1))
            seen.append(loop.inEventLoop)
            seen.append(await counter.add(checking: loop))
            seen.append(loop.inEventLoop)
            return seen
        }.value
        #expect(placesSeen == [true, true, true, true])
        // Without the preference the same work runs on the cooperative pool.
        #expect(await Task { loop.inEventLoop }.value == false)
        try await group.shutdownGracefully()
    }
}
