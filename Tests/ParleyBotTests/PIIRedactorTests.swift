import ParleyBot
import ParleyNLP
import Testing

@Suite struct PIIRedactorTests {
    @Test func masksEmailsPhonesAndCardNumbers() {
        let text = "mail jo@shop.com or call 0161 123 4567, card 4111 1111 1111 1111, order 1234 5678 9012"
        let analysis = Pipeline(preprocessor: TextPreprocessor(), classifier: nil).analyze(text)
        let (masked, entities) = PIIRedactor(kinds: [.email, .phone, .card]).redact(text, entities: analysis.entities)
        #expect(masked == "mail [email] or call [phone], card [card], order 1234 5678 9012")
        #expect(!entities.contains { $0.value.contains("jo@shop.com") })
        #expect(PIIRedactor(kinds: []).redact(text, entities: analysis.entities).text == text)
    }
}
