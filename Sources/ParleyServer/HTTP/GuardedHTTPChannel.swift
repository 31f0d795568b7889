internal import HummingbirdCore
internal import Logging
internal import NIOCore
internal import NIOHTTP1

/// Hummingbird's HTTP (and WebSocket upgrade) child channel with Parley's
/// guards in front of it, before any parsing: `HTTPConnectionGuard` (the
/// per-address connection limit, the first request's header deadline) and an
/// idle timeout (`http_idle_timeout`) for connections silent between requests.
/// WebSockets stay alive through it with their pings' answers. Behind the
/// HTTP decoder it puts `ParseErrorAnswer`: a request the decoder refuses is
/// answered 400 and the connection closed, instead of hanging.
struct GuardedHTTPChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value
    let base: Base
    let limiter: AddressLimiter
    let metrics: ServerMetrics
    let idleSeconds: Int

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        do {
            try channel.pipeline.syncOperations.addHandlers(
                IdleStateHandler(readTimeout: .seconds(Int64(idleSeconds))), IdleConnectionCloser(),
                HTTPConnectionGuard(limiter: limiter, metrics: metrics, headerSeconds: idleSeconds))
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try operations.addHandler(ParseErrorAnswer(), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
