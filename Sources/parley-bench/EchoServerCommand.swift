import ArgumentParser
import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOPosix

/// `parley-bench echo-server`: the frameworks' own limit, for `chat --echo` to
/// compare against: a bare Hummingbird WebSocket echo at `/ws`, or a bare NIO
/// TCP echo. Prints `listening PORT` once ready; stops on SIGTERM.
struct EchoServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "echo-server",
        abstract: "Run a bare echo server (Hummingbird WebSocket, or NIO TCP with --tcp) for comparisons.",
        shouldDisplay: false
    )

    @Flag(help: "Echo TCP bytes instead of WebSocket messages.")
    var tcp = false

    @Option(help: "The port (0 picks a free one).")
    var port = 0

    func run() async throws {
        tcp ? try await runTCP() : try await runWebSocket()
    }

    private func runWebSocket() async throws {
        var logger = Logger(label: "echo")
        logger.logLevel = .warning
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.ws("/ws") { inbound, outbound, _ in
            for try await message in inbound.messages(maxSize: 1 << 16) {
                guard case .text(let text) = message else { continue }
                try await outbound.write(.text(text))
            }
        }
        let app = Application(
            router: router, server: .http1WebSocketUpgrade(webSocketRouter: router),
            configuration: .init(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in Self.announce(channel.localAddress?.port ?? 0) }, logger: logger)
        try await app.runService()
    }

    private func runTCP() async throws {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 1024)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(EchoHandler()) }
            }
            .bind(host: "127.0.0.1", port: port).get()
        Self.announce(channel.localAddress?.port ?? 0)
        try await channel.closeFuture.get()
    }

    static func announce(_ port: Int) {
        print("listening \(port)")
        fflush(nil)
    }
}

/// Writes back every byte it reads.
final class EchoHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.write(data, promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
    }
}
