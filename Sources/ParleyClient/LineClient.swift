public import NIOCore
internal import NIOPosix

/// A client of Parley's TCP line protocol (or any line server): sends lines,
/// reads lines. Used by the load generator and the tests; a person can use
/// netcat instead.
public struct LineClient: ~Copyable {
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var pending = ByteBuffer()

    /// Connects to `host:port`, runs `body` with the connection, then closes it.
    /// With `localAddress` (an IP address of this machine, such as 127.0.0.2)
    /// the connection comes from that address.
    public static func withConnection<Result>(
        host: String, port: Int, localAddress: String? = nil, _ body: (inout LineClient) async throws -> Result
    ) async throws -> Result {
        var bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
        if let localAddress { bootstrap = bootstrap.bind(to: try SocketAddress(ipAddress: localAddress, port: 0)) }
        let channel =
            try await bootstrap
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var client = LineClient(inbound: inbound.makeAsyncIterator(), outbound: outbound)
            return try await body(&client)
        }
    }

    private init(
        inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) {
        self.inbound = inbound
        self.outbound = outbound
    }

    /// Sends `line` followed by a newline.
    public func send(_ line: String) async throws {
        try await outbound.write(ByteBuffer(string: line + "\n"))
    }

    /// Sends bytes as they are (for malformed input).
    public func send(bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    /// The next line without its end, nil once the server closed the connection.
    public mutating func readLine() async throws -> String? {
        while true {
            if let newline = pending.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
                let line = pending.readString(length: newline - pending.readerIndex) ?? ""
                pending.moveReaderIndex(forwardBy: 1)
                return line.hasSuffix("\r") ? String(line.dropLast()) : line
            }
            guard var buffer = try await inbound.next() else {
                guard pending.readableBytes > 0 else { return nil }
                return pending.readString(length: pending.readableBytes)
            }
            pending.discardReadBytes()
            pending.writeBuffer(&buffer)
        }
    }
}
