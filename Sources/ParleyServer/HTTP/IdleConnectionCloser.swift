internal import NIOCore

/// Closes a connection that read nothing for the idle time (from
/// `IdleStateHandler` before it), unless a request on it is being answered
/// (`AnsweringMiddleware`): then the silence is the server's, and a slow
/// answer (a reload retraining a big bot, a slow shop action) still reaches
/// its client. The idle time counts again from the answer: the first idle
/// event after one is let pass too, as the answer may still be on its way
/// out when the count drops.
final class IdleConnectionCloser: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// Requests on the connection being answered now; only touched on its event loop.
    private var answering = 0
    /// Whether a request was answered since the last idle event.
    private var answeredSinceIdle = false

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read else {
            return context.fireUserInboundEventTriggered(event)
        }
        guard answering == 0, !answeredSinceIdle else {
            answeredSinceIdle = false
            return
        }
        context.close(promise: nil)
    }

    /// Counts a request on `channel` in (`change` 1) or out (-1), on the
    /// channel's event loop; nothing when the channel has no closer (in-process tests).
    static func count(_ change: Int, on channel: any Channel) {
        channel.eventLoop.execute {
            guard let closer = try? channel.pipeline.syncOperations.handler(type: IdleConnectionCloser.self) else {
                return
            }
            closer.answering += change
            if change < 0 { closer.answeredSinceIdle = true }
        }
    }
}
