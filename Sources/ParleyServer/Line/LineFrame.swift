package import NIOCore

/// What the line decoder passes on: a line without its end, or news that a
/// line was too long (its bytes were dropped).
package enum LineFrame: Sendable, Equatable {
    case line(ByteBuffer)
    case tooLong
}
