internal import NIOCore

/// Closes a line connection that sent nothing for the idle time
/// (`line_idle_timeout`, from `IdleStateHandler` before it), saying why: a
/// silent connection does not hold a place for ever.
final class SilentLineCloser: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read else {
            return context.fireUserInboundEventTriggered(event)
        }
        let notice = ByteBuffer(string: "error> closed: nothing was sent for too long; connect again to go on\n")
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(notice)).whenComplete { _ in channel.close(promise: nil) }
    }
}
