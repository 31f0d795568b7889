internal import Foundation
internal import ParleyNLP

/// Plays conversation scripts against a bot and reports every turn that did
/// not go as scripted.
public struct ConversationTester: Sendable {
    public let bot: Bot
    /// Performs the actions that are not the demo shop's.
    public let others: any ActionPerformer

    /// With the demo shop (`demo_shop: true`), each script gets the shop's
    /// orders as the file has them, called in process, with their dates
    /// counted from the script's `at`.
    public init(bot: Bot, others: any ActionPerformer = NoActions()) {
        self.bot = bot
        self.others = others
    }

    /// A scripted turn the bot got wrong.
    public struct Failure: Sendable, CustomStringConvertible {
        public var script: String
        public var turn: Int
        public var location: SourceLocation
        public var problems: [String]

        public var description: String {
            "\(location): '\(script)', turn \(turn): " + problems.joined(separator: "; ")
        }
    }

    /// The failures of `script`; empty when it passed. Once the bot hands the
    /// conversation over, it stays silent for the rest of the script (no agent answers here).
    public func run(_ script: ConversationScript) async -> [Failure] {
        var conversation = UnattendedConversation(
            bot: bot, state: ConversationState(id: "test-" + script.name, channel: "test"), customer: script.customer)
        var failures: [Failure] = []
        let now = script.at ?? Date()
        var actions = others
        do {
            if let shop = try DemoShop.load(for: bot.policy.configuration, today: { now }) {
                actions = DemoShopActions(shop: shop, down: script.actionsDown, others: others)
            } else if script.actionsDown {
                actions = NoActions()
            }
        } catch {
            return [Failure(script: script.name, turn: 0, location: script.location, problems: ["\(error)"])]
        }
        for (index, turn) in script.turns.enumerated() {
            let (analysis, decision) = await conversation.respond(to: turn.customer, now: now, actions: actions)
            var problems: [String] = []
            if let intent = turn.intent, analysis.intent?.name != intent {
                let got = analysis.intent.map { "\($0.name) (\(String(format: "%.2f", $0.confidence)))" } ?? "none"
                problems.append("expected intent \(intent), got \(got)")
            }
            if let action = turn.action, decision.action != action {
                problems.append(
                    "expected action \(action.rawValue), got \(decision.action.rawValue) (rule \(decision.rule))")
            }
            if let rule = turn.rule, decision.rule.rawValue != rule {
                problems.append("expected rule \(rule), got \(decision.rule)")
            }
            for part in turn.replyContains where !(decision.text ?? "").lowercased().contains(part.lowercased()) {
                problems.append("reply \"\(decision.text ?? "")\" does not contain \"\(part)\"")
            }
            if !problems.isEmpty {
                failures.append(
                    Failure(script: script.name, turn: index + 1, location: turn.location, problems: problems))
            }
        }
        return failures
    }
}
