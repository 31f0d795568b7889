package import NIOCore

/// Splits a TCP byte stream into lines ending in "\n" (a "\r" before it is
/// dropped). A line longer than `maxLength` bytes is reported once as
/// `.tooLong` and its bytes are discarded up to its end, so a client cannot
/// make the server buffer more than `maxLength` bytes.
package struct LineFrameDecoder: ByteToMessageDecoder {
    package typealias InboundOut = LineFrame

    let maxLength: Int
    /// Inside a too-long line: drop bytes until its end.
    private var discarding = false

    package init(maxLength: Int) {
        self.maxLength = maxLength
    }

    package mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > maxLength {
                if !discarding { context.fireChannelRead(wrapInboundOut(.tooLong)) }
                discarding = true
                buffer.moveReaderIndex(to: buffer.writerIndex)
            }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        guard var line = buffer.readSlice(length: length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 1)
        if discarding {
            discarding = false
            return .continue
        }
        if line.readableBytesView.last == UInt8(ascii: "\r") { line.moveWriterIndex(to: line.writerIndex - 1) }
        context.fireChannelRead(wrapInboundOut(line.readableBytes > maxLength ? .tooLong : .line(line)))
        return .continue
    }

    package mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        while try decode(context: context, buffer: &buffer) == .continue {}
        // A last line without its end still counts.
        if buffer.readableBytes > 0, !discarding, let line = buffer.readSlice(length: buffer.readableBytes) {
            context.fireChannelRead(wrapInboundOut(line.readableBytes > maxLength ? .tooLong : .line(line)))
        }
        return .needMoreData
    }
}
