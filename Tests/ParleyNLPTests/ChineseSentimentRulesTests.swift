import Testing

@testable import ParleyNLP

/// Chinese sentiment through the analyzer of a Chinese bot (`SentimentAnalyzer.forLanguage("zh")`),
/// and the rules' own sum where the reviews' model would judge the text.
@Suite struct ChineseSentimentRulesTests {
    let analyzer = SentimentAnalyzer.forLanguage("zh")
    let rules = ChineseSentimentRules(
        lexicon: SentimentLexicons.chinese(), supportDesk: SentimentLexicons.chineseSupportDesk(),
        derived: SentimentLexicons.chineseDerived())

    func score(_ text: String) -> Double { analyzer.analyze(text).score }

    /// The rules' summed valence of `text`, before the reviews' model.
    func rulesSum(_ text: String) -> Double { rules.valence(of: Array(text.unicodeScalars)).sum }

    @Test func anAngryCustomerIsFarBelowTheEscalationThreshold() {
        #expect(score("太差劲了，我非常生气！退款！") <= -0.6)
        #expect(score("我要投诉！！！") < -0.5)
    }

    @Test func everydayRequestsAreNeutral() {
        for text in ["我想查一下订单", "客服你好", "请问怎么开发票", "订单号A-10234", "运费多少钱"] {
            #expect(analyzer.analyze(text).label == .neutral, "\(text): \(score(text))")
        }
    }

    @Test func questionsAndRequestsOfTheShopsBusinessAreNeutral() {
        // A-not-A questions, 一般 meaning "usually", a polite 麻烦, a request for a refund,
        // and characters of a word of their own ("香" in 香港, "值" in 值班).
        for text in [
            "您好，在不在", "一般几天能到", "麻烦取消一下我的订单", "我要退款", "怎么申请退货", "缺货了吗",
            "能寄到香港吗", "明天有人值班吗",
            // Asking for a person is no complaint, as "how do I contact a human agent" is none.
            "怎么联系人工客服", "人工客服在吗",
            // 卡 is a card as often as a lag; a clause-final 没有 asks; not wanting an order any
            // more cancels it; 没其他事 is "nothing else".
            "能用银联卡吗", "可以用礼品卡吗", "我的订单发货没有", "订单发出去了没有", "这单不要了",
            "我不想要了，帮我把订单取消", "不想买了，取消订单", "没其他事了", "没别的事了",
            // Being away is a state, no failed action.
            "明天我不在家，周六再送吧", "我白天不在公司",
        ] {
            #expect(analyzer.analyze(text).label == .neutral, "\(text): \(score(text))")
        }
        // Beside a complaint they keep their weight.
        #expect(score("退款还没到账") < score("还没到账"))
        #expect(score("太麻烦了") < 0)
        #expect(score("质量很一般") < 0)
        #expect(analyzer.analyze("手机很卡").label == .negative)
        #expect(analyzer.analyze("页面卡住了").label == .negative)
        #expect(analyzer.analyze("订单到现在还没有").label == .negative)
        #expect(analyzer.analyze("要开发票，结果没有").label == .negative)
        #expect(analyzer.analyze("一点消息都没有").label == .negative)
    }

    @Test func aTimeTheCustomerNamesCarriesNoFeeling() {
        // Reviews say "八点" and "下午三" of late deliveries; a request says when to call or come.
        // A word for a time of day or for time itself is no feeling either ("达时间" of a
        // hotel's "到达时间" had read -2.4 in the reviews, "是下午" -0.7: together an escalation).
        for text in [
            "请晚上八点以后联系我", "周六下午三点到五点送过来", "明天上午十点前能到吗", "送达时间是下午一点",
            "营业时间是早上九点到晚上六点",
        ] {
            #expect(analyzer.analyze(text).label == .neutral, "\(text): \(score(text))")
        }
        #expect(score("快递八点才到，太慢了") < -0.5)
        // No derived run starts inside a weekday or a date ("日付" in "周日付的款").
        for text in ["订单是周日付的款", "28号付的款"] {
            #expect(analyzer.analyze(text).label == .neutral, "\(text): \(score(text))")
        }
    }

    @Test func praiseAndComplaintsAsCustomersWriteThem() {
        // "太棒了": ICU reads it as one word, which hid the 棒 inside it.
        #expect(analyzer.analyze("这家店太棒了").label == .positive)
        // A request's complaint: the reviews' model may weigh in, without its offset for reviews.
        #expect(analyzer.analyze("优惠码用不了").label == .negative)
    }

    @Test func disappointmentIsNegative() {
        for text in ["大失所望", "看了说明书，没什么用", "感觉钱白花了", "看不下去"] {
            #expect(analyzer.analyze(text).label == .negative, "\(text): \(score(text))")
        }
    }

    @Test func praiseIsPositive() {
        #expect(analyzer.analyze("质量很好，非常满意").label == .positive)
        #expect(analyzer.analyze("谢谢你们").label == .positive)
        #expect(analyzer.analyze("没有任何问题").label == .positive)
    }

    @Test func negationTurnsAFeelingRound() {
        #expect(score("好") > 0)
        #expect(score("不是很好") < 0)
        #expect(score("不满意") < 0)
        #expect(score("一点也不喜欢") < 0)
        // A word that starts with a negation is a word of its own.
        #expect(score("不错") > 0)
    }

    @Test func aNegatedActionIsAComplaint() {
        #expect(score("还没发货") < 0)
        #expect(score("打不开") < 0)
        // A negation in a fixed phrase without feeling is none.
        #expect(analyzer.analyze("我不知道订单号").label == .neutral)
    }

