import ArgumentParser
import Foundation
import ParleyStore

/// `parley report`: the dashboard's figures from the CRM store, per day and for the period.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Conversations and messages per day, fallback rate and trend, escalations and reasons, tickets, sentiment, ratings, time to an agent, busiest hours, model versions.",
        discussion: "The figures of the server's /admin dashboard; --format json prints them as it reads them."
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "First day, YYYY-MM-DD (UTC). Default: 7 days ago.") var from: String?
    @Option(help: "Last day, YYYY-MM-DD (UTC). Default: today.") var to: String?
    @Option(help: "Only conversations of this channel (web, api, tcp…). Default: every channel.") var channel: String?
    @Option(help: "Output format: text or json.") var format = OutputFormat.text

    func run() async throws {
        let today = Date()
        let first = try from.map(Self.day) ?? Self.format(today.addingTimeInterval(-6 * 86_400))
        let last = try to.map(Self.day) ?? Self.format(today)
        do {
            let report = try await storeOptions.openExisting().dashboard(from: first, to: last, channel: channel)
            if format == .json { return try printJSON(report) }
            if report.days.isEmpty {
                print("no activity from \(first) to \(last)")
                return
            }
            print("day          conversations  messages  fallbacks  fallback rate  escalations")
            for day in report.days {
                let rate = Self.percent(day.fallbackRate)
                print(
                    day.day.padding(toLength: 13, withPad: " ", startingAt: 0)
                        + String(format: "%13d %9d %10d ", day.conversations, day.customerMessages, day.fallbacks)
                        + String(repeating: " ", count: max(0, 14 - rate.count)) + rate
                        + String(format: " %12d", day.escalations))
            }
            let trend = report.fallbackTrend.map {
                String(format: " (%+.1f points, second half against first)", $0 * 100)
            }
            print("fallback rate     \(Self.percent(report.fallbackRate))\(trend ?? "")")
            print(
                "escalation rate   \(Self.percent(report.escalationRate))"
                    + (Self.list(report.escalationReasons).map { ": \($0)" } ?? ""))
            print("tickets           \(report.tickets)")
            print("top intents       \(Self.list(report.topIntents) ?? "none")")
            print("average sentiment \(report.averageSentiment.map { String(format: "%+.2f", $0) } ?? "none")")
            print(
                "ratings           "
                    + (report.averageRating.map { String(format: "%.1f of 5", $0) } ?? "none")
                    + (report.ratings.isEmpty
                        ? ""
                        : " ("
                            + report.ratings.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                            .joined(separator: ", ") + ")"))
            print(
                "time to an agent  "
                    + (report.medianSecondsToAgent.map { String(format: "median %.0f s", $0) } ?? "none taken"))
            if let busiest = report.busiestHours.enumerated().max(by: { $0.element < $1.element }), busiest.element > 0
            {
                print(String(format: "busiest hour      %02d:00 UTC (%d messages)", busiest.offset, busiest.element))
            }
            for version in report.modelVersions {
                print(
                    "model version     \(version.loadedAt.formatted(.iso8601))  \(version.version)  "
                        + "\(version.kind)  by \(version.loadedBy)")
            }
        } catch {
            throw fail(error)
        }
    }

    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0 * 100) } ?? "–"
    }

    static func list(_ counts: [DashboardReport.Count]) -> String? {
        counts.isEmpty ? nil : counts.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
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
