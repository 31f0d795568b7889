public import ServiceLifecycle
internal import UnixSignals

/// Reloads the bot (`ChatService.reload`) each time the process gets SIGHUP,
/// as daemons reread their files: `kill -HUP PID`. Reloads run one after
/// another; the result is logged and audited as `signal:SIGHUP`. Ends with
/// the service group's graceful shutdown.
public struct ReloadOnHangup: Service {
    let service: ChatService

    public init(service: ChatService) {
        self.service = service
    }

    public func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            _ = await service.reload(by: "signal:SIGHUP", address: "local")
        }
    }
}
