import ArgumentParser
import Foundation
import ParleyBot

/// One retrain and reload of a running server, as `parley-bench chat
/// --reload-token` makes it while customers chat: adds one example to an
/// intent (IntentFileEditor, as the review inbox does, so that the model
/// must be retrained), asks `POST /api/admin/reload`, and reads `/health`
/// every `pollInterval` meanwhile to see when the new `model_version` shows.
/// The intent file is put back as it was at the end.
struct ReloadProbe: Sendable {
    var host: String
    var port: Int
    /// A trainer's or an admin's API token.
    var token: String
    /// The server's intents folder.
    var intents: String
    /// The intent the example goes to; nil: the first in the folder.
    var intent: String?
    var pollInterval = Duration.milliseconds(5)

    /// What the reload did and when (instants of this process's continuous clock).
    struct Outcome: Sendable {
        var status: String
        var message: String
        var previousModelVersion: String
        var modelVersion: String?
        /// The server's own timings: the whole reload, and until the new bot was built and checked.
        var seconds: Double?
        var readySeconds: Double?
        var posted: ContinuousClock.Instant
        var answered: ContinuousClock.Instant
        /// The first `/health` read showing `modelVersion`; nil if none did.
        var visible: ContinuousClock.Instant?
    }

    func run() async throws -> Outcome {
        let data = try IntentFiles.load(folder: intents)
        guard let target = intent.flatMap({ name in data.intents.first { $0.name == name } }) ?? data.intents.first
        else { throw ValidationError("\(intents) has no intent \(intent ?? "at all")") }
        let file = target.location.file
        let original = try String(contentsOfFile: file, encoding: .utf8)
        defer { try? original.write(toFile: file, atomically: true, encoding: .utf8) }
        _ = try IntentFileEditor(folder: intents).append(
            ["reload probe \(UUID().uuidString.prefix(8))"], to: target.name)

        guard let previous = try await modelVersion() else { throw ValidationError("no model_version in /health") }
        let clock = ContinuousClock()
        let watcher = Task { () -> ContinuousClock.Instant? in
            while !Task.isCancelled {
                if let version = try? await modelVersion(), version != previous { return clock.now }
                try? await Task.sleep(for: pollInterval)
            }
            return nil
        }
        let posted = clock.now
        let answer = try await ReloadsBenchmark.request(host, port, "POST", "/api/admin/reload", token: token)
        let answered = clock.now
        let result = answer.json ?? [:]
        let status = result["status"] as? String ?? "no answer"
        if status != "reloaded" {
            watcher.cancel()
        } else {
            // The swap came before the answer; a read in flight may still be on its way.
            Task {
                try? await Task.sleep(for: .seconds(2))
                watcher.cancel()
            }
        }
        return Outcome(
            status: status, message: result["message"] as? String ?? answer.body,
            previousModelVersion: previous, modelVersion: result["model_version"] as? String,
            seconds: result["seconds"] as? Double, readySeconds: result["ready_seconds"] as? Double,
            posted: posted, answered: answered, visible: await watcher.value)
    }

    /// The `model_version` `/health` shows now.
    private func modelVersion() async throws -> String? {
        try await ReloadsBenchmark.request(host, port, "GET", "/health", token: nil).json?["model_version"] as? String
    }
}
