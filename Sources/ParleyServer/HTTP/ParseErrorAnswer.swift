internal import NIOCore
internal import NIOHTTP1

/// Behind the HTTP decoder: a request it cannot parse (conflicting
/// `Content-Length` and `Transfer-Encoding`, two lengths, a malformed head)
/// is answered 400 and the connection closed, so nothing sent after it is
/// read as another request. Hummingbird leaves NIO's error handling out;
/// this one only reads, so it lets a WebSocket's frames pass untouched after
/// an upgrade.
final class ParseErrorAnswer: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError else { return context.fireErrorCaught(error) }
        var headers = HTTPHeaders([("Connection", "close"), ("Content-Length", "0")])
        headers.add(name: "Content-Type", value: "text/plain")
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .badRequest, headers: headers))),
            promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }
}
