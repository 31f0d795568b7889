public import Foundation

/// The one JSON convention of every channel — WebSocket frames, JSON lines
/// and HTTP bodies, customers' and agents' alike: snake_case keys (Swift's
/// camelCase converted), ISO 8601 dates, absent optionals left out.
public enum WireCoding {
    /// Encodes wire values (events, API answers).
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Decodes wire values (client messages, API bodies).
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
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
