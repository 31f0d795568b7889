import Foundation
import ParleyNLP
import Testing

/// The order of numeric dates by locale (CLDR's through ICU), and the extractor reading them so.
@Suite struct DateOrderTests: EntityExamples {
    @Test func localesGiveTheirOrder() {
        #expect(DateOrder.of(locale: "en-GB") == .dayFirst)
        #expect(DateOrder.of(locale: "en_AU") == .dayFirst)
        #expect(DateOrder.of(locale: "de-DE") == .dayFirst)
        #expect(DateOrder.of(locale: "en-US") == .monthFirst)
        // A year first reads month, day after it.
        #expect(DateOrder.of(locale: "zh-CN") == .monthFirst)
        #expect(DateOrder.of(locale: "english") == nil)
        #expect(DateOrder.of(locale: "") == nil)
    }

    @Test func dayFirstReadsTheDayFirstUnlessItCannotBe() {
        let british = EntityExtractor(timeZone: utc, dateOrder: .dayFirst)
        func dates(_ text: String, _ extractor: EntityExtractor) -> [String] {
            entities(text, extractor).filter { $0.type == "datetime" }.map(\.value)
        }
        #expect(dates("ordered on 3/12/2024", british) == ["2024-12-03"])
        #expect(dates("ordered on 3/12/2024", EntityExtractor(timeZone: utc)) == ["2024-03-12"])
        #expect(dates("it came on 13/3/2024", british) == ["2024-03-13"])
        #expect(dates("it came on 3/13/2024", british) == ["2024-03-13"])
        #expect(dates("since 2/5", british) == ["2024-05-02"])
        #expect(dates("paid 2024-03-12", british) == ["2024-03-12"])
    }
}
