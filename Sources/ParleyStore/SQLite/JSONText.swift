/// Compact JSON for the message's small lists, written directly: much faster
/// than `JSONEncoder` on the write path, and read back with `JSONDecoder`.
enum JSONText {
    static func string(_ text: String, into out: inout String) {
        out.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }

    static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "null"
    }

    static func alternatives(_ scores: [StoredMessage.IntentScore]) -> String {
        var out = "["
        for (i, score) in scores.enumerated() {
            if i > 0 { out.append(",") }
            out.append("{\"name\":")
            string(score.name, into: &out)
            out.append(",\"confidence\":\(number(score.confidence))}")
        }
        return out + "]"
    }

    static func entities(_ entities: [StoredMessage.EntityValue]) -> String {
        var out = "["
        for (i, entity) in entities.enumerated() {
            if i > 0 { out.append(",") }
            out.append("{\"type\":")
            string(entity.type, into: &out)
            out.append(",\"value\":")
            string(entity.value, into: &out)
            out.append(",\"text\":")
            string(entity.text, into: &out)
            out.append(",\"start\":\(entity.start),\"end\":\(entity.end)}")
        }
        return out + "]"
    }

    static func scores(_ scores: [String: Double]) -> String {
        var out = "{"
        for (i, key) in scores.keys.sorted().enumerated() {
            if i > 0 { out.append(",") }
            string(key, into: &out)
            out.append(":\(number(scores[key]!))")
        }
        return out + "}"
    }
}
