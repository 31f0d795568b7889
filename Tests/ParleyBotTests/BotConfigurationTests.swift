import Foundation
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

    @Test func theLocaleSetsTheOrderOfNumericDates() throws {
        #expect(try BotConfiguration.parse("language: en\n", path: "bot.yml").dateOrder == .monthFirst)
        let british = try BotConfiguration.parse("language: en\nlocale: en-GB\n", path: "bot.yml")
        #expect(british.locale == "en-GB")
        #expect(british.dateOrder == .dayFirst)
        #expect(try BotConfiguration.parse("language: en\nlocale: en_US\n", path: "bot.yml").dateOrder == .monthFirst)
        for (text, message) in [
            ("language: en\nlocale: english\n", "bot.yml:2: 'locale' must be a locale such as en-GB or en-US"),
            ("language: zh\nlocale: en-GB\n", "bot.yml:2: 'locale' en-GB is not of the bot's language zh"),
        ] {
            let error = try #require(throws: TrainingDataError.self) {
                try BotConfiguration.parse(text, path: "bot.yml")
            }
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }

    @Test func mistakesNameTheLine() throws {
        let error = try #require(throws: TrainingDataError.self) {
            try BotConfiguration.parse("language: en\nstopword:\n  add: [x]\n", path: "bot.yml")
        }
        #expect(error.description.hasPrefix("bot.yml:2: unknown key 'stopword'"))
    }
}

@Suite struct FallbackSettingsTests {
    @Test func theThresholdIsFittedByDefault() throws {
        let configuration = try BotConfiguration.parse("name: Shop Bot\n", path: "bot.yml")
        #expect(configuration.fitsFallbackThreshold)
        #expect(configuration.nlu.fallbackAccuracyLoss == 1.5)
        #expect(configuration.answersTwoIntents)
        let auto = try BotConfiguration.parse(
            "fallback_threshold: auto\nfallback_accuracy_loss: 3\nanswer_two_intents: false\n", path: "bot.yml")
        #expect(auto.fitsFallbackThreshold)
        #expect(auto.nlu.fallbackAccuracyLoss == 3)
        #expect(!auto.answersTwoIntents)
    }

    @Test func aThresholdOutsideZeroToOneOrAnotherWordNamesItsLine() throws {
        for (value, line) in [("-0.1", 2), ("1.5", 2), ("automatic", 2), ("high", 2), ("", 2)] {
            let error = try #require(throws: TrainingDataError.self) {
                try BotConfiguration.parse("name: Shop Bot\nfallback_threshold: \(value)\n", path: "bot.yml")
            }
            #expect(
                error.description.contains(
                    "bot.yml:\(line): 'fallback_threshold' must be auto or a number from 0 to 1"),
                "\(value)")
        }
        let error = try #require(throws: TrainingDataError.self) {
            try BotConfiguration.parse("fallback_accuracy_loss: lots\nanswer_two_intents: maybe\n", path: "bot.yml")
        }
        #expect(error.description.contains("bot.yml:1: 'fallback_accuracy_loss' must be a number of accuracy points"))
        #expect(error.description.contains("bot.yml:2: 'answer_two_intents' must be true or false"))
    }
}

