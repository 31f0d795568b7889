import Foundation
import ParleyNLP
import Testing

/// The Chinese entity rules through `EntityExtractor`, in a Chinese bot, at
/// the shared reference time (Friday 3 May 2024, 10:00 UTC).
@Suite struct ChineseEntitiesTests: EntityExamples {
    var chinese: EntityExtractor { EntityExtractor(timeZone: utc, language: "zh") }

    func found(_ text: String, type: String) -> [Entity] {
        entities(text, chinese).filter { $0.type == type }
    }

    func values(_ text: String, _ type: String) -> [String] { found(text, type: type).map(\.value) }

    @Test func readsMoneyInYuanAndOtherCurrencies() {
        #expect(values("我要退款200元，订单号A-10234", "money") == ["200 CNY"])
        #expect(values("一共花了三百五十块钱", "money") == ["350 CNY"])
        #expect(values("预算1.5万元左右", "money") == ["15000 CNY"])
        #expect(values("两千五块", "money") == ["2500 CNY"])
        #expect(values("才两块五", "money") == ["2.50 CNY"])
        #expect(values("找我五毛钱", "money") == ["0.50 CNY"])
        #expect(values("3元5角2分", "money") == ["3.52 CNY"])
        #expect(values("人民币500元", "money") == ["500 CNY"])
        #expect(values("RMB 1.5万", "money") == ["15000 CNY"])
        #expect(values("花了100美元", "money") == ["100 USD"])
        #expect(values("30欧元", "money") == ["30 EUR"])
        #expect(values("一块蛋糕", "money").isEmpty)
    }

    @Test func theYenSignIsTheYuanOnlyInAChineseBot() {
        #expect(values("退我¥200", "money") == ["200 CNY"])
        #expect(values("退我￥200", "money") == ["200 CNY"])
        #expect(entities("refund ¥200").filter { $0.type == "money" }.map(\.value) == ["200 JPY"])
        #expect(entities("退我¥200").filter { $0.type == "money" }.map(\.value) == ["200 JPY"])
    }

    @Test func keepsTheOffsetsOfTheMessageAsWritten() {
        let money = found("一共花了三百五十块钱", type: "money")
        #expect(money.map(\.text) == ["三百五十块钱"])
        #expect(money.first?.start == 4 && money.first?.end == 10)
        // Full-width digits read as digits; the text stays as written.
        let wide = found("退款３００元", type: "money")
        #expect(wide.map(\.value) == ["300 CNY"])
        #expect(wide.map(\.text) == ["３００元"])
        #expect(wide.first?.start == 2 && wide.first?.end == 6)
    }

    @Test func resolvesDaysAndTimesAgainstTheReferenceTime() {
        #expect(values("明天下午三点送到", "datetime") == ["2024-05-04T15:00"])
        #expect(values("今天", "datetime") == ["2024-05-03"])
        #expect(values("后天", "datetime") == ["2024-05-05"])
        #expect(values("昨天到的", "datetime") == ["2024-05-02"])
        #expect(values("晚上八点", "datetime") == ["T20:00"])
        #expect(values("上午10点半", "datetime") == ["T10:30"])
        #expect(values("下午3:30", "datetime") == ["T15:30"])
        #expect(values("12月3日", "datetime") == ["2024-12-03"])
        #expect(values("2025年1月5号", "datetime") == ["2025-01-05"])
        #expect(values("下个月15号", "datetime") == ["2024-06-15"])
        #expect(values("今晚八点", "datetime") == ["2024-05-03T20:00"])
        #expect(values("明天下午", "datetime") == ["2024-05-04TAF"])
    }

    @Test func readsWeekdaysWithMondayFirst() {
        // The reference is a Friday.
        #expect(values("下周一", "datetime") == ["2024-05-06"])
        #expect(values("下星期三", "datetime") == ["2024-05-08"])
        #expect(values("这周一", "datetime") == ["2024-04-29"])
        #expect(values("上周五", "datetime") == ["2024-04-26"])
        #expect(values("周五", "datetime") == ["2024-05-03"])
        #expect(values("礼拜天", "datetime") == ["2024-05-05"])
        #expect(values("下周", "datetime") == ["2024-W19"])
        #expect(values("下个月", "datetime") == ["2024-06"])
        #expect(values("明年", "datetime") == ["2025"])
    }

    @Test func readsOffsetsAndDurations() {
        #expect(values("三天后", "datetime") == ["2024-05-06"])
        #expect(values("两周前", "datetime") == ["2024-04-19"])
        #expect(values("过两天", "datetime") == ["2024-05-05"])
        #expect(values("30分钟后", "datetime") == ["2024-05-03T10:30"])
        #expect(values("等了30分钟", "datetime") == ["PT30M"])
        #expect(values("已经等了三天了", "datetime") == ["P3D"])
        #expect(values("半小时", "datetime") == ["PT30M"])
        #expect(values("两个小时", "datetime") == ["PT2H"])
    }

    @Test func neverInventsAnImpossibleDate() {
        let found = found("2月30日", type: "datetime")
        #expect(found.map(\.value) == ["2月30日"])
    }

    @Test func readsOrdinals() {
        #expect(values("第二个", "ordinal") == ["2"])
        #expect(values("第3次", "ordinal") == ["3"])
        #expect(values("最后一个", "ordinal") == ["-1"])
        #expect(values("倒数第二个", "ordinal") == ["-2"])
        #expect(values("上一个订单", "ordinal") == ["-1"])
        #expect(values("最后还是没到", "ordinal").isEmpty)
    }

    @Test func readsChineseNumerals() {
        #expect(values("三百五十", "number") == ["350"])
        #expect(values("两千五", "number") == ["2500"])
        #expect(values("一千零五", "number") == ["1005"])
        #expect(values("十二", "number") == ["12"])
        #expect(values("1.5万", "number") == ["15000"])
        #expect(values("我买了两个", "number") == ["2"])
        #expect(values("壹佰", "number") == ["100"])
        for phrase in ["我想问一下", "快一点", "千万别买", "万一丢了", "一起寄"] {
            #expect(values(phrase, "number").isEmpty, "\(phrase)")
        }
    }

    @Test func readsTraditionalCharacters() {
        #expect(values("明天下午三點", "datetime") == ["2024-05-04T15:00"])
        #expect(values("兩塊五", "money") == ["2.50 CNY"])
        #expect(values("下週一", "datetime") == ["2024-05-06"])
    }

    @Test func findsMainlandAndInternationalPhoneNumbers() {
        #expect(values("电话138 1234 5678", "phone") == ["13812345678"])
        #expect(values("手机号13812345678", "phone") == ["13812345678"])
        #expect(values("打+86 138 1234 5678", "phone") == ["+8613812345678"])
    }

    @Test func trainersPatternsWorkInsideChineseText() throws {
        let orders = try EntityPattern(name: "order_id", patterns: [#"\b[A-Z]-\d{5}\b"#])
        let extractor = EntityExtractor(patterns: [orders], timeZone: utc, language: "zh")
        let found = entities("订单号A-10234还没到，退款200元", extractor)
        #expect(found.map(\.type) == ["order_id", "money"])
        #expect(found.first?.start == 3)
    }

    @Test func staysBoundedOnLongRuns() {
        let digits = String(repeating: "一", count: 10_000)
        #expect(values(digits + "元", "money").isEmpty)
        #expect(entities(String(repeating: "9", count: 50_000) + "天后", chinese).allSatisfy { $0.type != "money" })
        #expect(entities(String(repeating: "第", count: 10_000), chinese).isEmpty)
    }
}
