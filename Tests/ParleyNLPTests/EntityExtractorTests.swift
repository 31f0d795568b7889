import Foundation
import ParleyNLP
import Testing

@Suite struct EntityExtractorTests: EntityExamples {
    @Test func findsAddressesAndPhoneNumbers() {
        let found = entities("Mail jo.doe@shop.example.com, see https://shop.example.com/help or call 0161 123 4567.")
        #expect(found.map(\.type) == ["email", "url", "phone"])
        #expect(found[0].text == "jo.doe@shop.example.com")
        #expect(found[2].value == "01611234567")
        #expect(found[0].start == 5 && found[0].end == 28)
    }

    @Test func normalisesMoney() {
        #expect(values("It cost $12.50", type: "money") == ["12.50 USD"])
        #expect(values("I paid 12 euros", type: "money") == ["12 EUR"])
        #expect(values("EUR 40 please", type: "money") == ["40 EUR"])
        #expect(values("a refund of £1,250", type: "money") == ["1250 GBP"])
    }

    @Test func readsNumbersAndOrdinals() {
        #expect(values("I want 3 hundred and 21 of them", type: "number") == ["321"])
        #expect(values("one and a half", type: "number") == ["1.5"])
        #expect(values("my second order and the 21st", type: "ordinal") == ["2", "21"])
    }

    @Test func resolvesDatesAgainstTheReferenceTime() {
        #expect(values("deliver on 3 May", type: "datetime") == ["2024-05-03"])
        #expect(values("it was 2024-05-03", type: "datetime") == ["2024-05-03"])
        #expect(values("tomorrow at 5pm", type: "datetime") == ["2024-05-04T17:00"])
        #expect(values("next Monday", type: "datetime") == ["2024-05-13"])
        #expect(values("in two days", type: "datetime") == ["2024-05-05"])
        #expect(values("it took 30 minutes", type: "datetime") == ["PT30M"])
    }

    @Test func doesNotInventImpossibleDates() {
        let found = entities("deliver on 31 February").filter { $0.type == "datetime" }
        #expect(found.count == 1)
        #expect(found.first?.value == "31 february")
    }

    @Test func theLongerMoreSpecificMatchWins() throws {
        let orders = try EntityPattern(name: "order_id", patterns: [#"\b[A-Z]-\d{5}\b"#])
        let found = entities("order A-10234 placed 3 May 2024", EntityExtractor(patterns: [orders], timeZone: utc))
        #expect(found.map(\.type) == ["order_id", "datetime"])
        #expect(found.map(\.text) == ["A-10234", "3 May 2024"])
    }

    @Test func cataloguesMatchSynonymsAndOneTypo() {
        let products = EntityCatalogue(
            name: "product",
            entries: [.init(value: "wireless headphones", synonyms: ["earbuds"]), .init(value: "mug")])
        let extractor = EntityExtractor(builtInTypes: [], catalogues: [products])
        #expect(entities("my wireles headphones broke", extractor).map(\.value) == ["wireless headphones"])
        #expect(entities("the EARBUDS and a mug", extractor).map(\.value) == ["wireless headphones", "mug"])
        #expect(entities("a mag", extractor).isEmpty)
    }

    @Test func invalidPatternsAreRejected() {
        #expect(throws: EntityPatternError.self) { try EntityPattern(name: "broken", patterns: ["[A-"]) }
    }

    @Test func hostileInputFinishes() throws {
        let catastrophic = try EntityPattern(name: "evil", patterns: ["(a+)+b"])
        let extractor = EntityExtractor(patterns: [catastrophic], timeZone: utc)
        _ = entities(String(repeating: "a", count: 30_000) + "!", extractor)
        _ = entities(String(repeating: "7", count: 50_000))
        _ = entities(String(repeating: "@", count: 10_000))
        _ = entities(String(repeating: "1 May 2024 at 5pm, ", count: 2_000))
        #expect(entities(String(repeating: "4", count: 50_000)).allSatisfy { $0.type == "number" })
    }
}