@Suite struct BotDialogueSettingsTests {
    @Test func readsMessagesEscalationAndOfficeHours() throws {
        let configuration = try BotConfiguration.parse(
            """
            name: Shop Bot
            fallback_threshold: 0.3
            messages:
              greeting: "Hello {{customer.name}}, I'm {{bot.name}}"
            escalation:
              fallbacks_in_a_row: 3
              sentiment_below: -0.8
              negative_streak: 0
              vip: false
            office_hours:
              time_zone: Europe/London
              days: [mon, tue]
              open: "08:30"
              close: "12:00"
            """, path: "bot.yml")
        #expect(configuration.name == "Shop Bot")
        #expect(configuration.fallbackThreshold == 0.3)
        #expect(!configuration.fitsFallbackThreshold)
        #expect(configuration.nlu.fallbackAccuracyLoss == nil)
        #expect(
            configuration.messages.greeting.render(["customer.name": "Ana", "bot.name": "Shop Bot"])
                == "Hello Ana, I'm Shop Bot")
        #expect(configuration.escalation.fallbacksInARow == 3)
        #expect(configuration.escalation.negativeStreak == 0)
        #expect(!configuration.escalation.vip)
        let hours = try #require(configuration.officeHours)
        // Monday 25 November 2024, 09:00 and 13:00 in London (UTC in winter).
        #expect(hours.isOpen(at: Date(timeIntervalSince1970: 1_732_525_200)))
        #expect(!hours.isOpen(at: Date(timeIntervalSince1970: 1_732_539_600)))
    }

    @Test func theDefaultMessagesRenderWithAndWithoutNames() {
        let messages = BotMessages.defaults
        for template in [
            messages.greeting, messages.fallback, messages.handover, messages.outOfHours, messages.confirmAgain,
            messages.noAgent, messages.backToBot,
        ] {
            #expect(!template.render([:]).contains("{{"))
            #expect(!template.render(["customer.name": "Ana", "bot.name": "Parley"]).isEmpty)
        }
        #expect(
            messages.greeting.render(["customer.name": "Ana", "bot.name": "Parley"]).hasPrefix("Hi Ana! I'm Parley"))
    }

    @Test func theBotsOwnMessagesAreFilledInForTheCustomer() throws {
        let configuration = try BotConfiguration.parse(
            """
            name: Shop Bot
            messages:
              back_to_bot: "You're back with {{bot.name}}, {{customer.name}}."
              no_agent: "Sorry {{customer.name}}, leave your email."
            """, path: "bot.yml")
        let policy = DialoguePolicy(
            configuration: configuration, responses: BotResponses(byIntent: [:], sourceHash: ""))
        let customer = CustomerProfile(id: "c-1", name: "Ana")
        let state = ConversationState(id: "conversation-1")
        #expect(policy.message(\.backToBot, for: customer, state: state) == "You're back with Shop Bot, Ana.")
        #expect(policy.message(\.noAgent, for: customer, state: state) == "Sorry Ana, leave your email.")
        #expect(policy.greeting(for: customer, state: state) == policy.message(\.greeting, for: customer, state: state))
    }

    @Test func invalidValuesAreRejectedWithTheirLines() throws {
        let error = try #require(throws: TrainingDataError.self) {
            try BotConfiguration.parse(
                """
                fallback_threshold: 2
                escalation:
                  negative_streak: -1
                office_hours:
                  time_zone: Mars/Olympus
                  days: [mon, funday]
                  open: "25:00"
                messages:
                  greeting: "Hi {{order_id}}"
                """, path: "bot.yml")
        }
        let text = error.description
        #expect(text.contains("bot.yml:1: 'fallback_threshold' must be auto or a number from 0 to 1"))
        #expect(text.contains("bot.yml:3: 'negative_streak' must be a whole number"))
        #expect(text.contains("bot.yml:5: 'time_zone' must be a time zone"))
        #expect(text.contains("bot.yml:6: 'funday' is not a day of the week"))
        #expect(text.contains("bot.yml:7: 'open' must be a time"))
        #expect(text.contains("bot.yml:9: '{{order_id}}' can never be filled"))
    }
}

@Suite struct OfficeHoursTests {
    /// 25 November 2024 was a Monday; London is on UTC in winter.
    static func at(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    static let hours =
        try! BotConfiguration.parse(
            """
            office_hours:
              time_zone: Europe/London
              hours:
                mon-fri: ["09:00-12:30", "13:30-17:30"]
                sat: "10:00-14:00"
              holidays: ["2024-11-26"]
            """, path: "bot.yml"
        ).officeHours!

    @Test func severalBlocksADayAndHolidays() {
        let hours = Self.hours
        #expect(hours.isOpen(at: Self.at("2024-11-25T09:00:00Z")))
        #expect(!hours.isOpen(at: Self.at("2024-11-25T12:45:00Z")))
        #expect(hours.isOpen(at: Self.at("2024-11-25T13:45:00Z")))
        #expect(!hours.isOpen(at: Self.at("2024-11-26T10:00:00Z")))
        #expect(hours.isOpen(at: Self.at("2024-11-30T11:00:00Z")))
        #expect(!hours.isOpen(at: Self.at("2024-12-01T11:00:00Z")))
        #expect(
            hours.summary == "Mon–Fri 09:00–12:30, 13:30–17:30; Sat 10:00–14:00 (Europe/London); closed on 2024-11-26")
    }

