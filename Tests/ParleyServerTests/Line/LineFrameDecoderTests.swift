import NIOCore
import NIOEmbedded
import NIOTestUtils
import Testing

@testable import ParleyServer

/// The line splitter against NIO's verifier, which feeds every input whole,
/// byte by byte and in other chunkings and expects the same frames each time.
@Suite struct LineFrameDecoderTests {
    static func line(_ text: String) -> LineFrame { .line(ByteBuffer(string: text)) }

    @Test func splitsLinesAndDropsCarriageReturns() throws {
        try ByteToMessageDecoderVerifier.verifyDecoder(
            stringInputOutputPairs: [
                ("hello\nworld\n", [Self.line("hello"), Self.line("world")]),
                ("crlf\r\n\n", [Self.line("crlf"), Self.line("")]),
                ("héllo ✓\n", [Self.line("héllo ✓")]),
            ],
            decoderFactory: { LineFrameDecoder(maxLength: 16) })
    }

    @Test func aLineOverTheLimitIsReportedOnceAndTheNextLineIsRead() throws {
        let long = String(repeating: "x", count: 40)
        try ByteToMessageDecoderVerifier.verifyDecoder(
            stringInputOutputPairs: [
                ("\(long)\nok\n", [.tooLong, Self.line("ok")]),
                ("ok\n\(long)\n", [Self.line("ok"), .tooLong]),
            ],
            decoderFactory: { LineFrameDecoder(maxLength: 16) })
    }

    @Test func aLastLineWithoutItsEndCountsWhenTheClientCloses() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(LineFrameDecoder(maxLength: 16)))
        try channel.writeInbound(ByteBuffer(string: "no end"))
        #expect(try channel.readInbound(as: LineFrame.self) == nil)
        try channel.close().wait()
        #expect(try channel.readInbound(as: LineFrame.self) == Self.line("no end"))
    }
}
