/// Spelling mistakes put into test messages with a fixed seed, so accuracy on
/// misspelt messages can be measured and compared run after run.
///
/// Each word of `minimumLength` letters or more gets, with probability `rate`,
/// one mistake of four equally likely kinds: a letter left out, a letter added,
/// a letter replaced (by a random a–z) or two neighbouring letters swapped.
public struct Typos {
    public var rate: Double
    public var minimumLength: Int
    private var state: UInt64

    public init(rate: Double = 0.3, minimumLength: Int = 4, seed: UInt64) {
        self.rate = rate
        self.minimumLength = minimumLength
        state = seed
    }

    /// `text` with mistakes in some of its words; everything else as it was.
    public mutating func apply(to text: String) -> String {
        var result = ""
        var word: [Character] = []
        for character in text {
            if character.isLetter {
                word.append(character)
            } else {
                result += misspell(word)
                word = []
                result.append(character)
            }
        }
        return result + misspell(word)
    }

    private mutating func misspell(_ word: [Character]) -> String {
        guard word.count >= minimumLength, Double(next() % 1_000_000) / 1_000_000 < rate else { return String(word) }
        var letters = word
        let position = Int(next() % UInt64(letters.count))
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        switch next() % 4 {
        case 0: letters.remove(at: position)
        case 1: letters.insert(alphabet[Int(next() % 26)], at: position)
        case 2: letters[position] = alphabet[Int(next() % 26)]
        default:
            let first = min(position, letters.count - 2)
            letters.swapAt(first, first + 1)
        }
        return String(letters)
    }

    /// SplitMix64 (Steele et al.).
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
