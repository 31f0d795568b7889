import ArgumentParser
import Foundation
import ParleyStore

/// `parley audit`: the audit log, newest first.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract:
            "The audit log, newest first: sign-ins, refused requests, take-overs, hand-backs, closes, exports, erasures, user and token changes."
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Only entries from this day on, YYYY-MM-DD (UTC).") var since: String?
    @Option(help: "At most this many entries.") var limit = 100
    @Option(help: "Output format: text or json.") var format = OutputFormat.text

    func validate() throws {
        guard (1...100_000).contains(limit) else { throw ValidationError("--limit must be from 1 to 100000") }
    }

    func run() async throws {
        let from: Date? = try since.map { text in
            guard let date = ISO8601DateFormatter().date(from: try ReportCommand.day(text) + "T00:00:00Z") else {
                throw ValidationError("'\(text)' is not a day such as 2026-11-25")
            }
            return date
        }
        do {
            let entries = try await storeOptions.openExisting().auditLog(since: from, limit: limit)
            if format == .json { return try printJSON(entries) }
            let formatter = ISO8601DateFormatter()
            for entry in entries {
                let parts = [
                    formatter.string(from: entry.at), entry.actor, entry.action.rawValue, entry.target ?? "-",
                    entry.address ?? "-", entry.detail ?? "",
                ]
                printText(parts.joined(separator: "  "))
            }
        } catch {
            throw fail(error)
        }
    }
}
