import ArgumentParser
import Foundation
import ParleyStore

/// `parley customers show|search`.
struct CustomersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers",
        abstract: "Look up customers in the CRM store.",
        subcommands: [Show.self, Search.self]
    )

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A customer's profile, conversations and latest messages.")

        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "Output format: text or json.") var format = OutputFormat.text
        @Option(help: "How many of the latest messages to show.") var messages = 20
        @Argument(help: "The customer's id.") var id: String

        func run() async throws {
            do {
                guard
                    let history = try await storeOptions.openExisting().history(customerId: id, messageLimit: messages)
                else {
                    throw ValidationError("no customer with id \(id)")
                }
                if format == .json { return try printJSON(history) }
                let customer = history.customer
                printText(
                    "\(customer.id)  \(customer.name ?? "(no name)")  \(customer.email ?? "")  \(customer.phone ?? "")\(customer.vip ? "  VIP" : "")"
                )
                printText(
                    "first seen \(customer.firstSeen.formatted(.iso8601)), last seen \(customer.lastSeen.formatted(.iso8601))"
                )
                printText("\nconversations:")
                for conversation in history.conversations {
                    printText(
                        "  \(conversation.id)  \(conversation.channel)  \(conversation.status.rawValue)  \(conversation.startedAt.formatted(.iso8601))  \(conversation.outcome?.rawValue ?? "")"
                    )
                }
                printText("\nlatest messages:")
                for message in history.recentMessages.reversed() { printText("  " + MessageText.line(message)) }
            } catch let error as ValidationError {
                throw error
            } catch {
                throw fail(error)
            }
        }
    }

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Customers whose name, email, phone or external id contains the text.")

        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "Output format: text or json.") var format = OutputFormat.text
        @Option(help: "At most this many customers.") var limit = 50
        @Argument(help: "The text to look for.") var text: String

        func run() async throws {
            do {
                let customers = try await storeOptions.openExisting().searchCustomers(text, limit: limit)
                if format == .json { return try printJSON(customers) }
                for customer in customers {
                    printText(
                        "\(customer.id)  \(customer.name ?? "(no name)")  \(customer.email ?? "")  \(customer.phone ?? "")"
                    )
                }
                if customers.isEmpty { printText("no customer matches \"\(text)\"") }
            } catch {
                throw fail(error)
            }
        }
    }
}
