/// A linear multi-class model: one weight vector and bias per class.
///
/// Weights are stored feature-major (`weights[feature * classCount + class]`),
/// so scoring a sparse message touches one contiguous row per feature.
public struct LinearModel: Sendable {
    public let classCount: Int
    public let dimension: Int
    public let weights: [Float]
    public let biases: [Float]

    public init(classCount: Int, dimension: Int, weights: [Float], biases: [Float]) {
        precondition(weights.count == classCount * dimension && biases.count == classCount)
        self.classCount = classCount
        self.dimension = dimension
        self.weights = weights
        self.biases = biases
    }

    /// The decision value of every class for `vector`.
    public func scores(_ vector: SparseVector) -> [Float] {
        var scores = biases
        let k = classCount
        scores.withUnsafeMutableBufferPointer { out in
            weights.withUnsafeBufferPointer { w in
                for (index, value) in zip(vector.indices, vector.values) {
                    let row = Int(index) * k
                    for c in 0..<k { out[c] += value * w[row + c] }
                }
            }
        }
        return scores
    }
}