    @Test func tellsWhenAgentsAreNextInOrLeave() {
        let hours = Self.hours
        #expect(hours.nextChange(after: Self.at("2024-11-25T12:45:00Z")) == Self.at("2024-11-25T13:30:00Z"))
        #expect(hours.nextChange(after: Self.at("2024-11-25T10:00:00Z")) == Self.at("2024-11-25T12:30:00Z"))
        // Tuesday is a holiday: after Monday evening, agents are next in on Wednesday.
        #expect(hours.nextChange(after: Self.at("2024-11-25T18:00:00Z")) == Self.at("2024-11-27T09:00:00Z"))
        #expect(
            hours.describe(at: Self.at("2024-11-25T18:00:00Z"))
                == "agents are away until Wednesday 09:00 (Europe/London)")
        #expect(hours.describe(at: Self.at("2024-11-25T10:00:00Z")) == "agents are in until 12:30 (Europe/London)")
        let never = OfficeHours(timeZone: TimeZone(identifier: "UTC")!, week: [:])
        #expect(never.nextChange(after: Self.at("2024-11-25T10:00:00Z")) == nil)
    }

    @Test func theOldOpenAndCloseStillWork() throws {
        let hours = try #require(
            try BotConfiguration.parse(
                "office_hours:\n  time_zone: UTC\n  days: [sat]\n  open: \"10:00\"\n  close: \"12:00\"\n",
                path: "bot.yml"
            ).officeHours)
        #expect(hours.isOpen(at: Self.at("2024-11-30T11:00:00Z")))
        #expect(!hours.isOpen(at: Self.at("2024-11-29T11:00:00Z")))
    }

    @Test func badBlocksAndHolidaysNameTheirLines() throws {
        let error = try #require(throws: TrainingDataError.self) {
            try BotConfiguration.parse(
                """
                office_hours:
                  hours:
                    mon: ["09:00-12:30", "12:00-17:00"]
                    funday: "10:00-11:00"
                    tue: "17:00-09:00"
                  holidays: [christmas]
                """, path: "bot.yml")
        }
        let text = error.description
        #expect(text.contains("bot.yml:3: the blocks of mon overlap"))
        #expect(text.contains("bot.yml:4: 'funday' is not a day"))
        #expect(text.contains("bot.yml:5: '17:00-09:00' must be opening hours"))
        #expect(text.contains("bot.yml:6: holiday 'christmas' must be a date"))
    }
}

@Suite struct TemplateTests {
    static func template(_ text: String) throws -> ResponseTemplate {
        try ResponseTemplate(text, location: SourceLocation(file: "t.yml", line: 1))
    }

    @Test func aSectionLeavesAnUnknownNameOut() throws {
        let reply = try Self.template(
            "I'm sorry your delivery went wrong{{#customer.name}}, {{customer.name}}{{/customer.name}}.")
        #expect(reply.render([:]) == "I'm sorry your delivery went wrong.")
        #expect(reply.render(["customer.name": "Ana"]) == "I'm sorry your delivery went wrong, Ana.")
        #expect(try Self.template("Hi {{customer.name}}!").render([:]) == "Hi there!")
    }

    @Test func anActionsAnswerFillsResultWithListsAndReadableDefaults() throws {
        let reply = try Self.template(
            "Order {{order_id}} is {{result.status}}, due {{result.eta}}:{{#result.items}} {{name}} x{{quantity}};{{/result.items}}"
        )
        #expect(reply.variables == ["order_id", "result.status", "result.eta", "result.items"])
        let result = JSONValue.object([
            "status": .string("on its way"),
            "items": .array([.object(["name": .string("Mug"), "quantity": .number(2)])]),
        ])
        #expect(
            reply.render(["order_id": "A-10234"], result: result) == "Order A-10234 is on its way, due unknown: Mug x2;"
        )
        #expect(!reply.render([:], result: .object([:])).contains("{{"))
    }
}
