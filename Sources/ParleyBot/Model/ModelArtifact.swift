public import Foundation
public import ParleyNLP

/// A trained model on disk: what `parley train` writes and the server loads.
///
/// Layout (little-endian): the magic `PARLEYM1`, a UInt32 length and that
/// many bytes of JSON metadata (`Metadata`), then per feature column its
/// UInt64 key and Float32 IDF, then the Float32 weights (feature-major) and
/// one Float32 bias per intent, then, with a fitted fallback threshold, the
/// in-scope scorer's neighbours (`ScopeRecord`: per intent, that many unit
/// decision vectors of one Float32 per intent). The metadata records the SHA-256 of the
/// intent files the model came from, so a stale model is noticed.
public struct ModelArtifact: Sendable {
    /// What the artifact says about itself, stored as JSON.
    public struct Metadata: Sendable, Codable {
        public var formatVersion: Int
        /// SHA-256 of the training files: the model's version.
        public var sourceHash: String
        public var createdAt: Date
        public var language: String
        public var labels: [String]
        public var features: FeatureConfiguration
        public var stopwords: [String]
        public var confidenceScale: Float
        public var exampleCount: Int
        public var wordFeatureCount: Int
        public var dimension: Int
        /// The trainers' entity types, so a server needs only the model file.
        public var entities: [EntityRecord]
        /// The training words and their stems, most frequent first, when the
        /// classifier corrects spelling (`FeatureConfiguration.correctsSpelling`).
        public var spelling: SpellingRecord?
        /// The fallback threshold fitted at training time (`fallback_threshold: auto`);
        /// nil when the bot's threshold is a fixed number.
        public var fallback: ThresholdFit?
        /// The in-scope score that threshold applies to; nil with a fixed threshold.
        public var scope: ScopeRecord?

        /// A short, readable model version.
        public var version: String { String(sourceHash.prefix(12)) }
    }

    /// A `ScopeScorer` but its neighbours' vectors, which follow the weights.
    public struct ScopeRecord: Sendable, Codable, Hashable {
        /// How many neighbours each intent has, in `labels` order.
        public var neighbours: [Int]
        public var confidenceMean: Double
        public var confidenceDeviation: Double
        public var similarityMean: Double
        public var similarityDeviation: Double
        public var similarityWeight: Double
        public var sumDeviation: Double
    }

    /// The vocabulary of a `SpellingCorrector`.
    public struct SpellingRecord: Sendable, Codable, Hashable {
        public var words: [String]
        public var stems: [String]
        public var minimumLength: Int
    }

    /// A trainer-defined entity type as stored in the model file.
    public struct EntityRecord: Sendable, Codable, Hashable {
        public var name: String
        public var patterns: [String]?
        public var values: [ValueRecord]?

        public struct ValueRecord: Sendable, Codable, Hashable {
            public var value: String
            public var synonyms: [String]
        }

        public init(_ definition: EntityDefinition) {
            name = definition.name
            switch definition.matcher {
            case .patterns(let list): patterns = list
            case .values(let list): values = list.map { ValueRecord(value: $0.value, synonyms: $0.synonyms) }
            }
        }
    }

    public static let formatVersion = 4
    static let magic = Array("PARLEYM1".utf8)

    public var metadata: Metadata
    public var classifier: IntentClassifier

    public init(
        classifier: IntentClassifier, language: String, sourceHash: String, exampleCount: Int,
        entities: [EntityDefinition] = [], fallback: ThresholdFit? = nil, createdAt: Date = Date()
    ) {
        self.classifier = classifier
        metadata = Metadata(
            formatVersion: Self.formatVersion,
            sourceHash: sourceHash,
            createdAt: createdAt,
            language: language,
            labels: classifier.labels,
            features: classifier.hasher.configuration,
            stopwords: classifier.hasher.stopwords.words.sorted(),
            confidenceScale: classifier.confidenceScale,
            exampleCount: exampleCount,
            wordFeatureCount: classifier.vectorizer.wordFeatureCount,
            dimension: classifier.vectorizer.dimension,
            entities: entities.map(EntityRecord.init),
            spelling: classifier.corrector.map {
                SpellingRecord(words: $0.words, stems: $0.stems, minimumLength: $0.minimumLength)
            },
            fallback: fallback,
            scope: classifier.scope.map {
                ScopeRecord(
                    neighbours: $0.neighbours.map { $0.count / max(classifier.labels.count, 1) },
                    confidenceMean: $0.confidenceMean, confidenceDeviation: $0.confidenceDeviation,
                    similarityMean: $0.similarityMean, similarityDeviation: $0.similarityDeviation,
                    similarityWeight: $0.similarityWeight, sumDeviation: $0.sumDeviation)
            }
        )
    }

