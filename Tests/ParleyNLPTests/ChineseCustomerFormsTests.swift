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
        #expect(values("九块包邮的手机壳", "money") == ["9 CNY"])
        #expect(values("十块运费谁出", "money") == ["10 CNY"])
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

    @Test func numberedThingsAreNoDays() {
        #expect(values("买的5号电池", "datetime") == [])
        #expect(values("3号楼2单元", "datetime") == [])
        #expect(values("地铁2号线", "datetime") == [])
        #expect(values("这个周边有店吗", "datetime") == [])
        #expect(values("15号能到吗", "datetime") == ["2024-05-15"])
        #expect(values("人民路18号", "datetime") == [])
        #expect(values("3號樓的管理員", "datetime") == [])
        #expect(values("这个月饼礼盒", "datetime") == [])
        #expect(values("三天两头出问题", "datetime") == [])
    }

    @Test func pointsOfAnArgumentAreNoClockTimes() {
        #expect(values("有三点建议", "datetime") == [])
        #expect(values("说两点：物流慢，包装差", "datetime") == [])
        #expect(values("三点能送到吗", "datetime") == ["T03:00"])
        #expect(values("我有两点要反馈", "datetime") == [])
    }

    @Test func wordsThatHoldGuoOrHouAreNoOffsets() {
        #expect(values("超过三天没发货", "datetime") == ["P3D"])
        #expect(values("用了两天后悔死了", "datetime") == ["P2D"])
        #expect(values("三天后到", "datetime") == ["2024-05-06"])
        #expect(values("过两天再说", "datetime") == ["2024-05-05"])
    }

    @Test func aRangeOfTimesIsAnInterval() {
        #expect(values("下午2点到4点之间送货", "datetime") == ["T14:00/T16:00"])
        #expect(values("明天下午两点到五点都在家", "datetime") == ["2024-05-04T14:00/2024-05-04T17:00"])
        #expect(values("晚上七点到九点有人", "datetime") == ["T19:00/T21:00"])
        #expect(values("营业时间9:00-18:00吗", "datetime") == ["T09:00/T18:00"])
    }

    @Test func aDateBeforeWhichSomethingMustHappenIsTheNextOne() {
        // Friday 3 May: 1月3号 has passed, so "before 1月3号" is next year's.
        #expect(values("能不能1月3号之前送到", "datetime") == ["2025-01-03"])
        #expect(values("1月3号买的", "datetime") == ["2024-01-03"])
    }

    @Test func theWeekendIsItsSaturdayAndSunday() {
        #expect(values("周末能送到吗", "datetime") == ["2024-05-04/2024-05-05"])
        #expect(values("下周末在家", "datetime") == ["2024-05-11/2024-05-12"])
        #expect(values("这周末可以吗", "datetime") == ["2024-05-04/2024-05-05"])
        #expect(values("附近周边有店吗", "datetime") == [])
        #expect(values("上上周末买的", "datetime") == ["2024-04-20/2024-04-21"])
        #expect(values("每个周末都送货吗", "datetime") == [])
    }

    @Test func lateHoursOfTheNight() {
        #expect(values("晚上十二点", "datetime") == ["T00:00"])
        #expect(values("夜里两点", "datetime") == ["T02:00"])
        #expect(values("夜里十点", "datetime") == ["T22:00"])
        #expect(values("昨晚12点", "datetime") == ["2024-05-03T00:00"])
        #expect(values("今晚11点", "datetime") == ["2024-05-03T23:00"])
        #expect(values("昨晚2点", "datetime") == ["2024-05-03T02:00"])
        #expect(values("今天夜里两点", "datetime") == ["2024-05-04T02:00"])
        #expect(values("明天凌晨两点", "datetime") == ["2024-05-04T02:00"])
        #expect(values("明天傍晚4点", "datetime") == ["2024-05-04T16:00"])
    }

    @Test func minutesAfterAZeroAndAHalfAfterTheUnit() {
        #expect(values("八点零五分", "datetime") == ["T08:05"])
        #expect(values("十点零五到", "datetime") == ["T10:05"])
        #expect(values("一天半", "datetime") == ["PT36H"])
        #expect(values("一年半", "datetime") == ["P18M"])
        #expect(values("一个半月", "datetime") == ["P1.5M"])
    }

    @Test func currenciesNamedBeforeTheAmount() {
        #expect(values("港币200", "money") == ["200 HKD"])
        #expect(values("美金50", "money") == ["50 USD"])
        #expect(values("新台币500元", "money") == ["500 TWD"])
        #expect(values("50刀买的", "money") == ["50 USD"])
        #expect(values("砍一刀", "money") == [])
        #expect(values("1000日圓", "money") == ["1000 JPY"])
        #expect(values("人民幣參佰元", "money") == ["300 CNY"])
    }

    @Test func aDaySaidInThePastIsTheLastOne() {
        #expect(values("我周一下的单", "datetime") == ["2024-04-29"])
        #expect(values("周三买的，还没到", "datetime") == ["2024-05-01"])
        #expect(values("28号发的货", "datetime") == ["2024-04-28"])
        #expect(values("我15号就收到了", "datetime") == ["2024-04-15"])
        #expect(values("12月20日付的款", "datetime") == ["2023-12-20"])
        #expect(values("周末送到的", "datetime") == ["2024-04-27/2024-04-28"])
        #expect(values("周一没到", "datetime") == ["2024-04-29"])
        #expect(values("周二的时候快递员没打电话", "datetime") == ["2024-04-30"])
        #expect(values("从周一到现在一直没有物流信息", "datetime") == ["2024-04-29"])
        #expect(values("我周四就申请退款了", "datetime") == ["2024-05-02"])
    }

    @Test func aDaySaidOfWhatIsAheadIsTheNextOne() {
        #expect(values("能周一送到吗", "datetime") == ["2024-05-06"])
        #expect(values("周一能到吗", "datetime") == ["2024-05-06"])
        #expect(values("请周六送", "datetime") == ["2024-05-04"])
        #expect(values("15号之前送到", "datetime") == ["2024-05-15"])
        #expect(values("我周一下的单，周三能到吗", "datetime") == ["2024-04-29", "2024-05-08"])
        // 的 of the date or of a pronoun, and markers inside other words, are no past.
        #expect(values("周六的快递能准时到吗", "datetime") == ["2024-05-04"])
        #expect(values("周六我的快递能到吗", "datetime") == ["2024-05-04"])
        #expect(values("周六送过来吧", "datetime") == ["2024-05-04"])
        #expect(values("我想周日去店里了解一下", "datetime") == ["2024-05-05"])
        #expect(values("15号发货的话，什么时候能到", "datetime") == ["2024-05-15"])
        #expect(values("周六没空", "datetime") == ["2024-05-04"])
    }

    @Test func aBrokenPromiseWasForADayPast() {
        #expect(values("快递员说周三会送，结果到现在都没来", "datetime") == ["2024-05-01"])
        #expect(values("订单说周四送达，结果没送", "datetime") == ["2024-05-02"])
        #expect(values("客服说周一能到", "datetime") == ["2024-05-06"])
        #expect(values("客服说周一能到，没问题吧", "datetime") == ["2024-05-06"])
    }

    @Test func aMonthOrADayPassedIsTheComingOneWhenAhead() {
        #expect(values("一月能到货吗", "datetime") == ["2025-01"])
        #expect(values("我是一月买的", "datetime") == ["2024-01"])
        #expect(values("1月5日能送到吗", "datetime") == ["2025-01-05"])
        #expect(values("1号能到吗", "datetime") == ["2024-06-01"])
        #expect(values("1月3号之前送到", "datetime") == ["2025-01-03"])
    }

    @Test func holidaysOfBothCalendars() {
        // The Chinese new year of 2024 was on 10 February, that of 2025 on 29 January.
        #expect(values("春节前能到吗", "datetime") == ["2025-01-29"])
        #expect(values("过年前能发货吗", "datetime") == ["2025-01-29"])
        #expect(values("过年的时候买的", "datetime") == ["2024-02-10"])
        #expect(values("除夕送货吗", "datetime") == ["2025-01-28"])
        #expect(values("中秋节晚上8点送", "datetime") == ["2024-09-17T20:00"])
        #expect(values("端午节放假吗", "datetime") == ["2024-06-10"])
        #expect(values("双十一的订单还没发货", "datetime") == ["2023-11-11"])
        #expect(values("双十一的订单还没发货", "number") == [])
        #expect(values("双11能便宜点吗", "datetime") == ["2024-11-11"])
        #expect(values("圣诞节前能到吗", "datetime") == ["2024-12-25"])
        // 的 after a holiday, or after 前 or 后, is the date's, no past.
        #expect(values("圣诞节前的星期五能到吗", "datetime").first == "2024-12-25")
        #expect(values("圣诞节的快递能到吗", "datetime") == ["2024-12-25"])
        #expect(values("元旦放假吗", "datetime") == ["2025-01-01"])
        #expect(values("保修超过年限了", "datetime") == [])
        #expect(values("去年双十一买的", "datetime") == ["2023-11-11"])
        #expect(values("去年春节买的还没退款", "datetime") == ["2023-01-22"])
        // Names, addresses, programmes, sizes and things.
        #expect(values("我叫张国庆，订单没到", "datetime") == [])
        #expect(values("寄到国庆路88号", "datetime") == [])
        #expect(values("青春节目的周边有货吗", "datetime") == [])
        #expect(values("这双11码的鞋子有货吗", "datetime") == [])
        #expect(values("圣诞树什么时候到货", "datetime") == [])
        #expect(values("下周国庆放假吗", "datetime") == ["2024-W19", "2024-10-01"])
        // A range whose end would start at the message's end.
        #expect(values("下午2点到", "datetime") == ["T14:00"])
    }

    @Test func rangesOfDaysWhoseEndWouldComeFirst() {
        #expect(values("我20号到3号不在家", "datetime") == ["2024-05-20/2024-06-03"])
        #expect(values("12月20号到1月3号不在家", "datetime") == ["2024-12-20/2025-01-03"])
        #expect(values("周一到周五都可以送", "datetime") == ["2024-05-06/2024-05-10"])
        #expect(values("周六到周日不在家", "datetime") == ["2024-05-04/2024-05-05"])
        #expect(values("5号到8号之间送", "datetime") == ["2024-05-05/2024-05-08"])
        #expect(values("周五到周五都不在家", "datetime") == ["2024-05-03/2024-05-10"])
    }

    @Test func aWeekdayEndingARangeIsTheFirstSuchDayAfterItsStart() {
        // Said on Friday 3 May 2024: last week's Monday to its Friday, not to this one.
        #expect(values("我上周一到周五不在家", "datetime") == ["2024-04-22/2024-04-26"])
        #expect(values("下周一到周三都可以", "datetime") == ["2024-05-06/2024-05-08"])
        #expect(values("明天到周二都不在家", "datetime") == ["2024-05-04/2024-05-07"])
        #expect(values("上周一到周五下午都不在家", "datetime") == ["2024-04-22/2024-04-26TAF"])
        // An end with a week of its own keeps it.
        #expect(values("上周五到这周二", "datetime") == ["2024-04-26/2024-04-30"])
    }

    @Test func rangesOfDaysSaidWithRiOrABareFirstDay() {
        // "25日" after a day is a day; a bare "20日" is one before another "N日" or "N号", a
        // bare number before "N号".
        #expect(values("我20日到25日不在家", "datetime") == ["2024-05-20/2024-05-25"])
        #expect(values("12月20日到25日不在家", "datetime") == ["2024-12-20/2024-12-25"])
        #expect(values("5月1日-3日不在家", "datetime") == values("5月1日到5月3日不在家", "datetime"))
        #expect(values("我1-3号不在家", "datetime") == values("我1号到3号不在家", "datetime"))
        #expect(values("我20到25号不在家", "datetime") == ["2024-05-20/2024-05-25"])
        // Days as a span stay a span: "3到5日" is three to five days, "7日无理由退货" a week's returns.
        #expect(!values("3到5日送达", "datetime").contains { $0.contains("/") })
        #expect(values("支持7日无理由退货吗", "datetime") == [])
    }

    @Test func aNameOrAStreetNamedAfterAMonthIsNoDate() {
        #expect(values("我叫四月，订单还没到", "datetime") == [])
        #expect(values("收件人叫做五月", "datetime") == [])
        #expect(values("地址是五月街12号", "datetime") == [])
        #expect(values("四月路那家店", "datetime") == [])
        #expect(values("四月能到货吗", "datetime") == ["2025-04"])
        #expect(values("五月大促什么时候开始", "datetime") == ["2024-05"])
    }

    @Test func theDayOfAnOrderIsPast() {
        #expect(values("能查一下四月五号的订单吗", "datetime") == ["2024-04-05"])
        #expect(values("周五的快递能准时到吗", "datetime") == ["2024-05-03"])
    }

    @Test func wordsThatStartLikeAnOrdinal() {
        #expect(values("第三方卖家", "ordinal") == [])
        #expect(values("第一时间处理", "ordinal") == [])
        #expect(values("第三个", "ordinal") == ["3"])
        #expect(texts("第2双鞋码数不对", "ordinal") == ["第2双"])
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
        #expect(values("我的QQ号是12345678", "phone") == [])
        #expect(values("电话010-12345678", "phone") == ["01012345678"])
    }
}
