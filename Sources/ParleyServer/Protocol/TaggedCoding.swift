/// Reads and writes the `type` key that tags every message and event, and
/// the fields of its payload beside it in the same JSON object.
enum TaggedCoding {
    private struct TypeKey: CodingKey {
        var stringValue: String { "type" }
        var intValue: Int? { nil }
        init() {}
        init?(stringValue: String) { self.init() }
        init?(intValue: Int) { nil }
    }

    /// The message's kind; throws `WireDecodingError.unknownType` for a `type`
    /// the protocol does not know (a missing or non-string `type` is a decoding error).
    static func kind<Kind: WireMessageKind>(_: Kind.Type, from decoder: any Decoder) throws -> Kind {
        let type = try decoder.container(keyedBy: TypeKey.self).decode(String.self, forKey: TypeKey())
        guard let kind = Kind(rawValue: type) else { throw WireDecodingError.unknownType(type) }
        return kind
    }

    /// The payload's fields; throws `WireDecodingError.invalidFields` when they do not fit.
    static func payload<Payload: Decodable, Kind: WireMessageKind>(
        _: Payload.Type, of kind: Kind, from decoder: any Decoder
    ) throws -> Payload {
        do {
            return try Payload(from: decoder)
        } catch {
            throw WireDecodingError.invalidFields(type: kind.rawValue)
        }
    }

    /// Writes `type`, then the payload's fields (if any) into the same object.
    static func encode<Kind: WireMessageKind>(_ kind: Kind, _ payload: (any Encodable)?, to encoder: any Encoder)
        throws
    {
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(kind.rawValue, forKey: TypeKey())
        try payload?.encode(to: encoder)
    }
}
