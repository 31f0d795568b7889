import ParleyNLP
import Testing

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer()

    func normalized(_ text: String) -> [String] {
        tokenizer.tokenize(text).map(\.normalized)
    }

    @Test func splitsEnglishContractions() {
        #expect(normalized("I don't want it") == ["i", "do", "not", "want", "it"])
        #expect(
            normalized("Can't log in, I'm locked out") == ["can", "not", "log", "in", ",", "i", "am", "locked", "out"])
        #expect(normalized("It’s my wife's card") == ["it", "'s", "my", "wife", "'s", "card"])
    }

    @Test func splitsNegativeContractionsTypedWithoutTheApostrophe() {
        #expect(normalized("it hasnt arrived") == ["it", "has", "not", "arrived"])
        #expect(
            normalized("I DIDNT get it, cant log in") == [
                "i", "did", "not", "get", "it", ",", "can", "not", "log", "in",
            ])
        #expect(tokenizer.tokenize("wont").map(\.text) == ["wo", "nt"])
        #expect(normalized("wont") == ["will", "not"])
        // Words that only end like one stay whole.
        #expect(normalized("the client went to a restaurant") == ["the", "client", "went", "to", "a", "restaurant"])
    }

    @Test func keepsNumbersEmailsAndURLsWhole() {
        let tokens = tokenizer.tokenize(
            "Pay $12.50 to Jane.Doe+shop@Example.co.uk or see https://shop.example.com/help?q=1.")
        #expect(
            tokens.map(\.text) == [
                "Pay", "$", "12.50", "to", "Jane.Doe+shop@Example.co.uk", "or", "see",
                "https://shop.example.com/help?q=1", ".",
            ])
        #expect(tokens[2].kind == .number)
        #expect(tokens[4].kind == .email)
        #expect(tokens[4].normalized == "jane.doe+shop@example.co.uk")
        #expect(tokens[7].kind == .url)
    }

    @Test func offsetsCountCodePointsOfTheOriginalText() {
        let text = "😡 my order 🚚 is late"
        let tokens = tokenizer.tokenize(text)
        let scalars = Array(text.unicodeScalars)
        for token in tokens {
            let slice = String(String.UnicodeScalarView(scalars[token.start..<token.end]))
            #expect(slice == token.text)
        }
        #expect(tokens.first?.kind == .emoji)
        #expect(tokens.map(\.start) == [0, 2, 5, 11, 13, 16])
    }

    @Test func segmentsScriptsWithoutSpaces() {
        #expect(tokenizer.tokenize("我想退货").count >= 2)
        #expect(tokenizer.tokenize("注文はどこですか").count >= 3)
        #expect(tokenizer.tokenize("ฉันต้องการคืนเงิน").count >= 3)
    }

    @Test func normalisesCompatibilityFormsAndCase() {
        #expect(normalized("ＳＴＲＡＳＳＥ Straße ﬁle") == ["strasse", "strasse", "file"])
        #expect(normalized("１２３") == ["123"])
    }

    @Test func survivesHostileInput() {
        #expect(tokenizer.tokenize("").isEmpty)
        #expect(tokenizer.tokenize("   \n\t ").isEmpty)
        let ats = String(repeating: "@", count: 10_000)
        let atTokens = tokenizer.tokenize(ats)
        #expect(atTokens.allSatisfy { $0.kind == .punctuation }, "\(Set(atTokens.map(\.kind)))")
        let big = String(repeating: "refund please ", count: 80_000)
        #expect(tokenizer.tokenize(big).count == 160_000)
        #expect(tokenizer.tokenize("\u{FFFD}\u{0000}abc").contains { $0.normalized == "abc" })
    }
}
