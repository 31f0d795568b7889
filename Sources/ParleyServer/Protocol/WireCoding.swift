public import Foundation

/// The one JSON convention of every channel — WebSocket frames, JSON lines
/// and HTTP bodies, customers' and agents' alike: snake_case keys (Swift's
/// camelCase converted), ISO 8601 dates, absent optionals left out.
public enum WireCoding {
    /// Encodes wire values (events, API answers).
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .custom { path in WireKey(snakeCase(path.last?.stringValue ?? "")) }
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Decodes wire values (client messages, API bodies).
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in WireKey(camelCase(path.last?.stringValue ?? "")) }
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// A Swift property name as a wire key: `conversationId` → `conversation_id`. Wire keys are
    /// ASCII camelCase property names, so a byte loop does what Foundation's general
    /// `convertToSnakeCase` does, without its Unicode and acronym handling on every key of every event.
    static func snakeCase(_ key: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(key.utf8.count + 4)
        for byte in key.utf8 {
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                if !bytes.isEmpty { bytes.append(UInt8(ascii: "_")) }
                bytes.append(byte + 32)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A wire key as a Swift property name: `conversation_id` → `conversationId`.
    static func camelCase(_ key: String) -> String {
        guard key.utf8.contains(UInt8(ascii: "_")) else { return key }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(key.utf8.count)
        var upper = false
        for byte in key.utf8 {
            if byte == UInt8(ascii: "_") && !bytes.isEmpty {
                upper = true
            } else {
                bytes.append(upper && byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte)
                upper = false
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let sharedEncoder = encoder()
    private static let sharedDecoder = decoder()

    /// `value` as one line of JSON. Wire values hold strings, numbers and
    /// finite scores only, so encoding cannot fail; if it ever did, the line
    /// is an `unavailable` error rather than nothing.
    public static func line(_ value: some Encodable) -> String {
        let data = (try? sharedEncoder.encode(value)) ?? Data(#"{"type":"error","code":"unavailable"}"#.utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Decodes one JSON text (a frame, a line, a body).
    public static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try sharedDecoder.decode(type, from: Data(text.utf8))
    }
}

/// A key of the wire's JSON, as the key strategies produce it.
struct WireKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ stringValue: String) {
        self.stringValue = stringValue
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}
