import ArgumentParser
import Foundation
import ParleyBot
import ParleyNLP

/// `parley chat`: talk to the bot in the terminal.
struct ChatCommand: ParsableCommand {
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

    func run() throws {
        let loaded: Bot
        do {
            loaded = try bot.loadBot()
        } catch {
            throw fail(error)
        }
        var state = ConversationState(id: UUID().uuidString, channel: "terminal")
        let customer = CustomerProfile(name: name, vip: vip)
        print("bot> " + loaded.policy.greeting(for: customer, state: state))
        while true {
            print("you> ", terminator: "")
            fflush(nil)
            guard let bytes = readRawLine() else { break }
            guard let line = String(validating: bytes, as: UTF8.self) else {
                print("(that line was not valid UTF-8; please type it again)")
                continue
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
            let (analysis, decision) = loaded.respond(to: line, state: &state, customer: customer)
            if let text = decision.text {
                print("bot> " + text)
                if !decision.quickReplies.isEmpty {
                    print("     [" + decision.quickReplies.joined(separator: "] [") + "]")
                }
            }
            if !noAnnotations { print(Self.annotation(analysis, decision)) }
        }
    }

    /// "  · order_status 0.93 · order_id=A-10234 · sentiment -0.20 neutral · reply (intent)"
    static func annotation(_ analysis: Analysis, _ decision: DialogueDecision) -> String {
        var parts: [String] = []
        if let intent = analysis.intent {
            parts.append("\(intent.name) \(String(format: "%.2f", intent.confidence))")
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
