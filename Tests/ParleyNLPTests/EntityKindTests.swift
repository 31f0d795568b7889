import Foundation
import ParleyNLP
import Testing

/// Entity kinds of issue 17, each with the value it must normalise to.
/// Reference time: Friday 3 May 2024, 10:00 UTC.
@Suite struct EntityKindTests: EntityExamples {
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

    @Test func patternsReadFullWidthFormsAsTheirPlainOnes() throws {
        // A Chinese or Japanese input method types "Ａ－１０２３４": the pattern reads it as
        // "A-10234", the value is that, the text and span are the message's.
        let orders = try EntityPattern(name: "order_id", patterns: [#"\b[A-Z]-\d{5}\b"#])
        let extractor = EntityExtractor(builtInTypes: [], patterns: [orders], timeZone: utc)
        let found = entities("订单Ａ－１０２３４到哪了", extractor)
        #expect(found.map(\.value) == ["A-10234"])
        #expect(found.map(\.text) == ["Ａ－１０２３４"])
        #expect(found.map(\.start) == [2] && found.map(\.end) == [9])
        // Outside the Basic Multilingual Plane before it, offsets stay code points.
        let after = entities("😀 Ａ－１０２３４", extractor)
        #expect(after.map(\.start) == [2] && after.map(\.text) == ["Ａ－１０２３４"])
    }

    // MARK: Money

    @Test func currencyCodesOfTheISOTableBeforeOrAfterTheAmount() {
        #expect(values("It was CHF3.04", type: "money") == ["3.04 CHF"])
        #expect(values("it costs 42 SAR", type: "money") == ["42 SAR"])
        #expect(values("it costs 42SAR", type: "money") == ["42 SAR"])
        #expect(values("pay QAR 150 now", type: "money") == ["150 QAR"])
        #expect(values("a fee of 7.5 MYR", type: "money") == ["7.50 MYR"])
        // Minor-unit digits from the table: three for the Kuwaiti dinar.
        #expect(values("KWD 1.250 please", type: "money") == ["1.250 KWD"])
        // Codes that are English words count only in capitals.
        #expect(values("give me all 3 of them", type: "money").isEmpty)
        #expect(values("top 10 items", type: "money").isEmpty)
        #expect(values("3 ALL", type: "money") == ["3 ALL"])
    }

    @Test func currencyNamesAndSymbols() {
        #expect(values("Rs 20 extra", type: "money") == ["20 INR"])
        #expect(values("Rs.450", type: "money") == ["450 INR"])
        #expect(values("15 Saudi riyals", type: "money") == ["15 SAR"])
        #expect(values("200 Hong Kong dollars", type: "money") == ["200 HKD"])
        #expect(values("30 Swiss francs", type: "money") == ["30 CHF"])
        #expect(values("A$50", type: "money") == ["50 AUD"])
    }

    @Test func minorUnitsAlone() {
        #expect(values("a 25¢ fee", type: "money") == ["0.25 USD"])
        #expect(values("80 pence", type: "money") == ["0.80 GBP"])
        #expect(values("99 cents", type: "money") == ["0.99 USD"])
        #expect(values("fifty cents", type: "money") == ["0.50 USD"])
    }

    @Test func majorAndMinorUnitsTogether() {
        #expect(values("3 dollars 50 cents", type: "money") == ["3.50 USD"])
        #expect(values("three dollars fifty cents", type: "money") == ["3.50 USD"])
        #expect(values("3 dollars and 50 cents", type: "money") == ["3.50 USD"])
        #expect(values("2 pounds 20 pence", type: "money") == ["2.20 GBP"])
        #expect(texts("it was 3 dollars 50 cents", type: "money") == ["3 dollars 50 cents"])
    }

    @Test func europeanNumberFormats() {
        #expect(values("1.200,50 €", type: "money") == ["1200.50 EUR"])
        #expect(values("€1.200,50", type: "money") == ["1200.50 EUR"])
        #expect(values("EUR 2.345.678,90", type: "money") == ["2345678.90 EUR"])
        #expect(values("12,50 €", type: "money") == ["12.50 EUR"])
        // English formats are unchanged.
        #expect(values("$1,200.50", type: "money") == ["1200.50 USD"])
    }

    // MARK: Dates

    @Test func weekdayAndMonthAbbreviationsWithOrWithoutDot() {
        #expect(values("see you on thu", type: "datetime") == ["2024-05-09"])
        #expect(values("see you on Thu.", type: "datetime") == ["2024-05-09"])
        #expect(values("by Tues. please", type: "datetime") == ["2024-05-07"])
        #expect(values("it ships Sept. 5", type: "datetime") == ["2024-09-05"])
        #expect(values("it ships 5 Sept.", type: "datetime") == ["2024-09-05"])
        // Said in the past tense, the last one ("shipped" in May: last September).
        #expect(values("it shipped Sept. 5", type: "datetime") == ["2023-09-05"])
        #expect(values("on Dec. 24, 2024", type: "datetime") == ["2024-12-24"])
        #expect(texts("it shipped Sept. 5", type: "datetime") == ["Sept. 5"])
    }

    @Test func quarters() {
        #expect(values("in Q3", type: "datetime") == ["2024-Q3"])
        #expect(values("Q1 2025 results", type: "datetime") == ["2025-Q1"])
        #expect(values("in the third quarter 2027", type: "datetime") == ["2027-Q3"])
        #expect(values("the second quarter of 2023", type: "datetime") == ["2023-Q2"])
        #expect(values("by the fourth quarter", type: "datetime") == ["2024-Q4"])
    }

    @Test func ordinalDayOfARelativeMonth() {
        #expect(values("on the 2nd of this month", type: "datetime") == ["2024-05-02"])
        #expect(values("the 15th of next month", type: "datetime") == ["2024-06-15"])
        #expect(values("the first of last month", type: "datetime") == ["2024-04-01"])
    }

    @Test func dottedDatesAreNotClockTimes() {
        #expect(values("paid on 3.27.2026", type: "datetime") == ["2026-03-27"])
        #expect(texts("paid on 3.27.2026", type: "datetime") == ["3.27.2026"])
        #expect(values("paid on 27.3.2026", type: "datetime") == ["2026-03-27"])
        #expect(values("at 3.27 pm", type: "datetime") == ["T15:27"])
    }

    @Test func dayMonthNameYear() {
        #expect(values("born 31-Oct-74", type: "datetime") == ["1974-10-31"])
        #expect(values("due 05-Jan-2025", type: "datetime") == ["2025-01-05"])
        #expect(values("due 5/Jan/25", type: "datetime") == ["2025-01-05"])
        #expect(values("due 2025-Jan-05", type: "datetime") == ["2025-01-05"])
    }

    // MARK: Full-width digits and compatibility forms

    @Test func fullWidthFormsAreReadAndOffsetsAreTheOriginals() {
        let phone = entities("call ０２０ ７９４６ ０３２１ now").filter { $0.type == "phone" }
        #expect(phone.map(\.value) == ["02079460321"])
        #expect(phone.map(\.text) == ["０２０ ７９４６ ０３２１"])
        #expect(phone.map(\.start) == [5] && phone.map(\.end) == [18])
        #expect(values("it was ＄１２．５０", type: "money") == ["12.50 USD"])
        #expect(texts("it was ＄１２．５０", type: "money") == ["＄１２．５０"])
        #expect(values("on ２０２４－０５－１０ please", type: "datetime") == ["2024-05-10"])
        #expect(values("ｏｒｄｅｒ ３ items", type: "number") == ["3"])
        // After a form that NFKC lengthens ("ﬁ" → "fi"), offsets still point into the original.
        let afterLigature = entities("ﬁne, call ０１６１ １２３ ４５６７").filter { $0.type == "phone" }
        #expect(afterLigature.map(\.start) == [10])
        #expect(afterLigature.map(\.text) == ["０１６１ １２３ ４５６７"])
        // Vulgar fractions keep their meaning.
        #expect(values("⅔ of it", type: "number") == ["0.6666666666666666"])
    }
}