    @Test func intensifiersContrastAndEmphasis() {
        #expect(score("非常好") > score("好"))
        #expect(score("太慢") < score("慢"))
        #expect(score("有点慢") > score("慢"))
        // What follows 但是 counts more than what precedes it (to the rules: these read as
        // reviews, whose label the reviews' model gives).
        #expect(rulesSum("质量不错，但是太贵了") < 0)
        #expect(rulesSum("有点贵，但是质量很好") > 0)
        #expect(score("太差了！！！") < score("太差了"))
        #expect(score("太差了！！！") == score("太差了!!!"))
    }

    @Test func supportDeskPhrases() {
        #expect(score("还没到") < 0)
        #expect(score("等了三天") < 0)
        #expect(score("等了两个小时还没人回复") < score("还没人回复"))
        // A negation does not swallow the start of a longer word: "还" + "没人回复", "都" + "没人理".
        #expect(analyzer.analyze("还没人回复").label == .negative)
        #expect(analyzer.analyze("都没人理").label == .negative)
        #expect(analyzer.analyze("还没有任何问题").label == .positive)
        #expect(analyzer.analyze("我要给差评").label == .negative)
        #expect(analyzer.analyze("我要投诉").label == .negative)
        // One complaint alone stays above the escalation threshold; anger does not.
        #expect(score("快递还没到，已经等了三天了") > -0.6)
    }

    @Test func anOrderMissingOrSpoiltOnTheWayIsAComplaint() {
        // Something left out, spilt, gone cold or soggy, a hair in the food, and telling others
        // not to buy: the reviews' model had read some as praise ("忘给筷子了" 0.30).
        for text in [
            "忘给筷子了", "少送了一份饮料", "汤洒了一半", "面都坨了", "饭都凉了", "里面有头发", "量太少了",
            "卫生真是堪忧", "千万不要买",
        ] {
            #expect(analyzer.analyze(text).label == .negative, "\(text): \(score(text))")
        }
        #expect(analyzer.analyze("送得简直神速").label == .positive)
        // Food that made the customer ill, or skimped on.
        for text in ["吃完就肚子疼", "越来越偷工减料了"] {
            #expect(analyzer.analyze(text).label == .negative, "\(text): \(score(text))")
        }
        // A day named beside a wait is no praise ("今天的" had read 2.5 in the reviews).
        #expect(analyzer.analyze("今天的我已经等了两个多小时了还没送到").label == .negative)
    }

    @Test func aYesOrANoIsNoGrievance() {
        // Answers to the bot's questions: a negative label would count towards negative_streak.
        for text in ["是的", "不是", "没有了", "好的"] {
            #expect(analyzer.analyze(text).label != .negative, "\(text): \(score(text))")
        }
        #expect(SentimentAnalyzer.english.analyze("no").label == .neutral)
        #expect(SentimentAnalyzer.english.analyze("no, it arrived broken").label == .negative)
    }

    @Test func aFaultSaidToBeSmallIsPraise() {
        for text in ["噪音很小", "发热量不大", "毛病比较少"] {
            #expect(analyzer.analyze(text).label == .positive, "\(text): \(score(text))")
        }
        #expect(analyzer.analyze("问题不少").label == .negative)
        // "不能接受" is a complaint, not a negated action the reviews' model may turn round.
        #expect(analyzer.analyze("这个价格不能接受").label == .negative)
    }

    @Test func fallingShortOfWhatWasExpectedIsAComplaint() {
        for text in ["没我想象的好吃", "没有想象中那么好", "效果不如预期"] {
            #expect(analyzer.analyze(text).label == .negative, "\(text): \(score(text))")
        }
        #expect(analyzer.analyze("没想到这么好吃").label == .positive)
        // "好好吃" is "so tasty"; "好好吃饭" is "eat properly".
        #expect(analyzer.analyze("好好吃～～").label == .positive)
        #expect(analyzer.analyze("要好好吃饭").label == .neutral)
    }

    @Test func aWaitSaidRoughlyIsAWait() {
        for text in ["等了将近两个小时", "等了两个多小时", "我已经等了快3个小时了", "等了一个半小时", "等了四十分钟"] {
            #expect(analyzer.analyze(text).label == .negative, "\(text): \(score(text))")
        }
    }

    @Test func slowOrLateServiceIsAComplaintTheReviewsModelDoesNotJudge() {
        // To the reviews' model "速度" is a laptop's praise; slowness is the support desk's.
        for text in ["速度慢", "速度有点慢", "送餐时间太晚了", "物流太慢了", "快递又延误了"] {
            #expect(analyzer.analyze(text).label == .negative, "\(text): \(score(text))")
        }
        #expect(analyzer.analyze("慢走").label == .neutral)
        // "说好" is agreed, not good: a broken promise is a complaint.
        #expect(analyzer.analyze("说好周五到的，结果没到").label == .negative)
        #expect(analyzer.analyze("不着急，慢慢来").label != .negative)
    }

    @Test func englishWordsAndEmojiCountInAChineseMessage() {
        #expect(score("太差了 terrible") < score("太差了"))
        #expect(score("收到了😡") < 0)
    }

    @Test func englishMessagesReadAsEnglishAndEnglishBotsAsBefore() {
        #expect(
            score("This is a terrible service") == SentimentAnalyzer.english.analyze("This is a terrible service").score
        )
        #expect(SentimentAnalyzer.english.analyze("太差劲了，我非常生气").score == 0)
    }

    @Test func longMessagesStayBounded() {
        let long = String(repeating: "不", count: 10_000) + String(repeating: "等了", count: 5_000)
        #expect(score(long) <= 0)
        #expect(score(String(repeating: "很好，", count: 3_000)) > 0)
    }
}

extension ChineseSentimentRulesTests {
    @Test func traditionalCharactersScoreAsSimplified() {
        #expect(score("太差勁了，我非常生氣！") == score("太差劲了，我非常生气！"))
    }
}