    /// The artifact's bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let header = try encoder.encode(metadata)
        var data = Data(Self.magic)
        append(UInt32(header.count), to: &data)
        data.append(header)
        for entry in classifier.vectorizer.vocabulary.entries { append(entry.key, to: &data) }
        for value in classifier.vectorizer.idf { append(value.bitPattern, to: &data) }
        for value in classifier.model.weights { append(value.bitPattern, to: &data) }
        for value in classifier.model.biases { append(value.bitPattern, to: &data) }
        for row in classifier.scope?.neighbours ?? [] {
            for value in row { append(value.bitPattern, to: &data) }
        }
        return data
    }

    /// Writes the artifact atomically, creating the folder if needed.
    public func write(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoded().write(to: url, options: .atomic)
    }

    /// Reads an artifact written by `write(to:)`.
    public static func read(from path: String) throws(ModelArtifactError) -> ModelArtifact {
        guard let data = FileManager.default.contents(atPath: path) else { throw .missing(path) }
        return try decode(data, path: path)
    }

    static func decode(_ data: Data, path: String) throws(ModelArtifactError) -> ModelArtifact {
        var reader = ByteReader(data: data)
        guard reader.bytes(magic.count) == magic, let headerLength = reader.uint32(),
            let header = reader.bytes(Int(headerLength))
        else { throw .corrupt(path, "not a Parley model file") }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let metadata = try? decoder.decode(Metadata.self, from: Data(header)) else {
            throw .corrupt(path, "unreadable metadata")
        }
        guard metadata.formatVersion == formatVersion else {
            throw .incompatible(path, metadata.formatVersion)
        }
        if let spelling = metadata.spelling, spelling.words.count != spelling.stems.count {
            throw .corrupt(
                path, "the spelling vocabulary has \(spelling.words.count) words but \(spelling.stems.count) stems")
        }
        let d = metadata.dimension
        let k = metadata.labels.count
        let neighbours = metadata.scope?.neighbours ?? []
        guard metadata.scope == nil || neighbours.count == k && neighbours.allSatisfy({ $0 >= 0 }) else {
            throw .corrupt(path, "the in-scope scorer does not match the intents")
        }
        // The metadata's counts, multiplied and added without overflow: a damaged count is a
        // corrupt file, not a crash.
        guard d >= 0, k >= 1,
            let expected = Self.bytes([[d, 8], [d, 4], [d, k, 4], [k, 4]] + neighbours.map { [$0, k, 4] }),
            reader.remaining == expected
        else {
            throw .corrupt(path, "the file is truncated or has extra bytes")
        }
        let keys = (0..<d).map { _ in reader.uint64()! }
        guard Set(keys).count == d else { throw .corrupt(path, "repeated feature keys") }
        let vocabulary = FeatureTable(keys: keys, columns: (0..<d).map { Int32($0) })
        let idf = reader.floats(d)
        let weights = reader.floats(d * k)
        let biases = reader.floats(k)
        let scope = metadata.scope.map { record in
            ScopeScorer(
                classCount: k, neighbours: record.neighbours.map { reader.floats($0 * k) },
                confidenceMean: record.confidenceMean, confidenceDeviation: record.confidenceDeviation,
                similarityMean: record.similarityMean, similarityDeviation: record.similarityDeviation,
                similarityWeight: record.similarityWeight, sumDeviation: record.sumDeviation)
        }
        let features = metadata.features
        let classifier = IntentClassifier(
            labels: metadata.labels,
            hasher: FeatureHasher(configuration: features, stopwords: Stopwords(metadata.stopwords)),
            vectorizer: TfidfVectorizer(
                vocabulary: vocabulary, wordFeatureCount: metadata.wordFeatureCount, idf: idf,
                charWeight: features.charWeight),
            model: LinearModel(classCount: k, dimension: d, weights: weights, biases: biases),
            confidenceScale: metadata.confidenceScale,
            corrector: metadata.spelling.map {
                SpellingCorrector(words: $0.words, stems: $0.stems, minimumLength: $0.minimumLength)
            },
            scope: scope
        )
        return ModelArtifact(metadata: metadata, classifier: classifier)
    }

    /// The sum of the products of `terms`' factors; nil when it overflows.
    static func bytes(_ terms: [[Int]]) -> Int? {
        var total = 0
        for factors in terms {
            var product = 1
            for factor in factors {
                let (value, overflow) = product.multipliedReportingOverflow(by: factor)
                guard !overflow else { return nil }
                product = value
            }
            let (sum, overflow) = total.addingReportingOverflow(product)
            guard !overflow else { return nil }
            total = sum
        }
        return total
    }

    init(metadata: Metadata, classifier: IntentClassifier) {
        self.metadata = metadata
        self.classifier = classifier
    }

    private func append<T: FixedWidthInteger>(_ value: T, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }
}

/// Reads little-endian values from a byte buffer.
private struct ByteReader {
    let data: Data
    var offset: Int

    init(data: Data) {
        self.data = data
        offset = data.startIndex
    }

    var remaining: Int { data.endIndex - offset }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, remaining >= count else { return nil }
        defer { offset += count }
        return Array(data[offset..<(offset + count)])
    }

    mutating func integer<T: FixedWidthInteger>(_ type: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { return nil }
        var value = T.zero
        withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: data[offset..<(offset + size)]) }
        offset += size
        return T(littleEndian: value)
    }

    mutating func uint32() -> UInt32? { integer(UInt32.self) }
    mutating func uint64() -> UInt64? { integer(UInt64.self) }

    mutating func floats(_ count: Int) -> [Float] {
        (0..<count).map { _ in Float(bitPattern: integer(UInt32.self) ?? 0) }
    }
}

/// Why a model file could not be used.
public enum ModelArtifactError: Error, Sendable, CustomStringConvertible {
    case missing(String)
    case corrupt(String, String)
    case incompatible(String, Int)

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no model file; run 'parley train' first"
        case .corrupt(let path, let reason): "\(path): \(reason); run 'parley train' to write it again"
        case .incompatible(let path, let version):
            "\(path): model format \(version) is not supported (expected \(ModelArtifact.formatVersion)); run 'parley train' again"
        }
    }
}
