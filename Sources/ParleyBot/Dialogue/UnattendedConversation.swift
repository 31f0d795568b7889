public import Foundation
public import ParleyNLP

/// A conversation with the bot and no agent behind it (the terminal chat,
/// scripted conversation tests): once the bot hands it over, it stays silent
/// (`waiting_for_agent`), as a server's would until an agent joins.
public struct UnattendedConversation: Sendable {
    public let bot: Bot
    public var state: ConversationState
    public var customer: CustomerProfile
    /// Whether the bot handed the conversation to humans.
    public private(set) var handedOver = false

    public init(bot: Bot, state: ConversationState, customer: CustomerProfile) {
        self.bot = bot
        self.state = state
        self.customer = customer
    }

    /// Analyses one customer message and decides the bot's answer, calling
    /// the action it needs through `actions` first.
    public mutating func respond(to text: String, now: Date = Date(), actions: any ActionPerformer = NoActions())
        async -> (analysis: Analysis, decision: DialogueDecision)
    {
        let analysis = bot.pipeline.analyze(text, reference: now)
        var decision =
            handedOver
            ? bot.policy.silent(analysis, state: &state, because: .waitingForAgent)
            : bot.policy.decide(analysis, state: &state, customer: customer, now: now)
        if let call = decision.call {
            let outcome = await actions.perform(call, in: bot.policy.configuration)
            decision = bot.policy.complete(
                decision, with: outcome, analysis: analysis, state: &state, customer: customer, now: now)
        }
        handedOver = handedOver || decision.escalation != nil
        return (analysis, decision)
    }
}
