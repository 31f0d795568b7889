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
            let store = try storeOptions.open()
            let conversations = try await store.conversations(customerId: customer, from: first, to: last)
            if format == .csv {
                print("conversation_id,customer_id,channel,sent_at,sender,text,intent,confidence,sentiment,action")
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            for conversation in conversations {
                let messages = try await store.transcript(conversationId: conversation.id)
                switch format {
                case .jsonl:
                    struct Line: Encodable {
                        var conversation: Conversation
                        var messages: [StoredMessage]
                    }
                    print(
                        String(
                            decoding: try encoder.encode(Line(conversation: conversation, messages: messages)),
                            as: UTF8.self))
                case .csv:
                    for message in messages {
                        let fields = [
                            conversation.id, conversation.customerId, conversation.channel,
                            ISO8601DateFormatter().string(from: message.sentAt), message.sender.rawValue, message.text,
                            message.intent ?? "", message.confidence.map { String(format: "%.4f", $0) } ?? "",
                            message.sentimentScore.map { String(format: "%.4f", $0) } ?? "", message.action ?? "",
                        ]
                        print(fields.map(Self.csvField).joined(separator: ","))
                    }
                }
            }
        } catch {
            throw fail(error)
        }
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
