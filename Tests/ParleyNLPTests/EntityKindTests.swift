import Foundation
import ParleyNLP
import Testing

/// Entity kinds of issue 17, each with the value it must normalise to.
/// Reference time: Friday 3 May 2024, 10:00 UTC.
@Suite struct EntityKindTests {
    let preprocessor = TextPreprocessor(language: "en")
    let reference = Date(timeIntervalSince1970: 1_714_730_400)
    let utc = TimeZone(identifier: "UTC")!

    func entities(_ text: String, _ extractor: EntityExtractor? = nil) -> [Entity] {
        (extractor ?? EntityExtractor(timeZone: utc)).extract(preprocessor.preprocess(text), reference: reference)
    }

    func values(_ text: String, type: String) -> [String] {
        entities(text).filter { $0.type == type }.map(\.value)
    }

    func texts(_ text: String, type: String) -> [String] {
        entities(text).filter { $0.type == type }.map(\.text)
    }

    // MARK: Phones

    @Test func phoneTrunkZeroInBracketsIsDropped() {
        #expect(values("call +44 (0)20 7946 0321 today", type: "phone") == ["+442079460321"])
        #expect(texts("call +44 (0)20 7946 0321 today", type: "phone") == ["+44 (0)20 7946 0321"])
        #expect(values("tel +44 (0) 161 496 0000", type: "phone") == ["+441614960000"])
        #expect(values("+49 (0)30 901820", type: "phone") == ["+4930901820"])
        // A bracketed area code is not a trunk prefix.
        #expect(values("ring (0161) 123 4567", type: "phone") == ["01611234567"])
    }

    @Test func phoneDoubleZeroPrefixIsInternational() {
        #expect(values("call 0044 20 7946 0321", type: "phone") == ["+442079460321"])
        #expect(texts("call 0044 20 7946 0321", type: "phone") == ["0044 20 7946 0321"])
        #expect(values("phone 00 45 12 34 56 78", type: "phone") == ["+4512345678"])
        #expect(values("phone 0033-1-23-45-67-89", type: "phone") == ["+33123456789"])
        #expect(values("phone 00441614960000", type: "phone") == ["+441614960000"])
    }

    // MARK: Trainers' patterns

    @Test func patternsFindCodesNextToScriptsWithoutSpaces() throws {
        let orders = try EntityPattern(name: "order_id", patterns: [#"\b[A-Z]-\d{5}\b"#])
        let extractor = EntityExtractor(builtInTypes: [], patterns: [orders], timeZone: utc)
        let chinese = entities("订单号A-10234", extractor)
        #expect(chinese.map(\.text) == ["A-10234"])
        #expect(chinese.map(\.start) == [3])
        #expect(entities("注文番号A-10234です", extractor).map(\.text) == ["A-10234"])
        #expect(entities("หมายเลขA-10234ค่ะ", extractor).map(\.text) == ["A-10234"])
        #expect(entities("order A-10234.", extractor).map(\.text) == ["A-10234"])
        // Still whole words among letters of spaced scripts.
        #expect(entities("XA-10234", extractor).isEmpty)
        #expect(entities("A-102345", extractor).isEmpty)
    }
}
