import Testing

@testable import ParleyNLP

/// The two models beside the Chinese rules: what they read, that they read it as
/// scikit-learn does, and the bounds the analyzer holds them to.
@Suite struct ChineseSentimentModelTests {
    let reviews = ChineseSentimentModel(SentimentLexicons.chineseModel())
    let review = ChineseSentimentModel(SentimentLexicons.chineseReviewModel())

    @Test func itTellsAFavourableReviewFromAnUnfavourableOne() {
        #expect(reviews.runs.count == 50000)
        #expect(reviews.logOdds("质量很好，非常满意，下次还会再买") > 0)
        #expect(reviews.logOdds("质量太差了，非常失望，再也不买了") < 0)
        // Runs of white space count as one space, the ends are trimmed; nothing known is the intercept.
        #expect(reviews.logOdds("很好  用") == reviews.logOdds(" 很好 用 "))
        #expect(reviews.logOdds("   ") == reviews.bias)
    }

    @Test func itReadsAsScikitLearnsTfidfVectorizerAndLogisticRegression() {
        // Computed from the resource files by scikit-learn's formula ((1 + ln count) × idf,
        // scaled to length 1) on NFKC text: "好" five times, a space between; "，" is ",".
        #expect(abs(reviews.logOdds("好好好 好好") - 0.102369) < 1e-6)
        #expect(abs(reviews.logOdds("质量很好,非常满意,下次还会再买") - 4.141985) < 1e-6)
        #expect(abs(review.logOdds("房间很干净，服务也很热情") - 4.653748) < 1e-6)
    }

    /// The model's decision for `text`: its log-odds plus its offset.
    func decision(_ model: ChineseSentimentModel, _ text: String) -> Double {
        model.decision(ChineseSentimentModel.runCounts(text))
    }

    @Test func itTellsAReviewFromASupportRequest() {
        #expect(decision(review, "房间很干净，服务也很热情") > 0)
        #expect(decision(review, "质量太差了，非常失望，再也不买了") > 0)
        #expect(decision(review, "我的订单什么时候到") < 0)
        // The offsets the deriving script fitted.
        #expect(reviews.offset == 0.85 && review.offset == -1.9658)
    }

    @Test func itMayTurnAWeakLabelRoundButNotMakeOrCalmAnger() {
        // Within ±2 the sign is the model's, the size the rules'.
        #expect(SentimentAnalyzer.weighed(0.8, by: -3) == -0.8)
        #expect(SentimentAnalyzer.weighed(-0.8, by: 0.5) == -0.8)
        #expect(SentimentAnalyzer.weighed(-1.2, by: 1.2) == 0)
        #expect(SentimentAnalyzer.weighed(1.5, by: -40) == -1.5)
        // A stronger feeling of the rules' own stands, whatever the model reads.
        #expect(SentimentAnalyzer.weighed(-3.5, by: 4) == -3.5)
        #expect(SentimentAnalyzer.weighed(2.5, by: -4) == 2.5)
    }

    @Test func inAReviewTheRulesAndTheModelAreAddedAndTheSizeIsTheRulesWhenTheirSignStands() {
        #expect(SentimentAnalyzer.judged(-3.5, by: 3) == -3.5)
        #expect(SentimentAnalyzer.judged(2.5, by: -2) == 2.5)
        #expect(SentimentAnalyzer.judged(-1, by: 3) == SentimentAnalyzer.reviewSum)
        #expect(SentimentAnalyzer.judged(0, by: -2) == -SentimentAnalyzer.reviewSum)
        // At most 4 either way: strong anger stands against a model that reads a rave.
        #expect(SentimentAnalyzer.judged(-4.5, by: 30) == -4.5)
        #expect(SentimentAnalyzer.judged(1, by: -1) == 0)
    }

    @Test func aReviewWithoutAFeelingTheRulesKnowGetsTheModelsLabelWeakly() {
        let analyzer = SentimentAnalyzer.forLanguage("zh")
        // Reviews in words the rules do not know; a request the rules find nothing in stays neutral.
        for (text, label) in [("早餐种类多，下次还住这里", Sentiment.Label.positive), ("纸张很薄，印刷模糊", .negative)] {
            let sentiment = analyzer.analyze(text)
            #expect(sentiment.label == label && abs(sentiment.score) < 0.31, "\(text): \(sentiment)")
        }
        #expect(analyzer.analyze("我的订单什么时候到").label == .neutral)
    }

    @Test func negatedFeelingsAndSupportComplaintsAreTheRulesToRead() {
        let analyzer = SentimentAnalyzer.forLanguage("zh")
        // The lexicon's negated phrase and a negation the rules apply: the model (which reads
        // 问题 and 满意 as a review's) does not turn them round.
        #expect(analyzer.analyze("没有任何问题").label == .positive)
        #expect(analyzer.analyze("我不满意").label == .negative)
        // Reads as a review, and the reviews' model finds it favourable (two hours is quick
        // for a parcel), but a wait is the support desk's: a complaint.
        for text in ["已经等了两个小时", "等了两个小时了,还是没到"] {
            #expect(decision(review, text) > 0 && decision(reviews, text) > 0, "\(text)")
            #expect(analyzer.analyze(text).label == .negative, "\(text)")
        }
    }
}
