import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ParleyBot
import ParleyServer

/// `parley reload`: asks the running server to reload its bot (`POST /api/admin/reload`).
struct ReloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Reload the running server's bot from its files, without a restart.",
        discussion: """
            The server validates its own intents, responses and bot.yml, retrains when the intents \
            or language settings changed (only the replies otherwise), and swaps the new bot in; \
            conversations keep their open questions. Every mistake in the files is listed as \
            file:line and the running bot goes on unchanged. Needs an API token of a trainer or \
            admin (parley tokens create --role trainer). `kill -HUP` on the server's process does \
            the same. Exits with 0 when the new bot answers or nothing changed, 1 otherwise.
            """
    )

    @Option(help: "The server's HTTP address: http://HOST:PORT, or HOST:PORT.")
    var server = "http://127.0.0.1:8080"

    @Option(help: "An API token of a trainer or admin (default: the PARLEY_TOKEN environment variable).")
    var token: String?

    @Flag(help: "Put the new bot live although its model scores worse or a conversation test fails.")
    var force = false

    @Option(help: "Output format: text or json (the server's answer as it is).")
    var format = OutputFormat.text

    func run() async throws {
        guard let token = token ?? ProcessInfo.processInfo.environment["PARLEY_TOKEN"], !token.isEmpty else {
            throw fail(ValidationError("give an API token of a trainer or admin: --token TOKEN or PARLEY_TOKEN"))
        }
        // HOST:PORT as `parley serve` prints it, or a URL with its scheme.
        let url = server.contains("://") ? server : "http://" + server
        let address = url.hasSuffix("/") ? String(url.dropLast()) : url
        let body: String
        do {
            var request = HTTPClientRequest(url: address + "/api/admin/reload")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(Array(#"{"force":\#(force)}"#.utf8))
            // Training a large bot and checking it can take minutes.
            let response = try await HTTPClient.shared.execute(request, timeout: .minutes(30))
            body = String(buffer: try await response.body.collect(upTo: 16 << 20))
        } catch {
            throw fail(ReloadAnswer.unreachable(server: address, error: error))
        }
        // 401 and 403 (a token that may not reload) answer with an error, not a reload result.
        guard let result = try? WireCoding.decode(ReloadResult.self, from: body) else {
            throw fail(ReloadAnswer.notAResult(body))
        }
        if format == .json {
            print(body)
        } else {
            print(Self.text(result))
        }
        if result.status != .reloaded && result.status != .unchanged { throw ExitCode.failure }
    }

    /// The result for a person: the message, then each error and warning on a line of its own.
    static func text(_ result: ReloadResult) -> String {
        var lines = ["\(result.status.rawValue): \(result.message)"]
        if let seconds = result.seconds { lines[0] += String(format: " (%.1f s)", seconds) }
        if let comparison = result.comparison { lines += comparisonLines(comparison) }
        lines += result.errors
        lines += result.warnings.map { "warning: \($0)" }
        return lines.joined(separator: "\n")
    }

    /// Macro-F1 and the intents whose F1 changed, before → after, then the examples that changed prediction.
    static func comparisonLines(_ comparison: ModelComparison) -> [String] {
        func score(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "  -  " }
        var lines = [
            "macro-F1 out of fold: \(score(comparison.macroF1Before)) → \(score(comparison.macroF1After)); "
                + "over the intents both have: \(score(comparison.sharedMacroF1Before)) → "
                + "\(score(comparison.sharedMacroF1After))"
        ]
        for change in comparison.perIntent where change.before != change.after {
            lines.append("  \(score(change.before)) → \(score(change.after))  \(change.intent)")
        }
        if comparison.changedCount > 0 {
            let shown = comparison.changedPredictions.count
            lines.append(
                "\(comparison.changedCount) example(s) changed prediction"
                    + (shown < comparison.changedCount ? "; the first \(shown), those that became wrong first:" : ":"))
            for changed in comparison.changedPredictions {
                lines.append("  [\(changed.intent)] \(changed.text): \(changed.before) → \(changed.after)")
            }
        }
        return lines
    }
}
