public import ParleyNLP

/// A fraction of a data set's intents held out as out of scope: their examples
/// leave the training set, and their test messages are labelled out of scope,
/// to measure out-of-scope detection on a data set that has none.
public struct IntentHoldout: Sendable {
    /// The held-out intents.
    public let intents: Set<String>

    /// Picks `fraction` of the intents of `examples` (rounded down), in an order
    /// shuffled by a generator seeded with `seed`, so the same seed always holds
    /// out the same intents.
    public init(_ examples: [LabeledExample], fraction: Double, seed: UInt64) {
        var names = Set(examples.map(\.intent)).sorted()
        var generator = SeededGenerator(seed: seed)
        names.shuffle(using: &generator)
        intents = Set(names.prefix(Int((Double(names.count) * fraction).rounded(.down))))
    }

    /// `examples` without the held-out intents.
    public func training(_ examples: [LabeledExample]) -> [LabeledExample] {
        examples.filter { !intents.contains($0.intent) }
    }

    /// `examples` with the held-out intents relabelled `outOfScopeLabel`.
    public func testing(_ examples: [LabeledExample], outOfScopeLabel: String) -> [LabeledExample] {
        examples.map { example in
            var example = example
            if intents.contains(example.intent) { example.intent = outOfScopeLabel }
            return example
        }
    }
}
