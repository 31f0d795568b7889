import ParleyNLP
import Testing

@Suite struct SpellingCorrectorTests {
    let preprocessor = TextPreprocessor(language: "en")

    var corrector: SpellingCorrector {
        SpellingCorrector.fit(
            [
                "what is your return policy", "I want to return my order", "how do I return the shoes",
                "where is my order", "my order has not arrived", "the card was declined",
            ].map(preprocessor.preprocess))
    }

    func corrected(_ text: String) -> [String] {
        corrector.correct(preprocessor.preprocess(text)).tokens.map(\.normalized)
    }

    @Test func unknownWordsBecomeTheTrainingWordOneEditAway() {
        #expect(corrected("wat is ur retrun polcy") == ["wat", "is", "ur", "return", "policy"])
        #expect(corrected("where is my ordder") == ["where", "is", "my", "order"])
        #expect(corrected("the crad was declned") == ["the", "card", "was", "declined"])
        // Stems follow the corrected word; text and offsets stay as written.
        let text = corrector.correct(preprocessor.preprocess("returnd shoos"))
        #expect(text.stems == ["return", "shoe"])
        #expect(text.tokens.map(\.text) == ["returnd", "shoos"])
    }

    @Test func knownShortAndFarWordsStay() {
        #expect(corrected("my card") == ["my", "card"])
        #expect(corrected("teh ordr") == ["teh", "order"])  // "teh" has three letters
        #expect(corrected("xylophone") == ["xylophone"])
        #expect(corrected("ordxyz") == ["ordxyz"])
    }

    @Test func theMostUsedWordWinsATie() {
        let corrector = SpellingCorrector.fit(
            ["card card", "card", "cart"].map(preprocessor.preprocess))
        #expect(corrector.correct(preprocessor.preprocess("carx")).tokens.map(\.normalized) == ["card"])
    }
}
