import Foundation
import ParleyBot
import ParleyNLP
import ParleyStore
import ParleyTestSupport
import Testing

@Suite struct ConversationRecorderTests {
    @Test func masksEmailsPhonesAndCardNumbers() {
        let text = "mail jo@shop.com or call 0161 123 4567, card 4111 1111 1111 1111, order 1234 5678 9012"
        let analysis = Pipeline(preprocessor: TextPreprocessor(), classifier: nil).analyze(text)
        let (masked, entities) = PIIRedactor(kinds: [.email, .phone, .card]).redact(text, entities: analysis.entities)
        #expect(masked == "mail [email] or call [phone], card [card], order 1234 5678 9012")
        #expect(!entities.contains { $0.value.contains("jo@shop.com") })
        #expect(PIIRedactor(kinds: []).redact(text, entities: analysis.entities).text == text)
    }

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
        let recorder = ConversationRecorder(
            store: store, redactor: PIIRedactor(kinds: [.email]), modelVersion: bot.modelVersion)
        let customer = Customer(name: "Ana")
        var conversation = Conversation(customerId: customer.id, channel: "test")
        try await recorder.begin(conversation: conversation, customer: customer)
        var state = ConversationState(id: conversation.id)
        for line in ["where is my order? write to ana@example.com", "I forgot my password"] {
            let (analysis, decision) = bot.respond(to: line, state: &state, customer: CustomerProfile(name: "Ana"))
            try await recorder.record(line, analysis: analysis, decision: decision, conversation: &conversation)
        }
        let transcript = try await store.transcript(conversationId: conversation.id)
        #expect(transcript.map(\.sender) == [.customer, .bot, .customer, .bot])
        #expect(transcript[0].text == "where is my order? write to [email]")
        #expect(transcript[0].intent == "order_status")
        #expect(transcript[0].modelVersion == bot.modelVersion)
        #expect(transcript[3].action == "escalate")
        #expect(try await store.escalationQueue().first?.rule == "handover_intent")
        #expect(try await store.conversation(id: conversation.id)?.status == .queued)
    }
}
