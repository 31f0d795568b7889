internal import Foundation
internal import Logging
internal import ServiceLifecycle

/// The server's periodic work, until graceful shutdown: idle conversations
/// leave memory (every minute), freed memory goes back to the kernel (every
/// 10 s, see `ProcessMemory`), and the agents' desk expires offers and turns
/// conversations nobody took into tickets (every second).
struct ConversationSweeps: Service {
    let service: ChatService
    let logger: Logger

    func run() async throws {
        let service = self.service
        let logger = self.logger
        await withDiscardingTaskGroup { group in
            group.addTask {
                await Self.every(.seconds(60)) { await service.forgetIdleConversations() }
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
        }
    }

    /// Runs `work` every `interval` until graceful shutdown.
    private static func every(_ interval: Duration, _ work: @escaping @Sendable () async -> Void) async {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                await work()
            }
        }
    }
}
