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
    /// running one, swaps it into `service` and stores its version.
    func reload(by actor: String, into service: ChatService) async -> ReloadResult {
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
        do {
            build = try await NIOThreadPool.singleton.runIfActive { try BotBuild.load(paths, reusing: previous) }
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
        do {
            _ = try await service.store.record(Self.version(of: build, kind: kind, by: actor))
        } catch {
            return ReloadResult(
                status: .failed,
                message: "the new version could not be stored, so it did not go live (the CRM store: \(error))")
        }
        service.swap(to: new)
        running = build
        var result = ReloadResult(
            status: .reloaded,
            message: kind == .repliesOnly
                ? "replies and settings reloaded; the model (\(new.modelVersion)) stayed"
                : "model \(new.modelVersion) answers now (was \(old.modelVersion))")
        result.modelVersion = new.modelVersion
        result.previousModelVersion = old.modelVersion
        result.repliesVersion = new.repliesVersion
        result.retrained = build.retrained || kind == .retrained
        result.seconds = (ContinuousClock.now - started).seconds
        result.warnings = Self.restartWarnings(from: previous.configuration, to: build.configuration)
        return result
    }

    /// The settings a reload cannot change in a running server.
    static func restartWarnings(from old: BotConfiguration, to new: BotConfiguration) -> [String] {
        var warnings: [String] = []
        if old.officeHours != new.officeHours {
            warnings.append("office_hours changed: the agents' desk keeps the old hours until the server restarts")
        }
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
