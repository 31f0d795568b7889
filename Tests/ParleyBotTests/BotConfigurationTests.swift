import ParleyBot
import ParleyNLP
import Testing

@Suite struct BotConfigurationTests {
    @Test func defaultsWhenTheFileIsMissing() throws {
        let configuration = try BotConfiguration.load(path: "/nonexistent/bot.yml")
        #expect(configuration.language == "en")
        #expect(configuration.stopwords.contains("the"))
    }

    @Test func addsAndRemovesStopwords() throws {
        let configuration = try BotConfiguration.parse(
            "language: en\nstopwords:\n  add: [Kindly]\n  remove: [the]\n", path: "bot.yml")
        #expect(configuration.stopwords.contains("kindly"))
        #expect(!configuration.stopwords.contains("the"))
        #expect(configuration.nlu.stopwords == configuration.stopwords)
    }

    @Test func otherLanguagesHaveNoStopwordsByDefault() throws {
        let configuration = try BotConfiguration.parse("language: de\n", path: "bot.yml")
        #expect(configuration.stopwords.words.isEmpty)
    }

    @Test func mistakesNameTheLine() throws {
        let error = try #require(throws: TrainingDataError.self) {
            try BotConfiguration.parse("language: en\nstopword:\n  add: [x]\n", path: "bot.yml")
        }
        #expect(error.description.hasPrefix("bot.yml:2: unknown key 'stopword'"))
    }
}
