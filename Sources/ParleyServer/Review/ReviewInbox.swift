public import Foundation
public import ParleyBot
internal import ParleyNLP
public import ParleyStore

/// The trainers' review inbox, for `parley review` and `/api/admin/review`
/// alike: customer messages the bot fell back on, answered unsure, or
/// answered just before an agent took over (`CRMStore.reviewInbox`), grouped
/// by similarity with the classifier's own stems (`FallbackInbox`), biggest
/// group first; and the decisions on them, which take them out of the inbox:
/// assign to an intent, create an intent, out of scope, dismiss.
///
/// An actor so that two decisions never edit the same file at once.
public actor ReviewInbox {
    public nonisolated let store: any CRMStore
    /// The bot's files: examples go to `intents`, a new intent's reply to `responses`.
    public nonisolated let paths: Bot.Paths
    /// The language and stopwords the grouping reads messages with.
    public nonisolated let configuration: BotConfiguration

    /// Each reviewed message's stems, by id (a message's text never changes), so that a page
    /// does not read every message again; emptied past 100,000.
    private var stemsById: [Int64: Set<String>] = [:]
    /// The intents folder's examples (lower-cased; nil when it does not validate), and the
    /// files' sizes and dates they were read at.
    private var knownExamples: (signature: [String: [Double]], texts: Set<String>?)?
    private let grouping: FallbackInbox

    public init(store: any CRMStore, paths: Bot.Paths, configuration: BotConfiguration) {
        self.store = store
        self.paths = paths
        self.configuration = configuration
        self.grouping = FallbackInbox(
            preprocessor: TextPreprocessor(language: configuration.language), stopwords: configuration.stopwords)
    }

    /// The groups of the latest `window` messages to review (a bot answer
    /// below `lowConfidenceBelow`, 0 to 1, counts as unsure), biggest first.
    /// Messages already examples in the intents folder are left out (when the
    /// folder validates; `knownExamplesChecked` says whether it did).
    public func groups(lowConfidenceBelow: Double, window: Int) async throws -> (
        groups: [ReviewGroup], knownExamplesChecked: Bool, truncated: Bool
    ) {
        let items = try await store.reviewInbox(lowConfidenceBelow: lowConfidenceBelow, limit: window + 1)
        let truncated = items.count > window
        let known = knownTexts()
        let fresh = items.prefix(window).filter { !(known?.contains($0.message.text.lowercased()) ?? false) }
        if stemsById.count > 100_000 { stemsById = [:] }
        for item in fresh {
            if let id = item.message.id, stemsById[id] == nil { stemsById[id] = grouping.stems(of: item.message.text) }
        }
        let groups = grouping.group(
            Array(fresh),
            stems: { item in item.message.id.flatMap { stemsById[$0] } ?? grouping.stems(of: item.message.text) }
        ).map { ReviewGroup(label: $0.label, items: $0.messages) }
        return (groups, known != nil, truncated)
    }

    /// The intents folder's examples, lower-cased, read again only when a file changed; nil when it does not validate.
    private func knownTexts() -> Set<String>? {
        var signature: [String: [Double]] = [:]
        let files = FileManager.default
        for file in files.enumerator(atPath: paths.intents)?.compactMap({ $0 as? String }) ?? [] {
            let attributes = try? files.attributesOfItem(
                atPath: (paths.intents as NSString).appendingPathComponent(file))
            signature[file] = [
                (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0,
                Double((attributes?[.size] as? Int) ?? 0),
            ]
        }
        if let knownExamples, knownExamples.signature == signature { return knownExamples.texts }
        let texts = (try? IntentFiles.load(folder: paths.intents)).map { Set($0.examples.map { $0.text.lowercased() }) }
        knownExamples = (signature, texts)
        return texts
    }

    /// Page `page` (from 1) of `limit` groups of `groups(lowConfidenceBelow:window:)`.
    public func page(_ page: Int, limit: Int, lowConfidenceBelow: Double, window: Int) async throws -> ReviewPage {
        let (groups, _, truncated) = try await self.groups(lowConfidenceBelow: lowConfidenceBelow, window: window)
        let start = min((page - 1) * limit, groups.count)
        return ReviewPage(
            page: page, limit: limit, groupsTotal: groups.count, messagesTotal: groups.reduce(0) { $0 + $1.count },
            window: window, truncated: truncated, groups: Array(groups[start..<min(start + limit, groups.count)]))
    }

    /// Adds the messages `ids` as examples of the existing intent `intent`
    /// (`IntentFileEditor`) and takes them out of the inbox.
    public func assign(_ ids: [Int64], to intent: String, by actor: String) async throws -> ReviewOutcome {
        let messages = try await customerMessages(ids)
        let written: (file: String, lines: [Int])
        do {
            written = try IntentFileEditor(folder: paths.intents).append(try examples(of: messages), to: intent)
        } catch let error as IntentFileEditor.EditError {
            throw ReviewError.edit(error)
        }
        try await record(ids, .assigned, intent: intent, by: actor)
        return ReviewOutcome(
            decision: .assigned, intent: intent, messageIds: ids,
            files: [.init(path: written.file, lines: written.lines)])
    }

    /// Creates the intent `name` with the messages `ids` as its examples and
    /// `reply` as its response (`IntentCreator`), and takes them out of the inbox.
    public func createIntent(
        _ name: String, description: String, reply: String, from ids: [Int64], by actor: String
    ) async throws -> ReviewOutcome {
        let messages = try await customerMessages(ids)
        let written: (intentFile: String, responseFile: String)
        do {
            written = try IntentCreator(paths: paths).create(
                name: name, description: description, reply: reply, examples: try examples(of: messages))
        } catch let error as IntentCreator.CreateError {
            throw ReviewError.create(error)
        }
        try await record(ids, .newIntent, intent: name, by: actor)
        return ReviewOutcome(
            decision: .newIntent, intent: name, messageIds: ids,
            files: [.init(path: written.intentFile), .init(path: written.responseFile)])
    }

    /// Takes the messages `ids` out of the inbox as out of scope: the bot was right to fall back. No file changes.
    public func markOutOfScope(_ ids: [Int64], by actor: String) async throws -> ReviewOutcome {
        try await markOnly(ids, .outOfScope, by: actor)
    }

    /// Takes the messages `ids` out of the inbox with nothing to learn from them. No file changes.
    public func dismiss(_ ids: [Int64], by actor: String) async throws -> ReviewOutcome {
        try await markOnly(ids, .dismissed, by: actor)
    }

    private func markOnly(_ ids: [Int64], _ decision: ReviewDecision.Kind, by actor: String) async throws
        -> ReviewOutcome
    {
        _ = try await customerMessages(ids)
        try await record(ids, decision, intent: nil, by: actor)
        return ReviewOutcome(decision: decision, messageIds: ids, files: [])
    }

    /// The messages' texts as examples, the entities of types the trainers define (patterns,
    /// catalogues: `[A-10234](order_id)`) annotated as in their own examples; built-in types
    /// (emails, numbers, dates) are left as text, as trainers write them.
    private func examples(of messages: [StoredMessage]) throws -> [String] {
        let lookAnnotated = messages.filter { (try? ExampleAnnotations.parse($0.text).get().entities.isEmpty) != true }
        guard lookAnnotated.isEmpty else { throw ReviewError.readsAsAnnotation(lookAnnotated.compactMap(\.id)) }
        let elsewhere = messages.filter { WritingScripts.isInAnotherScript($0.text, language: configuration.language) }
        guard elsewhere.isEmpty else {
            throw ReviewError.otherLanguage(elsewhere.compactMap(\.id), language: configuration.language)
        }
        let defined = Set(try IntentFiles.load(folder: paths.intents).entities.map(\.name))
        return messages.map { message in
            ExampleAnnotations.annotated(
                message.text,
                with: message.entities.filter { defined.contains($0.type) }.map {
                    EntityAnnotation(entity: $0.type, value: $0.text, start: $0.start, end: $0.end)
                })
        }
    }

    /// The messages `ids`, each a customer's; throws otherwise.
    private func customerMessages(_ ids: [Int64]) async throws -> [StoredMessage] {
        guard !ids.isEmpty else { throw ReviewError.noMessages }
        let messages = try await store.messages(ids: ids)
        let missing = Set(ids).subtracting(messages.compactMap(\.id))
        guard missing.isEmpty else { throw ReviewError.unknownMessages(missing.sorted()) }
        let others = messages.filter { $0.sender != .customer }.compactMap(\.id)
        guard others.isEmpty else { throw ReviewError.notCustomerMessages(others) }
        return messages
    }

    private func record(_ ids: [Int64], _ kind: ReviewDecision.Kind, intent: String?, by actor: String) async throws {
        let now = Date()
        try await store.decide(
            Set(ids).sorted().map {
                ReviewDecision(messageId: $0, kind: kind, intent: intent, decidedBy: actor, decidedAt: now)
            })
    }
}
