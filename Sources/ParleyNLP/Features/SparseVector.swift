/// A sparse feature vector: distinct indices and their values.
public struct SparseVector: Sendable, Hashable {
    public var indices: [Int32]
    public var values: [Float]

    public init(indices: [Int32] = [], values: [Float] = []) {
        precondition(indices.count == values.count, "one value per index")
        self.indices = indices
        self.values = values
    }

    /// The squared Euclidean norm.
    public var squaredNorm: Float {
        values.reduce(0) { $0 + $1 * $1 }
    }
}
