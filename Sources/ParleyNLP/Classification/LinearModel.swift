/// A linear multi-class model: one weight vector and bias per class.
///
/// Weights are stored feature-major in rows of `SIMD8<Float>` (each row padded
/// to a multiple of eight classes), so scoring a sparse message adds one
/// short run of vector multiply-adds per feature.
public struct LinearModel: Sendable {
    public let classCount: Int
    public let dimension: Int
    public let biases: [Float]
    /// Vectors per feature row.
    private let stride: Int
    private let rows: [SIMD8<Float>]

    /// A model from flat feature-major weights (`weights[feature * classCount + class]`).
    public init(classCount: Int, dimension: Int, weights: [Float], biases: [Float]) {
        precondition(weights.count == classCount * dimension && biases.count == classCount)
        self.classCount = classCount
        self.dimension = dimension
        self.biases = biases
        let stride = (classCount + 7) / 8
        self.stride = stride
        var rows = [SIMD8<Float>](repeating: .zero, count: stride * dimension)
        for feature in 0..<dimension {
            for k in 0..<classCount {
                rows[feature * stride + k / 8][k % 8] = weights[feature * classCount + k]
            }
        }
        self.rows = rows
    }

    /// The flat feature-major weights (`weights[feature * classCount + class]`).
    public var weights: [Float] {
        var flat = [Float](repeating: 0, count: classCount * dimension)
        for feature in 0..<dimension {
            for k in 0..<classCount { flat[feature * classCount + k] = rows[feature * stride + k / 8][k % 8] }
        }
        return flat
    }

    /// The decision value of every class for `vector`.
    public func scores(_ vector: SparseVector) -> [Float] {
        var sums = [SIMD8<Float>](repeating: .zero, count: stride)
        let stride = self.stride
        sums.withUnsafeMutableBufferPointer { sums in
            rows.withUnsafeBufferPointer { rows in
                for (index, value) in zip(vector.indices, vector.values) {
                    let row = Int(index) * stride
                    let scale = SIMD8<Float>(repeating: value)
                    for j in 0..<stride { sums[j] += scale * rows[row + j] }
                }
            }
        }
        var scores = biases
        for k in 0..<classCount { scores[k] += sums[k / 8][k % 8] }
        return scores
    }
}
