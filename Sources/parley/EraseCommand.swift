import ArgumentParser
import Foundation
import ParleyStore

/// `parley erase --customer ID` or `--older-than DAYS`: remove every trace of
/// a customer, or every conversation past the retention period.
struct EraseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract:
            "Erase a customer (profile, conversations, messages, escalations), or conversations older than a number of days. Prints what was removed.",
        discussion: """
            Beside a running server, a conversation erased while a customer is still in it is not written back: \
            the customer is told it is gone. The audit log keeps a line of each erasure (ids, never words).
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "The customer's id.") var customer: String?
    @Option(
        name: .customLong("older-than"),
        help:
            "Erase conversations last active more than this many days ago, and their customers when nothing else remains."
    )
    var olderThanDays: Int?
    @Option(help: "Output format: text or json.") var format = OutputFormat.text

    func validate() throws {
        guard (customer == nil) != (olderThanDays == nil) else {
            throw ValidationError("give either --customer ID or --older-than DAYS")
        }
        if let olderThanDays, olderThanDays < 1 { throw ValidationError("--older-than must be at least 1 day") }
    }

    func run() async throws {
        do {
            let store = try storeOptions.openExisting()
            let report: ErasureReport
            if let customer {
                report = try await store.erase(customerId: customer)
                try await CommandLineAudit.record(
                    .erase, target: customer, detail: "\(report.conversations) conversations", in: store)
            } else {
                let days = olderThanDays ?? 0
                report = try await store.eraseConversations(
                    lastActiveBefore: Date().addingTimeInterval(-Double(days) * 86_400))
                try await CommandLineAudit.record(
                    .erase, detail: "older than \(days) days: \(report.conversations) conversations", in: store)
            }
            if format == .json { return try printJSON(report) }
            if let customer, report.customers == 0 {
                print("no customer with id \(customer); nothing removed")
            } else {
                print(
                    "erased \(report.customers) customers, \(report.conversations) conversations, \(report.messages) messages, "
                        + "\(report.escalations) escalations")
            }
        } catch {
            throw fail(error)
        }
    }
}
