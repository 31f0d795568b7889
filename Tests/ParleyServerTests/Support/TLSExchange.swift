import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One TLS connection to a test server that trusts only `root`: sends
/// `request` and returns what came back until `enough` is satisfied, the
/// server closes, or 10 seconds pass.
enum TLSExchange {
    static func send(
        _ request: String, port: Int, trusting root: NIOSSLCertificate,
        until enough: @escaping @Sendable (String) -> Bool
    ) async throws -> String {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates([root])
        let context = try NIOSSLContext(configuration: tls)
        let received = Received(enough: enough)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers(
                        try NIOSSLClientHandler(context: context, serverHostname: "localhost"), received)
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        try await channel.writeAndFlush(ByteBuffer(string: request))
        let deadline = channel.eventLoop.scheduleTask(in: .seconds(10)) { received.finish() }
        let text = try await received.done.futureResult.get()
        deadline.cancel()
        try? await channel.close()
        return text
    }

    private final class Received: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        let enough: @Sendable (String) -> Bool
        let done = MultiThreadedEventLoopGroup.singleton.next().makePromise(of: String.self)
        private let lock = NSLock()
        private var text = ""

        init(enough: @escaping @Sendable (String) -> Bool) {
            self.enough = enough
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let text = lock.withLock {
                self.text += String(buffer: unwrapInboundIn(data))
                return self.text
            }
            if enough(text) { finish() }
        }

        func channelInactive(context: ChannelHandlerContext) { finish() }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            done.fail(error)
            context.close(promise: nil)
        }

        func finish() {
            done.succeed(lock.withLock { text })
        }
    }
}
