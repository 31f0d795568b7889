import Foundation
import ParleyBot
import ParleyTestSupport
import Testing

/// The traps of trainers' files: what YAML accepts but a person did not mean,
/// examples that start with an annotation, and every mistake in one run.
@Suite struct BotFilesTests {
    func paths(_ folder: TemporaryFolder) -> Bot.Paths {
        Bot.Paths(
            intents: folder.path + "/intents", responses: folder.path + "/responses",
            configuration: folder.path + "/bot.yml")
    }

    @Test func aListItemIndentedTooFarIsAWarningAtItsLine() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "intents/shop.yml",
            """
            intents:
              - intent: order_status
                examples:
                  - where is my order
                   - has my order shipped
                  - track my parcel
              - intent: greet
                examples: [hi, hello]
            """)
        try folder.write(
            "responses/shop.yml",
            "responses:\n  - intent: order_status\n    replies: [On its way.]\n"
                + "  - intent: greet\n    replies: [Hi!]\n")
        let files = try BotFiles.read(paths(folder))
        #expect(files.data.examples.map(\.text).contains("where is my order - has my order shipped"))
        let warning = try #require(files.warnings.first { $0.message.contains("indented more") })
        #expect(warning.location == SourceLocation(file: folder.path + "/intents/shop.yml", line: 5))
        #expect(warning.message.contains("line 4"))
    }

    @Test func anExampleStartingWithAnAnnotationWorksUnquoted() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "intents/shop.yml",
            """
            intent: order_status
            examples:
              - [A-10234](order_id) where is it   # the customer's own words
              - where is my order
            entities:
              - entity: order_id
                pattern: '[A-Z]-\\d{5}'
            """)
        let data = try IntentFiles.load(folder: folder.path + "/intents")
        let example = try #require(data.examples.first)
        #expect(example.text == "A-10234 where is it")
        #expect(example.entities.map(\.entity) == ["order_id"])
        #expect(example.location.line == 3)
    }

    @Test func anExampleStartingWithABracketThatIsNoAnnotationSaysToQuoteIt() throws {
        let folder = try TemporaryFolder()
        try folder.write("intents/shop.yml", "intent: order_status\nexamples:\n  - [urgent] where is my order\n")
        let error = try #require(throws: TrainingDataError.self) {
            try IntentFiles.load(folder: folder.path + "/intents")
        }
        #expect(
            error.description.contains("line 3 starts with '[', which YAML reads as a list: put the example in quotes"))
    }

    @Test func intentAndResponseMistakesComeInOneRun() throws {
        let folder = try TemporaryFolder()
        try folder.write("intents/shop.yml", ShopFixture.intents)
        try folder.write("intents/broken.yml", "intent: opening_hours\nexamples:\n  - when are you open\n  bad: [\n")
        try folder.write(
            "responses/shop.yml",
            """
            responses:
              - intent: opening_hours
                replies: ["We open at 9."]
              - intent: refund
                replies: ["Refund {{#order_id} soon"]
            """)
        let error = try #require(throws: TrainingDataError.self) { try BotFiles.read(paths(folder)) }
        let lines = error.issues.map(\.description)
        #expect(lines.contains { $0.hasPrefix(folder.path + "/intents/broken.yml:") })
        #expect(lines.contains { $0.hasPrefix(folder.path + "/responses/shop.yml:5: reply") }, "\(lines)")
        // Intents hidden by the broken file are not reported as unknown, nor the others as without a response.
        #expect(!lines.contains { $0.contains("unknown intent") || $0.contains("has no response") }, "\(lines)")
    }

    @Test func aMistakeInTheSettingsDoesNotMakeTheirActionsUnknown() throws {
        let folder = try TemporaryFolder()
        try folder.write("intents/shop.yml", ShopFixture.intents)
        try folder.write(
            "responses/shop.yml",
            """
            responses:
              - {intent: order_status, action: order_status, replies: [On its way.]}
              - {intent: refund, replies: [Refunds take 5 days.]}
              - {intent: greet, replies: [Hi!]}
              - {intent: password_reset, replies: [Use the link.]}
            """)
        try folder.write(
            "bot.yml", "locale: english\nactions:\n  order_status: {url: \"https://shop.example/status\"}\n")
        let error = try #require(throws: TrainingDataError.self) { try BotFiles.read(paths(folder)) }
        // Only the one mistake: the settings that did not read are no reason to call their actions unknown.
        #expect(
            error.issues.map(\.description) == [
                folder.path + "/bot.yml:1: 'locale' must be a locale such as en-GB or en-US"
            ])
    }

    @Test func tooFewExamplesIsAWarningAtTheDocumentedMinimum() throws {
        let folder = try TemporaryFolder()
        try folder.write("intents/shop.yml", ShopFixture.intents)
        try folder.write(
            "responses/shop.yml",
            """
            responses:
              - {intent: order_status, replies: [On its way.]}
              - {intent: refund, replies: [Refunds take 5 days.]}
              - {intent: greet, replies: [Hi!]}
              - {intent: password_reset, replies: [Use the link.]}
            """)
        let defaults = try BotFiles.read(paths(folder))
        #expect(
            defaults.warnings.map(\.message).allSatisfy {
                $0.contains("min_examples_per_intent in bot.yml asks for 10")
            })
        #expect(defaults.warnings.count == 4, "\(defaults.warnings)")
        try folder.write("bot.yml", "min_examples_per_intent: 6\n")
        #expect(try BotFiles.read(paths(folder)).warnings.isEmpty)
    }

    @Test func examplesInAScriptTheLanguageDoesNotUseAreAWarning() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "intents/shop.yml",
            """
            intents:
              - intent: order_status
                examples:
                  - 我的订单到哪了
                  - 帮我查一下订单
                  - where is my order
            """)
        try folder.write("responses/shop.yml", "responses:\n  - {intent: order_status, replies: [好的]}\n")
        try folder.write("bot.yml", "min_examples_per_intent: 1\n")
        let warnings = try BotFiles.read(paths(folder)).warnings
        #expect(warnings.map(\.location.line) == [4], "\(warnings)")
        #expect(warnings.first?.message.contains("2 of 3 examples are written in a script") == true)
        // The warning names the settings it read the language from, or says there were none.
        #expect(warnings.first?.message.contains("language 'en' (from \(folder.path)/bot.yml)") == true)
        try FileManager.default.removeItem(atPath: folder.path + "/bot.yml")
        let withoutSettings = try BotFiles.read(paths(folder)).warnings.map(\.message)
        #expect(
            withoutSettings.contains { $0.contains("language 'en' (the default: there is no \(folder.path)/bot.yml)") },
            "\(withoutSettings)")
        try folder.write("bot.yml", "min_examples_per_intent: 1\nlanguage: zh\n")
        #expect(try BotFiles.read(paths(folder)).warnings.isEmpty)
    }

    @Test func anExampleThatIsOnlyANumberIsAWarningAtItsLine() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "intents/shop.yml",
            """
            intents:
              - intent: goodbye
                examples:
                  - bye
                  - "88"
                  - see you at 5
            """)
        try folder.write("responses/shop.yml", "responses:\n  - {intent: goodbye, replies: [Bye!]}\n")
        try folder.write("bot.yml", "min_examples_per_intent: 1\n")
        let warnings = try BotFiles.read(paths(folder)).warnings
        #expect(warnings.map(\.location.line) == [5], "\(warnings)")
        #expect(warnings.first?.message.contains("example '88' of intent 'goodbye' is only a number") == true)
    }
}
