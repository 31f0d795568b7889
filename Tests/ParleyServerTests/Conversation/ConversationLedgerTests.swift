import Foundation
import ParleyBot
import ParleyNLP
import ParleyServer
import ParleyStore
import ParleyTestSupport
import Testing

@Suite struct ConversationLedgerTests {
    @Test func recordsEachExchangeWithItsAnnotationsAndEscalations() async throws {
        let folder = try TemporaryFolder()
        try folder.write("intents/shop.yml", ShopFixture.intents)
        try folder.write(
            "responses/shop.yml",
            """
            responses:
              - intent: order_status
                replies: ["On its way."]
              - intent: refund
                replies: ["Refunds take 5 days."]
              - intent: greet
                replies: ["Hi!"]
              - intent: password_reset
                handover: true
                replies: ["Getting a colleague."]
            """)
        let (bot, _) = try Bot.load(
            Bot.Paths(
                intents: folder.path + "/intents", responses: folder.path + "/responses",
                configuration: folder.path + "/none.yml", model: folder.path + "/model.parley"))
        let store = try SQLiteCRMStore(path: folder.path + "/crm.sqlite")
        let ledger = ConversationLedger(
            store: store, redactor: PIIRedactor(kinds: [.email]), modelVersion: bot.modelVersion)
        let customer = Customer(name: "Ana")
        var conversation = Conversation(customerId: customer.id, channel: "test")
        _ = try await ledger.start(conversation, customer: customer, greeting: "Hello")
        var chat = UnattendedConversation(
            bot: bot, state: ConversationState(id: conversation.id), customer: CustomerProfile(name: "Ana"))
        for line in ["where is my order? write to ana@example.com", "I forgot my password"] {
            let now = Date()
            let (analysis, decision) = await chat.respond(to: line, now: now)
            if decision.escalation != nil { conversation.status = .queued }
            _ = try await ledger.exchange(
                line, analysis: analysis, decision: decision, conversation: conversation, at: now)
        }
        let transcript = try await store.transcript(conversationId: conversation.id).dropFirst().map(\.self)
        #expect(transcript.map(\.sender) == [.customer, .bot, .customer, .bot])
        #expect(transcript[0].text == "where is my order? write to [email]")
        #expect(transcript[0].intent == "order_status")
        #expect(transcript[0].modelVersion == bot.modelVersion)
        #expect(transcript[3].action == "escalate")
        #expect(try await store.escalationQueue().first?.rule == "handover_intent")
        #expect(try await store.conversation(id: conversation.id)?.status == .queued)
    }
}
