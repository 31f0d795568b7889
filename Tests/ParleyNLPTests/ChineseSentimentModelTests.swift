import Testing

@testable import ParleyNLP

/// The reviews' model beside the Chinese rules: what it reads, and the bounds it is held to.
@Suite struct ChineseSentimentModelTests {
    @Test func itTellsAFavourableReviewFromAnUnfavourableOne() {
        let model = ChineseSentimentModel(SentimentLexicons.chineseModel())
        #expect(model.weights.count == 20000)
        #expect(model.logOdds("质量很好，非常满意，下次还会再买") > 0)
        #expect(model.logOdds("质量太差了，非常失望，再也不买了") < 0)
        // Runs of white space count as one space; white space alone is no run.
        #expect(model.logOdds("很好  用") == model.logOdds(" 很好 用 "))
        #expect(model.logOdds("   ") == model.bias)
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

    @Test func negatedFeelingsAreTheRulesToRead() {
        let analyzer = SentimentAnalyzer.forLanguage("zh")
        // The lexicon's negated phrase and a negation the rules apply: the model (which reads
        // 问题 and 满意 as a review's) does not turn them round.
        #expect(analyzer.analyze("没有任何问题").label == .positive)
        #expect(analyzer.analyze("我不满意").label == .negative)
    }
}
