internal import CICU

/// What the Chinese rules need to know about a character: whether it is a
/// Han ideograph, and the simplified form of the traditional characters the
/// entity rules read ("兩" → "两", "點" → "点"), one scalar for one, so offsets
/// do not move.
enum ChineseScript {
    /// Whether `scalar` is a CJK unified ideograph (the basic block, extension A,
    /// or the compatibility ideographs).
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }

    /// Whether `text` has a Han ideograph.
    static func hasHan(_ text: String) -> Bool { text.unicodeScalars.contains(where: isHan) }

    /// Traditional characters of dates, times, money and numbers, and their simplified form.
    static let traditional: [Unicode.Scalar: Unicode.Scalar] = [
        "兩": "两", "萬": "万", "億": "亿", "塊": "块", "錢": "钱", "幣": "币", "後": "后", "點": "点", "鐘": "钟",
        "週": "周", "禮": "礼", "號": "号", "個": "个", "時": "时", "過": "过", "這": "这", "頭": "头", "數": "数",
        "貳": "贰", "陸": "陆", "歐": "欧", "鎊": "镑", "韓": "韩", "臺": "台", "國": "国", "圓": "圆", "間": "间",
        "現": "现", "買": "买", "參": "参", "樓": "楼", "線": "线", "電": "电", "門": "门", "車": "车", "館": "馆",
        "廳": "厅", "櫃": "柜", "機": "机", "場": "场",
    ]

    /// `text` with its traditional characters simplified by ICU's Traditional-Simplified
    /// transliterator ("訂單" → "订单"), for the classifier and sentiment; `text` itself if
    /// ICU has no such transliterator.
    static func simplified(_ text: String) -> String {
        let length = text.utf16.count
        let capacity = length * 2 + 8
        var units = Array(text.utf16) + repeatElement(0, count: capacity - length)
        let written = units.withUnsafeMutableBufferPointer {
            cicu_simplified($0.baseAddress, Int32(length), Int32(capacity))
        }
        guard written >= 0 else { return text }
        return String(decoding: units[0..<Int(written)], as: UTF16.self)
    }

    /// `scalars` with the traditional characters above simplified, one for one.
    static func simplified(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        scalars.map { traditional[$0] ?? $0 }
    }
}
