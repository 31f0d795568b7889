/// Reads the frame headers of a WebSocket's client-to-server byte stream
/// (RFC 6455 §5.2), skipping payloads, to tell whether every frame is masked:
/// §5.1 says a server must fail the connection on an unmasked client frame,
/// which NIO's frame decoder does not check.
struct ClientFrameMasks {
    /// Header bytes read of the frame under way.
    private var header: [UInt8] = []
    /// Payload bytes (and mask key) of the current frame still to skip.
    private var skipping: UInt64 = 0

    /// Reads `bytes`; false as soon as a frame is unmasked.
    mutating func read(_ bytes: some Collection<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if skipping > 0 {
                let available = UInt64(bytes.distance(from: index, to: bytes.endIndex))
                let skipped = min(available, skipping)
                skipping -= skipped
                index = bytes.index(index, offsetBy: Int(skipped))
                continue
            }
            header.append(bytes[index])
            index = bytes.index(after: index)
            guard header.count >= 2 else { continue }
            guard header[1] & 0x80 != 0 else { return false }
            let shortLength = header[1] & 0x7F
            let lengthBytes = shortLength == 127 ? 8 : shortLength == 126 ? 2 : 0
            guard header.count == 2 + lengthBytes else { continue }
            let length =
                lengthBytes == 0
                ? UInt64(shortLength) : header[2...].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            skipping = length + 4
            header = []
        }
        return true
    }
}
