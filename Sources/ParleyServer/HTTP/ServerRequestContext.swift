internal import Foundation
internal import Hummingbird
internal import HummingbirdAuth
internal import HummingbirdWebSocket
internal import NIOCore

/// The request context of Parley's router: Hummingbird's WebSocket-capable
/// context plus the event loop of the connection the request came on, so a
/// WebSocket's handling can run on the thread that reads and writes its socket
/// (`EventLoopExecutor`). Bodies are read and written in the wire's JSON
/// convention (`WireCoding`). `identity` is who the request's credentials
/// name (`BearerTokenAuthenticator`), nil when it has none.
struct ServerRequestContext: AuthRequestContext, WebSocketRequestContext {
    var coreContext: CoreRequestContextStorage
    let webSocket: WebSocketHandlerReference<Self>
    /// The connection the request came on (`AnsweringMiddleware` marks it busy), and the event loop that serves it.
    let channel: any Channel
    let eventLoop: any EventLoop
    var identity: Principal?
    /// The client's IP address: the socket's peer (nil for in-process tests),
    /// or the client a trusted proxy names (`ForwardedAddressMiddleware`).
    var clientAddress: String?

    var requestDecoder: JSONDecoder { WireCoding.decoder() }
    var responseEncoder: JSONEncoder { WireCoding.encoder() }

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.webSocket = .init()
        self.channel = source.channel
        self.eventLoop = source.channel.eventLoop
        self.identity = nil
        self.clientAddress = source.channel.remoteAddress?.ipAddress
    }
}
