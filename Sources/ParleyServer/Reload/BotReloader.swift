internal import Foundation
internal import NIOPosix
public import ParleyBot
internal import ParleyStore

/// Rebuilds a running server's bot from its files and has the chat service
/// answer with it, one reload at a time (a second one meanwhile is refused
/// with `busy`, so two can never mix). The files are validated, and the model
/// trained when the intents or language settings changed, on NIO's blocking
/// thread pool; conversations go on meanwhile with the running bot. Mistakes
/// leave the running bot untouched. A bot that goes live is stored as a
/// `ModelVersion` (when, by whom, from which files).
public actor BotReloader {
    /// What a server's bot was built from, so that it can be built again.
    public struct Source: Sendable {
        public var paths: Bot.Paths
        /// The bot the server starts with.
        public var running: BotBuild

        public init(paths: Bot.Paths, running: BotBuild) {
            self.paths = paths
            self.running = running
        }
    }

    private let paths: Bot.Paths
    private var running: BotBuild
    /// Who started the reload in hand, and when; nil when none runs.
    private var inHand: (actor: String, since: Date)?
    /// The running files' out-of-fold predictions, once a reload measured them.
    private var heldOut: HeldOutPredictions?
    /// The running model's evaluation page, computed once per model version (`evaluationPage`).
    private var evaluation: (version: String, page: Task<String, any Error>)?

    init(_ source: Source) {
        self.paths = source.paths
        self.running = source.running
    }

    /// Stores the version the server starts with, unless it is the latest stored.
    func recordStart(into store: any CRMStore) async throws {
        let latest = try await store.modelVersions(limit: 1).first
        guard latest?.version != running.bot.modelVersion || latest?.repliesVersion != running.bot.repliesVersion
        else { return }
        _ = try await store.record(Self.version(of: running, kind: .started, by: "server"))
    }

    /// Builds the bot again from its files and, when it differs from the
    /// running one and passes the checks (or `force`), swaps it into
    /// `service` and stores its version. The checks: a new model's macro-F1
    /// out of fold may drop by at most `max_macro_f1_drop` points against the
    /// running files', and every conversation test must pass.
    func reload(by actor: String, force: Bool, into service: ChatService) async -> ReloadResult {
        if let inHand {
            return ReloadResult(
                status: .busy,
                message:
                    "a reload started by \(inHand.actor) at \(inHand.since.formatted(.iso8601)) is still running; "
                    + "try again when it has finished")
        }
        inHand = (actor, Date())
        defer { inHand = nil }
        let started = ContinuousClock.now
        let (paths, previous) = (self.paths, running)
        let build: BotBuild
        let scripts: [ConversationScript]
        do {
            (build, scripts) = try await NIOThreadPool.singleton.runIfActive {
                try Self.rebuild(paths, reusing: previous)
            }
        } catch let error as TrainingDataError {
            var result = ReloadResult(
                status: .invalid,
                message: "the files have mistakes; the running bot (\(previous.bot.modelVersion)) goes on")
            result.errors = error.issues.map(\.description)
            return result
        } catch {
            return ReloadResult(status: .failed, message: "the bot could not be rebuilt: \(error)")
        }
        let (old, new) = (previous.bot, build.bot)
        guard old.modelVersion != new.modelVersion || old.repliesVersion != new.repliesVersion else {
            var result = ReloadResult(
                status: .unchanged,
                message: "the files are those of the running bot (\(old.modelVersion)); nothing changed")
            result.modelVersion = old.modelVersion
            result.repliesVersion = old.repliesVersion
            return result
        }
        let kind: ModelVersion.Kind = old.modelVersion == new.modelVersion ? .repliesOnly : .retrained
        var result = ReloadResult(status: .reloaded, message: "")
        result.modelVersion = new.modelVersion
        result.previousModelVersion = old.modelVersion
        result.repliesVersion = new.repliesVersion
        result.retrained = build.retrained || kind == .retrained
        result.conversationTests = scripts.count
        var refusals: [String] = []
        var measured: HeldOutPredictions?
        if kind == .retrained {
            do {
                let (before, after) = try await heldOut(previous: previous, build: build)
                let comparison = ModelComparison(before: before, after: after, running: old.pipeline)
                result.comparison = comparison
                measured = after
                let limit = build.configuration.maxMacroF1Drop
                if comparison.macroF1Drop > limit {
                    refusals.append(
                        String(
                            format: "macro-F1 out of fold over the intents both have dropped by %.1f points "
                                + "(%.3f → %.3f), more than max_macro_f1_drop (%g)", comparison.macroF1Drop,
                            comparison.sharedMacroF1Before, comparison.sharedMacroF1After, limit))
                }
            } catch {
                return ReloadResult(status: .failed, message: "the new model could not be measured: \(error)")
            }
        }
        let tester = ConversationTester(bot: new, others: service.actions)
        var failures: [String] = []
        for script in scripts { failures += await tester.run(script).map(\.description) }
        if !failures.isEmpty {
            refusals.append("\(failures.count) turn(s) of the conversation tests went differently")
        }
        if !refusals.isEmpty && !force {
            result.status = .refused
            result.message =
                refusals.joined(separator: "; ")
                + "; the running bot (\(old.modelVersion)) goes on (force reloads anyway)"
            result.errors = failures
            result.seconds = (ContinuousClock.now - started).seconds
            return result
        }
        result.readySeconds = (ContinuousClock.now - started).seconds
        var version = Self.version(of: build, kind: kind, by: actor)
        version.macroF1 = result.comparison?.macroF1After
        version.evaluation = result.comparison.map(WireCoding.line)
        do {
            _ = try await service.store.record(version)
        } catch {
            return ReloadResult(
                status: .failed,
                message: "the new version could not be stored, so it did not go live (the CRM store: \(error))")
        }
        await service.swap(to: new)
        running = build
        if let measured { heldOut = measured }
        result.message =
            kind == .repliesOnly
            ? "replies and settings reloaded; the model (\(new.modelVersion)) stayed"
            : "model \(new.modelVersion) answers now (was \(old.modelVersion))"
        result.seconds = (ContinuousClock.now - started).seconds
        result.warnings =
            build.warnings.map(\.description)
            + Self.restartWarnings(from: previous.configuration, to: build.configuration)
        if !refusals.isEmpty { result.warnings += refusals.map { "forced past: \($0)" } + failures }
        return result
    }

    /// The evaluation report of the running model as one self-contained HTML
    /// page, the page `parley evaluate --train INTENTS --config BOT.yml --html`
    /// writes: 5-fold cross-validation of the examples the model was trained
    /// from, with its settings, on the blocking thread pool. Computed once per
    /// model version (the first request waits for it); throws when it cannot be.
    func evaluationPage() async throws -> String {
        let build = running
        let version = build.bot.modelVersion
        if let evaluation, evaluation.version == version { return try await evaluation.page.value }
        let title = "\(paths.intents) (model \(version))"
        let page = Task {
            try await NIOThreadPool.singleton.runIfActive {
                var report = try Evaluator(configuration: build.configuration.nlu).crossValidate(build.data.examples)
                report.entities = try EntityEvaluation(
                    definitions: build.data.entities, language: build.configuration.nlu.language
                ).scores(build.data.examples)
                return EvaluationPage.html(report, title: title)
            }
        }
        evaluation = (version, page)
        do {
            return try await page.value
        } catch {
            if evaluation?.version == version { evaluation = nil }
            throw error
        }
    }

    /// Out-of-fold predictions of the running files (kept from the last
    /// reload, else measured now) and of the new ones, on the blocking thread pool.
    private func heldOut(previous: BotBuild, build: BotBuild) async throws -> (
        HeldOutPredictions, HeldOutPredictions
    ) {
        let kept = heldOut?.sourceHash == previous.data.sourceHash ? heldOut : nil
        return try await NIOThreadPool.singleton.runIfActive {
            (
                kept ?? HeldOutPredictions(previous.data, configuration: previous.configuration.nlu),
                HeldOutPredictions(build.data, configuration: build.configuration.nlu)
            )
        }
    }

    /// The bot built from the files at `paths`, and the conversation scripts;
    /// the mistakes of both in one `TrainingDataError.invalid`.
    static func rebuild(_ paths: Bot.Paths, reusing previous: BotBuild) throws -> (BotBuild, [ConversationScript]) {
        var issues: [ValidationIssue] = []
        var scripts: [ConversationScript] = []
        if let folder = paths.conversations, FileManager.default.fileExists(atPath: folder) {
            do {
                scripts = try ConversationScripts.load(path: folder)
            } catch {
                issues = error.issues
            }
        }
        let build: BotBuild
        do {
            build = try BotBuild.load(paths, reusing: previous)
        } catch let error as TrainingDataError {
            throw TrainingDataError.invalid(error.issues + issues)
        }
        if !issues.isEmpty { throw TrainingDataError.invalid(issues) }
        return (build, scripts)
    }

    /// The settings a reload cannot change in a running server.
    static func restartWarnings(from old: BotConfiguration, to new: BotConfiguration) -> [String] {
        var warnings: [String] = []
        if old.demoShopOrders != new.demoShopOrders {
            warnings.append("demo_shop changed: the demo shop's routes change when the server restarts")
        }
        return warnings
    }

    static func version(of build: BotBuild, kind: ModelVersion.Kind, by actor: String) -> ModelVersion {
        ModelVersion(
            version: build.bot.modelVersion, repliesVersion: build.bot.repliesVersion,
            sourceHash: build.data.sourceHash, kind: kind, loadedBy: actor, intents: build.data.intents.count,
            examples: build.data.examples.count, files: build.data.files)
    }
}
