import ArgumentParser
import Foundation
import ParleyStore

/// `parley export`: conversations with their messages, as JSON Lines or CSV.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Export conversations with their messages: JSON Lines (one conversation a line) or CSV (one message a row)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv
    }

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "jsonl or csv.") var format = Format.jsonl
    @Option(help: "First day a conversation started, YYYY-MM-DD (UTC).") var from: String?
    @Option(help: "Last day a conversation started, YYYY-MM-DD (UTC).") var to: String?
    @Option(help: "Only this customer's conversations.") var customer: String?

    func run() async throws {
        let first = try from.map(ReportCommand.day)
        let last = try to.map(ReportCommand.day)
        do {
            let store = try storeOptions.openExisting()
            let conversations = try await store.conversations(customerId: customer, from: first, to: last)
            try await CommandLineAudit.record(
                .export, target: customer,
                detail:
                    "\(format.rawValue), \(conversations.count) conversations, \(first ?? "start") to \(last ?? "now")",
                in: store)
            if format == .csv {
                StandardOutput.line(TranscriptCSV.header)
            }
            for conversation in conversations {
                let messages = try await store.transcript(conversationId: conversation.id)
                switch format {
                case .jsonl:
                    struct Line: Encodable {
                        var conversation: Conversation
                        var messages: [StoredMessage]
                    }
                    try printJSON(Line(conversation: conversation, messages: messages))
                case .csv:
                    for message in messages { StandardOutput.line(TranscriptCSV.row(message, in: conversation)) }
                }
            }
        } catch {
            throw fail(error)
        }
    }
}
