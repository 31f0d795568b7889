internal import Foundation

/// TF-IDF weighting over a vocabulary learnt from training messages.
///
/// Term frequency is sublinear (1 + ln tf), inverse document frequency is
/// smoothed (ln((1 + n) / (1 + df)) + 1), and the word and character blocks
/// are L2-normalised separately, the character block then scaled by
/// `FeatureConfiguration.charWeight`. Keys never seen in training are ignored.
public struct TfidfVectorizer: Sendable {
    /// Feature key → column. Word features come first, in `0..<wordFeatureCount`.
    public let vocabulary: [UInt64: Int32]
    public let wordFeatureCount: Int
    /// Inverse document frequency per column.
    public let idf: [Float]
    public let charWeight: Float

    public init(vocabulary: [UInt64: Int32], wordFeatureCount: Int, idf: [Float], charWeight: Float) {
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
        var vocabulary: [UInt64: Int32] = [:]
        vocabulary.reserveCapacity(wordKeys.count + charKeys.count)
        var idf: [Float] = []
        idf.reserveCapacity(wordKeys.count + charKeys.count)
        let n = Float(documents.count)
        for (key, frequencies) in [(wordKeys, wordFrequency), (charKeys, charFrequency)].flatMap({ keys, table in
            keys.map { ($0, table) }
        }) {
            vocabulary[key] = Int32(idf.count)
            idf.append(log((1 + n) / (1 + Float(frequencies[key]!))) + 1)
        }
        return TfidfVectorizer(
            vocabulary: vocabulary,
            wordFeatureCount: wordKeys.count,
            idf: idf,
            charWeight: configuration.charWeight
        )
    }

    /// The TF-IDF vector of one message's keys.
    public func vectorize(_ keys: (word: [UInt64], char: [UInt64])) -> SparseVector {
        var columns: [Int32] = []
        columns.reserveCapacity(keys.word.count + keys.char.count)
        for key in keys.word { if let column = vocabulary[key] { columns.append(column) } }
        for key in keys.char { if let column = vocabulary[key] { columns.append(column) } }
        columns.sort()
        var vector = SparseVector()
        vector.indices.reserveCapacity(columns.count)
        vector.values.reserveCapacity(columns.count)
        var i = 0
        var wordNorm: Float = 0
        var charNorm: Float = 0
        while i < columns.count {
            let column = columns[i]
            var count = 1
            while i + count < columns.count && columns[i + count] == column { count += 1 }
            let value = (1 + log(Float(count))) * idf[Int(column)]
            vector.indices.append(column)
            vector.values.append(value)
            if Int(column) < wordFeatureCount { wordNorm += value * value } else { charNorm += value * value }
            i += count
        }
        let wordScale = wordNorm > 0 ? 1 / wordNorm.squareRoot() : 0
        let charScale = charNorm > 0 ? charWeight / charNorm.squareRoot() : 0
        for j in 0..<vector.indices.count {
            vector.values[j] *= Int(vector.indices[j]) < wordFeatureCount ? wordScale : charScale
        }
        return vector
    }
}
