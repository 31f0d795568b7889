internal import NIOCore

/// The first handler of every HTTP connection, before any parsing: counts
/// the connection against its address's `maxConnectionsPerAddress` while it
/// is open (WebSocket upgrades included) and answers one over the limit with
/// 429 and a close; and closes a connection whose first request's headers are
/// not complete within `headerSeconds` (a slowloris never holds its place).
/// Silence later is `IdleStateHandler`'s (`http_idle_timeout`). Once the
/// connection is a WebSocket (the server sent `101`), it fails the connection
/// with status 1002 on the first unmasked client frame (RFC 6455 §5.1).
final class HTTPConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let limiter: AddressLimiter
    private let metrics: ServerMetrics
    private let headerSeconds: Int64
    private var deadline: Scheduled<Void>?
    /// The last bytes read while the first request's headers are incomplete: their end may span two reads.
    private var tail: [UInt8] = []
    private var headersComplete = false
    /// Over the address's limit: what it sends is read and dropped, answered once with 429, then closed.
    private var refused = false
    /// Set when the server has switched the connection to WebSocket.
    private var frames: ClientFrameMasks?
    /// A client frame was unmasked: the connection is being failed, nothing more is read.
    private var failed = false

    init(limiter: AddressLimiter, metrics: ServerMetrics, headerSeconds: Int) {
        self.limiter = limiter
        self.metrics = metrics
        self.headerSeconds = Int64(headerSeconds)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let address = context.channel.remoteAddress?.ipAddress
        if limiter.connect(address) {
            let limiter = self.limiter
            context.channel.closeFuture.whenComplete { _ in limiter.disconnect(address) }
        } else {
            refused = true
            metrics.limited(.connectionsPerAddress)
        }
        deadline = context.eventLoop.scheduleTask(in: .seconds(headerSeconds)) { [weak self] in
            guard let self, !self.headersComplete else { return }
            context.close(promise: nil)
        }
    }

    private static let switching = Array("HTTP/1.1 101".utf8)

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if frames == nil, headersComplete, unwrapOutboundIn(data).readableBytesView.starts(with: Self.switching) {
            frames = ClientFrameMasks()
        }
        context.write(data, promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        if frames != nil {
            guard frames?.read(unwrapInboundIn(data).readableBytesView) == true else {
                failed = true
                metrics.error(.protocolError)
                // Close frame, status 1002 (protocol error), then the connection.
                let close = ByteBuffer(bytes: [0x88, 0x02, 0x03, 0xEA])
                context.writeAndFlush(wrapOutboundOut(close)).whenComplete { _ in context.close(promise: nil) }
                return
            }
            return context.fireChannelRead(data)
        }
        if refused {
            // Answered once the request has been read, so closing does not reset what the client sends.
            guard !headersComplete else { return }
            headersComplete = true
            deadline?.cancel()
            let body = "too many connections from your address; close some and try again\n"
            let response =
                "HTTP/1.1 429 Too Many Requests\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: response))).whenComplete { _ in
                context.close(promise: nil)
            }
            return
        }
        if !headersComplete {
            tail.append(contentsOf: unwrapInboundIn(data).readableBytesView)
            if tail.contains(sequence: [13, 10, 13, 10]) {
                headersComplete = true
                deadline?.cancel()
                tail = []
            } else if tail.count > 3 {
                tail.removeFirst(tail.count - 3)
            }
        }
        context.fireChannelRead(data)
    }
}

extension Array where Element == UInt8 {
    /// Whether `pattern` occurs in the array.
    fileprivate func contains(sequence pattern: [UInt8]) -> Bool {
        guard count >= pattern.count else { return false }
        return (0...(count - pattern.count)).contains { start in
            self[start..<(start + pattern.count)].elementsEqual(pattern)
        }
    }
}
