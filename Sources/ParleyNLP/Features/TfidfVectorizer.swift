internal import Foundation

/// TF-IDF weighting over a vocabulary learnt from training messages.
///
/// Term frequency is sublinear (1 + ln tf), inverse document frequency is
/// smoothed (ln((1 + n) / (1 + df)) + 1), and the word and character blocks
/// are L2-normalised separately, the character block then scaled by
/// `FeatureConfiguration.charWeight`. Keys never seen in training are ignored.
public struct TfidfVectorizer: Sendable {
    /// Feature key → column. Word features come first, in `0..<wordFeatureCount`.
    public let vocabulary: FeatureTable
    public let wordFeatureCount: Int
    /// Inverse document frequency per column.
    public let idf: [Float]
    public let charWeight: Float

    public init(vocabulary: FeatureTable, wordFeatureCount: Int, idf: [Float], charWeight: Float) {
        self.vocabulary = vocabulary
        self.wordFeatureCount = wordFeatureCount
        self.idf = idf
        self.charWeight = charWeight
    }

    /// The number of columns.
    public var dimension: Int { idf.count }

    /// Learns the vocabulary and document frequencies from training messages' keys.
    public static func fit(
        _ documents: [(word: [UInt64], char: [UInt64])],
        configuration: FeatureConfiguration
    ) -> TfidfVectorizer {
        var wordFrequency: [UInt64: Int32] = [:]
        var charFrequency: [UInt64: Int32] = [:]
        for document in documents {
            for key in Set(document.word) { wordFrequency[key, default: 0] += 1 }
            for key in Set(document.char) { charFrequency[key, default: 0] += 1 }
        }
        let minimum = Int32(configuration.minDocumentFrequency)
        let wordKeys = wordFrequency.filter { $0.value >= minimum }.keys.sorted()
        let charKeys = charFrequency.filter { $0.value >= minimum }.keys.sorted()
        let n = Float(documents.count)
        let idf =
            wordKeys.map { log((1 + n) / (1 + Float(wordFrequency[$0]!))) + 1 }
            + charKeys.map { log((1 + n) / (1 + Float(charFrequency[$0]!))) + 1 }
        let keys = wordKeys + charKeys
        return TfidfVectorizer(
            vocabulary: FeatureTable(keys: keys, columns: keys.indices.map { Int32($0) }),
            wordFeatureCount: wordKeys.count,
            idf: idf,
            charWeight: configuration.charWeight
        )
    }

    /// The TF-IDF vector of one message's keys. Indices come in order of
    /// first occurrence (word block first), which scoring does not mind.
    public func vectorize(_ keys: (word: [UInt64], char: [UInt64])) -> SparseVector {
        let total = keys.word.count + keys.char.count
        var capacity = 16
        while capacity < total * 2 { capacity *= 2 }
        let mask = capacity - 1
        // Counts per column in a scratch open-addressing table: no sorting.
        var slotColumns = [Int32](repeating: -1, count: capacity)
        var slotCounts = [Int32](repeating: 0, count: capacity)
        var order: [Int] = []
        order.reserveCapacity(total)
        func count(_ key: UInt64) {
            guard let column = vocabulary.column(of: key) else { return }
            var slot = Int(truncatingIfNeeded: UInt32(bitPattern: column) &* 0x9E37_79B1) & mask
            while slotColumns[slot] >= 0 && slotColumns[slot] != column { slot = (slot + 1) & mask }
            if slotColumns[slot] < 0 {
                slotColumns[slot] = column
                order.append(slot)
            }
            slotCounts[slot] += 1
        }
        for key in keys.word { count(key) }
        for key in keys.char { count(key) }
        var vector = SparseVector()
        vector.indices.reserveCapacity(order.count)
        vector.values.reserveCapacity(order.count)
        var wordNorm: Float = 0
        var charNorm: Float = 0
        for slot in order {
            let column = slotColumns[slot]
            let count = slotCounts[slot]
            let value = (count == 1 ? 1 : 1 + log(Float(count))) * idf[Int(column)]
            vector.indices.append(column)
            vector.values.append(value)
            if Int(column) < wordFeatureCount { wordNorm += value * value } else { charNorm += value * value }
        }
        let wordScale = wordNorm > 0 ? 1 / wordNorm.squareRoot() : 0
        let charScale = charNorm > 0 ? charWeight / charNorm.squareRoot() : 0
        for j in 0..<vector.indices.count {
            vector.values[j] *= Int(vector.indices[j]) < wordFeatureCount ? wordScale : charScale
        }
        return vector
    }
}
