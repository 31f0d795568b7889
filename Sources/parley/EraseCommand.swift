import ArgumentParser
import ParleyStore

/// `parley erase --customer ID`: remove every trace of a customer.
struct EraseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase a customer: profile, conversations, messages and escalations. Prints what was removed."
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "The customer's id.") var customer: String
    @Option(help: "Output format: text or json.") var format = OutputFormat.text

    func run() async throws {
        do {
            let store = try storeOptions.open()
            let report = try await store.erase(customerId: customer)
            try await CommandLineAudit.record(
                .erase, target: customer, detail: "\(report.conversations) conversations", in: store)
            if format == .json { return try printJSON(report) }
            if report.customers == 0 {
                print("no customer with id \(customer); nothing removed")
            } else {
                print(
                    "erased customer \(customer): \(report.conversations) conversations, \(report.messages) messages, "
                        + "\(report.escalations) escalations")
            }
        } catch {
            throw fail(error)
        }
    }
}
