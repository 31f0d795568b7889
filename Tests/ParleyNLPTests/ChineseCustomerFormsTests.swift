import Foundation
import ParleyNLP
import Testing

/// How Chinese customers write amounts, numbers, dates, links and order numbers in chats,
/// each form with the value it must normalise to (found by trying 301 support messages and
/// reviews against the extractor), in a Chinese bot at the shared reference time (Friday 3
/// May 2024, 10:00 UTC).
@Suite struct ChineseCustomerFormsTests: EntityExamples {
    var chinese: EntityExtractor { EntityExtractor(timeZone: utc, language: "zh") }

    func values(_ text: String, _ type: String) -> [String] {
        entities(text, chinese).filter { $0.type == type }.map(\.value)
    }

    func texts(_ text: String, _ type: String) -> [String] {
        entities(text, chinese).filter { $0.type == type }.map(\.text)
    }

    // MARK: Numbers in Chinese text

    @Test func digitsGluedToChineseAreNumbers() {
        #expect(values("运费3.5", "number") == ["3.5"])
        #expect(values("别家卖12.5你们卖15.8", "number") == ["12.5", "15.8"])
        #expect(values("买了3个", "number") == ["3"])
        #expect(texts("买了3个", "number") == ["3"])
    }

    @Test func wordsThatStartWithANumeralAreNoNumbers() {
        #expect(values("十分满意", "number") == [])
        #expect(values("跟图片一样", "number") == [])
        #expect(values("我们一块儿去", "number") == [])
        #expect(values("我们一块儿去", "money") == [])
    }

    // MARK: Money

    @Test func kuaiBeforeAnyWord() {
        #expect(values("20块以上包邮吗", "money") == ["20 CNY"])
        #expect(values("退我三十块差价", "money") == ["30 CNY"])
        #expect(values("两个七十六块对吧", "money") == ["76 CNY"])
        // A piece of something is no money.
        #expect(values("一块蛋糕", "money") == [])
        #expect(values("三块肥皂", "money") == [])
    }

    @Test func kuaiThenTheTenthsInDigitsOrNumerals() {
        #expect(values("9块9包邮", "money") == ["9.90 CNY"])
        #expect(values("一块五一个", "money") == ["1.50 CNY"])
        #expect(values("三块二一斤", "money") == ["3.20 CNY"])
        #expect(values("八块八毛八", "money") == ["8.88 CNY"])
    }

    // MARK: Dates and durations

    @Test func twoNeighbouringNumeralsAreAnApproximateAmount() {
        // As "2 or 3 days" is P3D in English: the upper bound.
        #expect(values("两三天就到", "datetime") == ["P3D"])
        #expect(values("一两天", "datetime") == ["P2D"])
        #expect(values("三四个小时", "datetime") == ["PT4H"])
        #expect(values("七八天了", "datetime") == ["P8D"])
        #expect(texts("两三天就到", "datetime") == ["两三天"])
    }

    @Test func relativeDaysAreNotReadAcrossWords() {
        #expect(values("然后天猫那边说有货", "datetime") == [])
        #expect(values("之前天猫买的", "datetime") == [])
        #expect(values("后天能到吗", "datetime") == ["2024-05-05"])
        #expect(values("第二天就到了", "ordinal") == ["2"])
        #expect(values("第二天就到了", "datetime") == [])
    }

    // MARK: Links and order numbers

    @Test func aLinkEndsWhereTheChineseResumes() {
        let link = "https://shop.example.com/item?id=123456"
        #expect(values("链接\(link)你们看一下", "url") == [link])
        #expect(values("官网\(link)说支持退货", "url") == [link])
        #expect(values("看这个\(link)，显示已签收", "url") == [link])
        #expect(values("‘https://example.com/sale’", "url") == ["https://example.com/sale"])
        #expect(
            values("see https://en.wikipedia.org/wiki/Parcel_(post).", "url") == [
                "https://en.wikipedia.org/wiki/Parcel_(post)"
            ])
    }

    @Test func trackingAndOrderNumbersAreNoPhones() {
        #expect(values("订单号：285712345678", "phone") == [])
        #expect(values("中通快递单号75312345678901", "phone") == [])
        #expect(values("运单号4312345678901", "phone") == [])
        #expect(values("我的手机13812345678", "phone") == ["13812345678"])
        #expect(values("电话010-12345678", "phone") == ["01012345678"])
    }
}
