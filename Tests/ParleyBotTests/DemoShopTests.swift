import Foundation
import ParleyBot
import ParleyTestSupport
import Testing

/// The demo shop's dates: written relative to today in its orders file, so the
/// shipped demo never promises a delivery on a day already past, and answered
/// as the bot's customers read them.
@Suite struct DemoShopTests {
    static let orders = """
        orders:
          - id: A-10234
            name: Ana Lima
            status: shipped
            placed: 5 days ago
            eta: in 2 days
            address: 12 Rose Street, Bristol
            total: 34.50 euros
          - id: B-55513
            name: Ines Costa
            status: shipped
            placed: 6 DAYS AGO
            eta: yesterday
            address: 40 Park Row, London
            total: 54.00 euros
        """

    /// Wednesday 25 November 2026, 10:00 in London.
    static let wednesday = Date(timeIntervalSince1970: 1_795_600_800)
    static let london = TimeZone(identifier: "Europe/London")!

    static func status(of order: String, language: String, today: Date) throws -> JSONValue {
        let folder = try TemporaryFolder()
        let path = try folder.write("demo-shop.yml", orders)
        let shop = try DemoShop.load(path: path, language: language, timeZone: london, today: { today })
        return shop.handle("orders/status", request: .object(["slots": .object(["order_id": .string(order)])])).answer
    }

    @Test func relativeDaysAreReadInEveryForm() {
        let forms = [
            "today": 0, "Yesterday": -1, "tomorrow": 1, "5 days ago": -5, "1 day ago": -1, "in 2 days": 2,
            "in 1 day": 1, "in  0  days": 0,
        ]
        for (text, offset) in forms { #expect(RelativeDay(text)?.offset == offset, "\(text)") }
        for text in ["Thursday 27 November", "2 days", "in -2 days", "-3 days ago", "in two days", "", "ago"] {
            #expect(RelativeDay(text) == nil, "\(text)")
        }
    }

    @Test func aProblemIsReportedOnceAndOnlyWhenTheParcelIsLate() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("demo-shop.yml", Self.orders)
        let shop = try DemoShop.load(path: path, language: "en", timeZone: Self.london, today: { Self.wednesday })
        func report(_ order: String) -> JSONValue {
            shop.handle("orders/problem", request: .object(["slots": .object(["order_id": .string(order)])])).answer
        }
        let first = report("B-55513")
        #expect(first["outcome"]?.text == "reported")
        let again = report("b-55513")
        #expect(again["outcome"]?.text == "already_reported")
        #expect(again["case_id"]?.text == first["case_id"]?.text)
        // A parcel on its way and not yet due is not late: no case, no promise of a refund.
        let notDue = report("A-10234")
        #expect(notDue["outcome"]?.text == "on_its_way")
        #expect(notDue["case_id"] == nil)
        // An order number written without its hyphen is the same order, not "not found".
        #expect(report("A10234")["outcome"]?.text == "on_its_way")
        #expect(report("a 10234")["order_id"]?.text == "A-10234")
        #expect(report("A-10299")["outcome"]?.text == "not_found")
    }

    @Test func datesCountFromTodayAndNameTheRightWeekday() throws {
        let answer = try Self.status(of: "a-10234", language: "en", today: Self.wednesday)
        #expect(answer["placed"]?.text == "Friday 20 November")
        #expect(answer["eta"]?.text == "Friday 27 November")
        let late = try Self.status(of: "B-55513", language: "en", today: Self.wednesday)
        #expect(late["eta"]?.text == "Tuesday 24 November")
        // A week on, the same order is still due two days from then, not on a day already past.
        let weekLater = try Self.status(of: "A-10234", language: "en", today: Self.wednesday + 7 * 86_400)
        #expect(weekLater["eta"]?.text == "Friday 4 December")
    }

    /// A shipped order whose day has passed is `late`, so that the bot apologises instead of
    /// promising a delivery "by" a day already gone; one still due is `shipped`.
    @Test func aShippedOrderPastItsDayIsLate() throws {
        let late = try Self.status(of: "B-55513", language: "en", today: Self.wednesday)
        #expect(late["outcome"]?.text == "late")
        #expect(late["status"]?.text == "shipped")
        #expect(late["days_late"] == .number(1))
        let due = try Self.status(of: "A-10234", language: "en", today: Self.wednesday)
        #expect(due["outcome"]?.text == "shipped")
        #expect(due["days_late"] == nil)
    }

    @Test func aChineseBotsShopAnswersChineseDates() throws {
        let answer = try Self.status(of: "A-10234", language: "zh", today: Self.wednesday)
        #expect(answer["eta"]?.text == "11月27日 星期五")
    }

    @Test func aDateThatIsNotRelativeToTodayIsAFileLineError() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(
            "demo-shop.yml", Self.orders.replacingOccurrences(of: "eta: yesterday", with: "eta: Monday 24 November"))
        #expect {
            _ = try DemoShop.load(path: path)
        } throws: { error in
            "\(error)".contains("demo-shop.yml:13") && "\(error)".contains("relative to today")
        }
    }
}
