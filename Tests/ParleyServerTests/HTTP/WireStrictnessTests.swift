import Foundation
import ParleyClient
import Testing

@testable import ParleyServer

/// Requests and frames that break their protocol's framing end the connection:
/// nothing sent after them is read as something else.
@Suite(.timeLimit(.minutes(10))) struct WireStrictnessTests {
    /// Lines read until the server closes the connection.
    static func linesUntilClosed(_ client: inout LineClient) async -> [String] {
        var lines: [String] = []
        while let line = try? await client.readLine() { lines.append(line) }
        return lines
    }

    @Test(arguments: [
        "Content-Length: 5\r\nTransfer-Encoding: chunked", "Content-Length: 5\r\nContent-Length: 6",
    ])
    func conflictingFramingHeadersAre400AndTheConnectionCloses(headers: String) async throws {
        let server = try await TestServer.start()
        let lines = try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.http) { client in
            let smuggled = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
            try await client.send(
                bytes: Array("POST /api/parse HTTP/1.1\r\nHost: x\r\n\(headers)\r\n\r\n0\r\n\r\n\(smuggled)".utf8))
            return await Self.linesUntilClosed(&client)
        }
        #expect(lines.first == "HTTP/1.1 400 Bad Request")
        #expect(!lines.contains { $0.hasPrefix("HTTP/1.1 200") })
        try await server.stop()
    }

    @Test func anUnmaskedClientFrameFailsTheWebSocket() async throws {
        let server = try await TestServer.start()
        let received = try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.http) { client in
            try await client.send(
                bytes: Array(
                    ("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").utf8))
            #expect(try await client.readLine() == "HTTP/1.1 101 Switching Protocols")
            let hello = Array(#"{"type":"hello"}"#.utf8)
            try await client.send(bytes: [0x81, UInt8(hello.count)] + hello)
            return await Self.linesUntilClosed(&client).joined(separator: "\n")
        }
        // No welcome: the frame was not read; the connection was failed and counted.
        #expect(!received.contains("welcome"))
        let metrics = try await HTTPExchange.send("GET", "/metrics", port: server.ports.http)
        #expect(metrics.body.contains(#"parley_errors_total{code="protocol_error"} 1"#))
        try await server.stop()
    }

    @Test func frameHeadersAreFollowedAcrossReadsAndLengths() {
        var masks = ClientFrameMasks()
        let short: [UInt8] = [0x81, 0x83, 1, 2, 3, 4, 9, 9, 9]
        let extended: [UInt8] = [0x82, 0xFE, 0x01, 0x00, 1, 2, 3, 4] + Array(repeating: 7, count: 256)
        let stream = short + extended + short
        // Fed a byte at a time, then whole: every frame is masked.
        var everyByteRead = true
        for byte in stream { everyByteRead = masks.read([byte]) && everyByteRead }
        let wholeRead = masks.read(stream)
        let unmaskedRead = masks.read([0x81, 0x03, 65, 66, 67])
        #expect(everyByteRead && wholeRead)
        #expect(!unmaskedRead)
    }
}
