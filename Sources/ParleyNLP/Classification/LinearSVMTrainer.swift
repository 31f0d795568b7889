internal import Dispatch

/// Trains one-vs-rest L2-regularised, L2-loss linear support vector machines
/// by dual coordinate descent with shrinking (Hsieh et al., ICML 2008; the
/// solver behind LIBLINEAR and scikit-learn's `LinearSVC`).
///
/// Classes train in parallel on all cores. Training is deterministic: the
/// visiting order comes from a fixed-seed generator, so the same data always
/// gives the same weights.
public struct LinearSVMTrainer: Sendable {
    /// The penalty C: larger fits the training data harder.
    public var cost: Float
    /// Stop when the projected-gradient gap falls below this.
    public var tolerance: Float
    public var maxIterations: Int
    /// The value of the constant bias feature (LIBLINEAR's `-B`).
    public var bias: Float

    public init(cost: Float = 0.5, tolerance: Float = 0.1, maxIterations: Int = 1000, bias: Float = 1) {
        self.cost = cost
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.bias = bias
    }

    /// Trains on `vectors` labelled with class numbers in `0..<classCount`.
    public func train(vectors: [SparseVector], labels: [Int], classCount: Int, dimension: Int) -> LinearModel {
        precondition(vectors.count == labels.count)
        let data = TrainingMatrix(vectors: vectors, bias: bias, diagonal: 0.5 / cost)
        let columns = ClassColumns(classCount: classCount, dimension: dimension)
        DispatchQueue.concurrentPerform(iterations: classCount) { k in
            let (w, b) = trainOneVersusRest(data: data, positive: k, labels: labels, dimension: dimension)
            columns.store(class: k, weights: w, bias: b)
        }
        return columns.model()
    }

    private func trainOneVersusRest(data: TrainingMatrix, positive: Int, labels: [Int], dimension: Int) -> (
        [Float], Float
    ) {
        let l = labels.count
        var w = [Float](repeating: 0, count: dimension)
        var wb: Float = 0
        var alpha = [Float](repeating: 0, count: l)
        var order = Array(0..<l)
        var activeSize = l
        var generator = SeededGenerator(seed: 0x5EED_0000 &+ UInt64(positive))
        var maxOld = Float.infinity
        let diagonal = data.diagonal
        w.withUnsafeMutableBufferPointer { w in
            data.columns.withUnsafeBufferPointer { columns in
                data.values.withUnsafeBufferPointer { values in
                    for _ in 0..<maxIterations {
                        var maxNew = -Float.infinity
                        var minNew = Float.infinity
                        if activeSize > 1 {
                            for i in 0..<(activeSize - 1) {
                                let j = i + Int(generator.next() % UInt64(activeSize - i))
                                order.swapAt(i, j)
                            }
                        }
                        var s = 0
                        while s < activeSize {
                            let i = order[s]
                            let y: Float = labels[i] == positive ? 1 : -1
                            let start = data.rowStarts[i]
                            let end = data.rowStarts[i + 1]
                            var dot = wb * bias
                            for p in start..<end { dot += w[Int(columns[p])] * values[p] }
                            let gradient = y * dot - 1 + diagonal * alpha[i]
                            var projected: Float = 0
                            if alpha[i] == 0 {
                                if gradient > maxOld {
                                    activeSize -= 1
                                    order.swapAt(s, activeSize)
                                    continue
                                } else if gradient < 0 {
                                    projected = gradient
                                }
                            } else {
                                projected = gradient
                            }
                            maxNew = max(maxNew, projected)
                            minNew = min(minNew, projected)
                            if abs(projected) > 1e-12 {
                                let old = alpha[i]
                                alpha[i] = max(old - gradient / data.squaredNorms[i], 0)
                                let delta = (alpha[i] - old) * y
                                for p in start..<end { w[Int(columns[p])] += delta * values[p] }
                                wb += delta * bias
                            }
                            s += 1
                        }
                        if maxNew - minNew <= tolerance {
                            if activeSize == l { break }
                            activeSize = l
                            maxOld = .infinity
                            continue
                        }
                        maxOld = maxNew <= 0 ? .infinity : maxNew
                    }
                }
            }
        }
        return (w, wb * bias)
    }
}

/// The training vectors in compressed sparse rows, with LIBLINEAR's `QD`.
private struct TrainingMatrix: Sendable {
    var rowStarts: [Int]
    var columns: [Int32]
    var values: [Float]
    /// ‖x‖² plus the bias feature and the L2-loss diagonal, per row.
    var squaredNorms: [Float]
    var diagonal: Float

    init(vectors: [SparseVector], bias: Float, diagonal: Float) {
        rowStarts = [0]
        columns = []
        values = []
        squaredNorms = []
        for vector in vectors {
            columns.append(contentsOf: vector.indices)
            values.append(contentsOf: vector.values)
            rowStarts.append(columns.count)
            squaredNorms.append(vector.squaredNorm + bias * bias + diagonal)
        }
        self.diagonal = diagonal
    }
}

/// Collects the per-class weight vectors trained in parallel.
private final class ClassColumns: @unchecked Sendable {
    // Unchecked: each class writes only its own column and bias, from exactly
    // one worker, and `model()` reads only after `concurrentPerform` returned.
    private let weights: UnsafeMutableBufferPointer<Float>
    private let biases: UnsafeMutableBufferPointer<Float>
    private let classCount: Int
    private let dimension: Int

    init(classCount: Int, dimension: Int) {
        self.classCount = classCount
        self.dimension = dimension
        weights = .allocate(capacity: classCount * dimension)
        weights.initialize(repeating: 0)
        biases = .allocate(capacity: classCount)
        biases.initialize(repeating: 0)
    }

    deinit {
        weights.deallocate()
        biases.deallocate()
    }

    func store(class k: Int, weights column: [Float], bias: Float) {
        for feature in 0..<dimension { weights[feature * classCount + k] = column[feature] }
        biases[k] = bias
    }

    func model() -> LinearModel {
        LinearModel(classCount: classCount, dimension: dimension, weights: Array(weights), biases: Array(biases))
    }
}
