import ParleyNLP
import Testing

@Suite struct SentimentAnalyzerTests {
    let analyzer = SentimentAnalyzer.english

    func score(_ text: String) -> Double { analyzer.analyze(text).score }

    @Test func labelsFollowTheScore() {
        #expect(analyzer.analyze("Thanks, that was really helpful!").label == .positive)
        #expect(analyzer.analyze("Where is my order").label == .neutral)
        #expect(analyzer.analyze("This is a terrible service").label == .negative)
        #expect(abs(score("I want to change my address")) < Sentiment.threshold)
    }

    @Test func negationIntensifiersCapitalsAndExclamations() {
        #expect(score("I am not happy") < 0)
        #expect(score("very good") > score("good"))
        #expect(score("this is GOOD news") > score("this is good news"))
        #expect(score("terrible!!!") < score("terrible"))
    }

    @Test func negationReachesTheEndOfTheClause() {
        #expect(score("I never liked how your couriers treat me") < 0)
        #expect(score("It does not seem to me like a good deal") < 0)
        #expect(score("This is not what I would call a great experience") < 0)
        // Far from the negation, negative words stay negative.
        #expect(score("I can't tell you how disappointed I was") < 0)
        // The clause ends at punctuation or "but": what follows is not negated.
        #expect(score("I never complain, but this is great") > 0)
        #expect(score("It was not cheap. The staff were lovely and friendly") > 0)
        // A negation inside a phrase ("couldn't be happier") negates nothing after it.
        #expect(score("I couldn't be happier with how friendly everyone was") > 0)
    }

    @Test func contrastWeighsWhatFollowsBut() {
        #expect(score("The delivery was fast but the item is broken") < 0)
        #expect(score("The item was broken but support sorted it quickly, great job") > 0)
    }

    @Test func emoticonsAndEmoji() {
        #expect(score("ok 😡") < 0)
        #expect(score("thanks 😍") > score("thanks"))
        #expect(score("great :)") > score("great"))
    }

    @Test func supportDeskLanguage() {
        #expect(score("I am still waiting for my parcel") < 0)
        #expect(score("This is the third time I write to you") < 0)
        #expect(score("I want to cancel my account") < 0)
        #expect(score("It doesn't turn on") < 0)
        #expect(score("The refund was quick, could not be happier") > 0)
        #expect(score("disapointing") < 0)
        // "can't believe" marvels rather than negates; "nobody" negates what follows.
        #expect(score("I can't believe how bad this is") < 0)
        #expect(score("nobody helped me") < 0)
        // Paying is the shop's business: VADER's "pay" (-0.4) reads as a threat ("you'll pay").
        #expect(analyzer.analyze("Can I pay with Apple Pay?").label == .neutral)
    }

    @Test func scoresStayInRange() {
        let furious = String(repeating: "TERRIBLE AWFUL HORRIBLE!!! ", count: 200)
        #expect(score(furious) >= -1 && score(furious) < -0.9)
        #expect(score("") == 0)
    }
}
