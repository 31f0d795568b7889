/// Compact JSON for the message's small lists, written byte by byte: much
/// faster than `JSONEncoder` on the write path, and read back with `JSONDecoder`.
struct JSONText {
    private var bytes: [UInt8] = []
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private init() {
        bytes.reserveCapacity(256)
    }

    private mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case UInt8(ascii: "\n"): raw("\\n")
            case UInt8(ascii: "\r"): raw("\\r")
            case UInt8(ascii: "\t"): raw("\\t")
            case 0..<0x20:
                raw("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func number(_ value: Double) {
        if value.isFinite { bytes.append(contentsOf: "\(value)".utf8) } else { raw("null") }
    }

    private mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    private var text: String { String(decoding: bytes, as: UTF8.self) }

    static func alternatives(_ scores: [StoredMessage.IntentScore]) -> String {
        var json = JSONText()
        json.raw("[")
        for (i, score) in scores.enumerated() {
            if i > 0 { json.raw(",") }
            json.raw("{\"name\":")
            json.string(score.name)
            json.raw(",\"confidence\":")
            json.number(score.confidence)
            json.raw("}")
        }
        json.raw("]")
        return json.text
    }

    static func entities(_ entities: [StoredMessage.EntityValue]) -> String {
        var json = JSONText()
        json.raw("[")
        for (i, entity) in entities.enumerated() {
            if i > 0 { json.raw(",") }
            json.raw("{\"type\":")
            json.string(entity.type)
            json.raw(",\"value\":")
            json.string(entity.value)
            json.raw(",\"text\":")
            json.string(entity.text)
            json.raw(",\"start\":")
            json.integer(entity.start)
            json.raw(",\"end\":")
            json.integer(entity.end)
            json.raw("}")
        }
        json.raw("]")
        return json.text
    }

    static func scores(_ scores: [String: Double]) -> String {
        var json = JSONText()
        json.raw("{")
        for (i, key) in scores.keys.sorted().enumerated() {
            if i > 0 { json.raw(",") }
            json.string(key)
            json.raw(":")
            json.number(scores[key]!)
        }
        json.raw("}")
        return json.text
    }
}
