import ArgumentParser
import Foundation
import ParleyStore

/// `parley report`: daily counts from the CRM store.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Daily counts: conversations, messages by intent, channel and sentiment, fallbacks, escalations, tickets, resolutions."
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "First day, YYYY-MM-DD (UTC). Default: 7 days ago.") var from: String?
    @Option(help: "Last day, YYYY-MM-DD (UTC). Default: today.") var to: String?
    @Option(help: "Output format: text or json.") var format = OutputFormat.text

    func run() async throws {
        let today = Date()
        let first = try from.map(Self.day) ?? Self.format(today.addingTimeInterval(-6 * 86_400))
        let last = try to.map(Self.day) ?? Self.format(today)
        do {
            let days = try await storeOptions.open().dailyReport(from: first, to: last)
            if format == .json { return try printJSON(days) }
            if days.isEmpty {
                print("no activity from \(first) to \(last)")
                return
            }
            print(
                "day          conversations  messages  fallbacks  escalations  escalation rate  tickets  resolved  top intents"
            )
            for day in days {
                let top = day.intents.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3)
                    .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                print(
                    day.day.padding(toLength: 13, withPad: " ", startingAt: 0)
                        + String(
                            format: "%13d %9d %10d %12d %16.2f %8d %9d  ", day.conversations, day.customerMessages,
                            day.fallbacks, day.escalations, day.escalationRate, day.tickets, day.resolved)
                        + top)
            }
        } catch {
            throw fail(error)
        }
    }

    static func day(_ text: String) throws -> String {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month),
            (1...31).contains(day)
        else { throw ValidationError("'\(text)' is not a day such as 2026-11-25") }
        return text
    }

    static func format(_ date: Date) -> String {
        String(ISO8601DateFormatter().string(from: date).prefix(10))
    }
}
