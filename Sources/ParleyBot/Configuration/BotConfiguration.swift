internal import Foundation
public import ParleyNLP
internal import Yams

/// A bot's settings, from `bot.yml` beside its `intents/` folder. Every key is
/// optional; a missing file means the defaults.
///
/// ```yaml
/// language: en          # BCP 47; English gets stemming and the English stopwords
/// stopwords:
///   add: [kindly]       # words to ignore in content bigrams, on top of the language's list
///   remove: [help]      # words of the list to keep
/// ```
public struct BotConfiguration: Sendable {
    public var language: String
    public var stopwordsAdded: [String]
    public var stopwordsRemoved: [String]

    public init(language: String = "en", stopwordsAdded: [String] = [], stopwordsRemoved: [String] = []) {
        self.language = language
        self.stopwordsAdded = stopwordsAdded
        self.stopwordsRemoved = stopwordsRemoved
    }

    /// The stopword list: the language's, with the bot's additions and removals.
    public var stopwords: Stopwords {
        let removed = Set(stopwordsRemoved.map(TextNormalizer.normalize))
        let base = Stopwords.forLanguage(language).words.subtracting(removed)
        return Stopwords(base.union(stopwordsAdded.map(TextNormalizer.normalize)).sorted())
    }

    /// How this bot's messages are understood.
    public var nlu: NLUConfiguration {
        NLUConfiguration(language: language, stopwords: stopwords)
    }

    /// Reads `path`; a missing file gives the defaults.
    public static func load(path: String) throws(TrainingDataError) -> BotConfiguration {
        guard FileManager.default.fileExists(atPath: path) else { return BotConfiguration() }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw .unreadable(path: path, reason: "cannot read the file as UTF-8") }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(TrainingDataError) -> BotConfiguration {
        func issue(_ node: Node?, _ message: String) -> TrainingDataError {
            .invalid([ValidationIssue(SourceLocation(file: path, line: node?.mark?.line ?? 1), message)])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw .invalid([ValidationIssue(SourceLocation(file: path, line: 1), "invalid YAML: \(error)")])
        }
        var configuration = BotConfiguration()
        guard let root else { return configuration }
        guard let mapping = root.mapping else { throw issue(root, "expected settings such as 'language: en'") }
        for (key, value) in mapping {
            switch key.scalar?.string {
            case "language":
                guard let language = value.scalar?.string, !language.isEmpty,
                    language.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" })
                else { throw issue(value, "'language' must be a language code such as en") }
                configuration.language = language
            case "stopwords":
                guard let lists = value.mapping else {
                    throw issue(value, "'stopwords' takes 'add' and 'remove' lists")
                }
                for (listKey, list) in lists {
                    guard let words = list.sequence?.compactMap({ $0.scalar?.string }),
                        words.count == list.sequence?.count
                    else { throw issue(list, "stopwords '\(listKey.scalar?.string ?? "")' must be a list of words") }
                    switch listKey.scalar?.string {
                    case "add": configuration.stopwordsAdded = words
                    case "remove": configuration.stopwordsRemoved = words
                    default:
                        throw issue(listKey, "unknown key '\(listKey.scalar?.string ?? "")' (expected add, remove)")
                    }
                }
            default:
                throw issue(key, "unknown setting '\(key.scalar?.string ?? "")' (expected language, stopwords)")
            }
        }
        return configuration
    }
}
