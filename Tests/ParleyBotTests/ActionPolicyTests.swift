import Foundation
import ParleyBot
import ParleyNLP
import ParleyTestSupport
import Testing

/// What the policy makes of an action's answer: the reply it picks, what it
/// remembers, when it hands over, and that it never claims what did not happen.
@Suite struct ActionPolicyTests {
    /// Answers every call with `answer`, and records what it was sent.
    final class Shop: ActionPerformer, @unchecked Sendable {
        let answer: ActionOutcome
        private(set) var calls: [ActionCall] = []

        init(_ answer: ActionOutcome) {
            self.answer = answer
        }

        func perform(_ call: ActionCall, definition: ActionDefinition) async -> ActionOutcome {
            calls.append(call)
            return answer
        }
    }

    static func bot() throws -> Bot {
        let folder = try TemporaryFolder()
        try folder.write("intents/shop.yml", ShopFixture.intents)
        try folder.write(
            "responses/shop.yml",
            """
            responses:
              - intent: order_status
                requires: [{entity: order_id, ask: "Which order?"}]
                action: lookup
                replies: ["Order {{order_id}} is {{result.status}}."]
                outcomes:
                  not_found: "I can't find an order {{order_id}}."
              - intent: refund
                replies: ["Refunds take 5 days."]
              - intent: greet
                replies: ["Hi!"]
              - intent: password_reset
                replies: ["Use the link."]
            """)
        try folder.write("bot.yml", "actions:\n  lookup: {url: \"https://shop.example.com/lookup\"}\n")
        return try Bot.load(
            Bot.Paths(
                intents: folder.path + "/intents", responses: folder.path + "/responses",
                configuration: folder.path + "/bot.yml", model: folder.path + "/model.parley")
        ).bot
    }

    static func say(_ text: String, _ answer: ActionOutcome, bot: Bot) async -> (
        DialogueDecision, Shop, ConversationState
    ) {
        let shop = Shop(answer)
        var conversation = UnattendedConversation(
            bot: bot, state: ConversationState(id: "c-1", channel: "web"), customer: CustomerProfile(name: "Ana"))
        let (_, decision) = await conversation.respond(
            to: text, now: Date(timeIntervalSince1970: 1_764_064_800), actions: shop)
        return (decision, shop, conversation.state)
    }

    @Test func theRequestCarriesTheConversationAndTheReplyTheAnswer() async throws {
        let bot = try Self.bot()
        let (decision, shop, _) = await Self.say(
            "where is my order A-10234", .answered(.object(["status": .string("on its way")])), bot: bot)
        #expect(decision.text == "Order A-10234 is on its way.")
        #expect(decision.performed == "lookup" && decision.call == nil)
        let request = try #require(shop.calls.first?.request)
        #expect(request["slots"]?["order_id"]?.text == "A-10234")
        #expect(request["customer"]?["name"]?.text == "Ana")
        #expect(request["intent"]?["name"]?.text == "order_status")
        #expect(request["conversation_id"]?.text == "c-1" && request["channel"]?.text == "web")
        #expect(request["text"]?.text == "where is my order A-10234")
    }

    @Test func anOutcomeWithoutAReplyIsAFailureNotTheDefaultReply() async throws {
        let bot = try Self.bot()
        let (found, _, _) = await Self.say(
            "where is my order A-10234", .answered(.object(["outcome": .string("not_found")])), bot: bot)
        #expect(found.text == "I can't find an order A-10234." && found.rule == .actionOutcome("not_found"))
        let (unknown, _, _) = await Self.say(
            "where is my order A-10234", .answered(.object(["outcome": .string("lost_at_sea")])), bot: bot)
        #expect(unknown.rule == .actionFailed)
        #expect(unknown.text == BotMessages.defaults.actionError.render([:]))
        let (said, _, _) = await Self.say(
            "where is my order A-10234",
            .answered(.object(["outcome": .string("lost_at_sea"), "reply": .string("It is lost at sea.")])), bot: bot)
        #expect(said.text == "It is lost at sea.")
    }

    @Test func theAnswerCanAskForAPersonAndLeaveSlots() async throws {
        let bot = try Self.bot()
        let (handover, _, _) = await Self.say(
            "where is my order A-10234", .answered(.object(["handover": .bool(true)])), bot: bot)
        #expect(handover.action == .escalate && handover.escalation == .actionHandover)
        let (_, _, state) = await Self.say(
            "where is my order A-10234",
            .answered(.object(["status": .string("late"), "slots": .object(["carrier": .string("DPD")])])), bot: bot)
        #expect(state.slots["carrier"]?.value == "DPD")
    }

    @Test func aFailedCallSaysTheErrorReply() async throws {
        let bot = try Self.bot()
        let (failed, _, _) = await Self.say("where is my order A-10234", .failed(.timeout(seconds: 3)), bot: bot)
        #expect(failed.rule == .actionFailed && failed.action == .reply)
        #expect(!(failed.text ?? "").contains("A-10234 is"))
    }
}
