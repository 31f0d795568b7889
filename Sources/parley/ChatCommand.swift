import ArgumentParser
import Foundation
import ParleyBot
import ParleyNLP
import ParleyServer
import ParleyStore

/// `parley chat`: talk to the bot in the terminal.
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk to the bot in the terminal; each reply is annotated with what the bot understood and decided.",
        discussion: "Type a message per line; an empty line or end of input ends the chat."
    )

    @OptionGroup var bot: BotOptions

    @Flag(name: .customLong("no-annotations"), help: "Show the replies only.")
    var noAnnotations = false

    @Option(help: "Your name, as the bot should use it.")
    var name: String?

    @Flag(help: "Chat as a VIP customer.")
    var vip = false

    @Option(help: "Record the conversation in this CRM store (SQLite file).")
    var store: String?

    func run() async throws {
        let loaded: Bot
        var ledger: ConversationLedger?
        do {
            loaded = try bot.loadBot()
            if let store {
                ledger = ConversationLedger(
                    store: try SQLiteCRMStore(path: store),
                    redactor: PIIRedactor(kinds: try bot.configuration().redact),
                    modelVersion: loaded.modelVersion)
            }
        } catch {
            throw fail(error)
        }
        let state = ConversationState(id: UUID().uuidString, channel: "terminal")
        let customer = CustomerProfile(id: UUID().uuidString, name: name, vip: vip)
        var chat = UnattendedConversation(bot: loaded, state: state, customer: customer)
        var conversation = Conversation(id: state.id, customerId: customer.id!, channel: "terminal")
        let greeting = loaded.policy.greeting(for: customer, state: state)
        // The demo shop's actions are called in process (its orders as the file has them); others over HTTP.
        var actions: any ActionPerformer = WebhookActions()
        do {
            if let shop = try DemoShop.load(for: loaded.policy.configuration) {
                actions = DemoShopActions(shop: shop, others: actions)
            }
        } catch {
            throw fail(error)
        }
        do {
            _ = try await ledger?.start(
                conversation, customer: Customer(id: customer.id!, name: name, vip: vip), greeting: greeting)
        } catch {
            throw fail(error)
        }
        print("bot> " + greeting)
        while true {
            print("you> ", terminator: "")
            fflush(nil)
            guard let bytes = readRawLine() else { break }
            guard let line = String(validating: bytes, as: UTF8.self) else {
                print("(that line was not valid UTF-8; please type it again)")
                continue
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
            let now = Date()
            let (analysis, decision) = await chat.respond(to: line, now: now, actions: actions)
            conversation.updatedAt = now
            if decision.escalation != nil { conversation.status = .queued }
            if decision.action == .outOfHours {
                if conversation.status != .ticket { conversation.ticketAt = now }
                conversation.status = .ticket
            }
            if decision.action == .outOfHours || decision.rule == .ticketEmail {
                let given = analysis.entities.first { $0.type == "email" }?.value
                conversation.ticketEmail = given ?? conversation.ticketEmail
            }
            do {
                _ = try await ledger?.exchange(
                    line, analysis: analysis, decision: decision, conversation: conversation, at: now)
            } catch {
                throw fail(error)
            }
            if let text = decision.text {
                print("bot> " + text)
                if !decision.quickReplies.isEmpty {
                    print("     [" + decision.quickReplies.joined(separator: "] [") + "]")
                }
            }
            if !noAnnotations { print(Self.annotation(analysis, decision)) }
            if let note = Self.handoverNote(decision) { print(note) }
        }
    }

    /// What a handover means here, where no agent can join: printed after the bot's handover
    /// reply, which a customer of `parley serve` would see before an agent takes over; from
    /// then on the bot says nothing, as it would while the customer waits.
    static func handoverNote(_ decision: DialogueDecision) -> String? {
        guard decision.action == .escalate else { return nil }
        return
            "     (no agent can join a terminal chat: under `parley serve` the customer would now wait in the agents' queue"
            + " while the bot stays silent; an empty line ends this chat)"
    }

    /// "  · order_status 0.93 · order_id=A-10234 · sentiment -0.20 neutral · reply (intent)", with
    /// "order_status 0.48 in scope 0.12" where the fitted threshold applies to the in-scope score.
    static func annotation(_ analysis: Analysis, _ decision: DialogueDecision) -> String {
        var parts: [String] = []
        if let intent = analysis.intent {
            let inScope = intent.inScope.map { " in scope " + String(format: "%.2f", $0) } ?? ""
            parts.append("\(intent.name) \(String(format: "%.2f", intent.confidence))\(inScope)")
        } else {
            parts.append("no intent")
        }
        if !analysis.entities.isEmpty {
            parts.append(analysis.entities.map { "\($0.type)=\($0.value)" }.joined(separator: " "))
        }
        parts.append(
            "sentiment \(String(format: "%.2f", analysis.sentiment.score)) \(analysis.sentiment.label.rawValue)")
        parts.append("\(decision.action.rawValue) (\(decision.rule))")
        return "     · " + parts.joined(separator: " · ")
    }
}
