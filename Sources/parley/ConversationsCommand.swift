import ArgumentParser
import Foundation
import ParleyStore

/// `parley conversations show|list`.
struct ConversationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conversations",
        abstract: "Read conversations from the CRM store.",
        subcommands: [Show.self, List.self]
    )

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A conversation's transcript, every message annotated.")

        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "Output format: text or json.") var format = OutputFormat.text
        @Argument(help: "The conversation's id.") var id: String

        func run() async throws {
            do {
                let store = try storeOptions.openExisting()
                guard let conversation = try await store.conversation(id: id) else {
                    throw ValidationError("no conversation with id \(id)")
                }
                let transcript = try await store.transcript(conversationId: id)
                if format == .json {
                    struct Output: Encodable {
                        var conversation: Conversation
                        var messages: [StoredMessage]
                    }
                    return try printJSON(Output(conversation: conversation, messages: transcript))
                }
                printText(
                    "\(conversation.id)  customer \(conversation.customerId)  \(conversation.channel)  \(conversation.status.rawValue)"
                )
                for message in transcript { printText(MessageText.line(message)) }
            } catch let error as ValidationError {
                throw error
            } catch {
                throw fail(error)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Conversations, most recently active first.")

        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "Output format: text or json.") var format = OutputFormat.text
        @Option(help: "Only this status: bot, queued, with_agent, ticket or closed.") var status: String?
        @Option(help: "At most this many conversations.") var limit = 50

        func run() async throws {
            let wanted: Conversation.Status?
            if let status {
                guard let parsed = Conversation.Status(rawValue: status) else {
                    throw ValidationError("unknown status '\(status)'; use \(Conversation.Status.names)")
                }
                wanted = parsed
            } else {
                wanted = nil
            }
            do {
                let conversations = try await storeOptions.openExisting().conversations(status: wanted, limit: limit)
                if format == .json { return try printJSON(conversations) }
                for conversation in conversations {
                    var line =
                        "\(conversation.id)  \(conversation.customerId)  \(conversation.channel)  \(conversation.status.rawValue)  \(conversation.updatedAt.formatted(.iso8601))"
                    if conversation.status == .ticket {
                        line += "  write to \(conversation.ticketEmail ?? "(no email yet)")"
                    }
                    printText(line)
                }
            } catch {
                throw fail(error)
            }
        }
    }
}
