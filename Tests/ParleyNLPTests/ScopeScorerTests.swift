import Testing

@testable import ParleyNLP

@Suite struct ScopeScorerTests {
    /// Three intents; each example's decision values point mostly at its own intent.
    let vectors: [[Float]] = [
        [2, -1, -1], [1.8, -0.8, -1.1], [2.2, -1.2, -0.9],
        [-1, 2, -1], [-0.9, 1.9, -1.2], [-1.1, 2.1, -0.8],
        [-1, -1, 2], [-1.2, -0.9, 1.8], [-0.8, -1.1, 2.2],
    ]
    let labels = [0, 0, 0, 1, 1, 1, 2, 2, 2]

    @Test func anExampleIsNotItsOwnNeighbour() {
        let (neighbours, similarities) = ScopeScorer.outOfFoldNeighbours(
            vectors: vectors, labels: labels, predicted: labels, classCount: 3)
        #expect(neighbours.map(\.count) == [9, 9, 9])
        // Its own vector would give exactly 1.
        #expect(similarities.allSatisfy { $0 < 0.9999 && $0 > 0.9 })
        // An example predicted as another intent is compared with that intent's examples, all of them.
        let (_, wrong) = ScopeScorer.outOfFoldNeighbours(
            vectors: vectors, labels: labels, predicted: [1, 0, 0, 1, 1, 1, 2, 2, 2], classCount: 3)
        #expect(wrong[0] < 0)
    }

    @Test func aMessageUnlikeEveryExampleScoresLowerAtTheSameConfidence() {
        let (neighbours, similarities) = ScopeScorer.outOfFoldNeighbours(
            vectors: vectors, labels: labels, predicted: labels, classCount: 3)
        let confidences = [0.9, 0.85, 0.95, 0.9, 0.8, 0.92, 0.88, 0.9, 0.93]
        let scorer = ScopeScorer(
            classCount: 3, neighbours: neighbours, confidences: confidences, similarities: similarities,
            similarityWeight: 1)
        // Two intents about as likely: a pattern no example of intent 0 has.
        let typical = scorer.similarity([2, -1, -1], to: 0)
        let unlike = scorer.similarity([1, 0.9, -1.5], to: 0)
        #expect(typical > 0.99 && unlike < typical)
        #expect(scorer.score(confidence: 0.9, similarity: unlike) < scorer.score(confidence: 0.9, similarity: typical))
        // A score is a logistic: in (0, 1), 0.5 for the examples' average.
        let mean = similarities.reduce(0, +) / Double(similarities.count)
        let average = scorer.score(confidence: confidences.reduce(0, +) / 9, similarity: mean)
        #expect(abs(average - 0.5) < 1e-9)
        // With the similarity weighed at 0 the score follows the confidence alone.
        let confidenceOnly = ScopeScorer(
            classCount: 3, neighbours: neighbours, confidences: confidences, similarities: similarities,
            similarityWeight: 0)
        #expect(
            confidenceOnly.score(confidence: 0.9, similarity: unlike)
                == confidenceOnly.score(confidence: 0.9, similarity: typical))
        #expect(scorer.similarity([1, 0], to: 0) == -1)
    }
}
