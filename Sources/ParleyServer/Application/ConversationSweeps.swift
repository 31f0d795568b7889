internal import Foundation
internal import Logging
internal import ServiceLifecycle

/// The server's periodic work, until graceful shutdown: idle conversations
/// leave memory (every minute), freed memory goes back to the kernel (every
/// 10 s, see `ProcessMemory`), and the agents' desk expires offers and turns
/// conversations nobody took into tickets (every second); with a retention
/// period, conversations inactive for longer are erased (an hour after the
/// start, then daily).
struct ConversationSweeps: Service {
    let service: ChatService
    /// 0: keep conversations for ever.
    let retentionDays: Int
    let logger: Logger

    func run() async throws {
        let service = self.service
        let logger = self.logger
        await withDiscardingTaskGroup { group in
            group.addTask {
                await Self.every(.seconds(60)) {
                    await service.forgetIdleConversations()
                    service.addressLimiter.sweep()
                    service.signInThrottle.sweep()
                }
            }
            group.addTask {
                await Self.every(.seconds(10)) {
                    let started = ContinuousClock.now
                    ProcessMemory.returnFreedMemory()
                    logger.debug("returned freed memory", metadata: ["took": "\(ContinuousClock.now - started)"])
                }
            }
            group.addTask {
                await Self.every(.seconds(1)) { await service.desk.sweep() }
            }
            if retentionDays > 0 {
                let days = retentionDays
                group.addTask {
                    await Self.every(.seconds(3_600), then: .seconds(86_400)) {
                        await service.eraseExpiredConversations(olderThanDays: days)
                    }
                }
            }
        }
    }

    /// Runs `work` after `first` (`interval` unless given), then every `interval`, until graceful shutdown.
    private static func every(
        _ first: Duration, then interval: Duration? = nil, _ work: @escaping @Sendable () async -> Void
    ) async {
        try? await cancelWhenGracefulShutdown {
            try await Task.sleep(for: first)
            while !Task.isCancelled {
                await work()
                try await Task.sleep(for: interval ?? first)
            }
        }
    }
}
