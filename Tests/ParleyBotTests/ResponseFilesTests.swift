import Foundation
import ParleyBot
import ParleyTestSupport
import Testing

@Suite struct ResponseFilesTests {
    func intents(_ folder: TemporaryFolder) throws -> BotTrainingData {
        try folder.write("intents/shop.yml", ShopFixture.intents)
        return try IntentFiles.load(folder: folder.path + "/intents")
    }

    @Test func loadsRepliesRequirementsAndFlags() throws {
        let folder = try TemporaryFolder()
        let data = try intents(folder)
        try folder.write(
            "responses/all.yml",
            """
            responses:
              - intent: order_status
                requires:
                  - entity: order_id
                    ask: "What is your order number?"
                replies: ["Order {{order_id}} is on its way, {{customer.name}}."]
                buttons: [Track]
              - intent: refund
                replies: ["Refunds take 5 days."]
              - intent: greet
                replies: ["Hi!", "Hello!"]
              - intent: password_reset
                handover: true
            """)
        let responses = try ResponseFiles.load(folder: folder.path + "/responses", intents: data)
        let status = try #require(responses["order_status"])
        #expect(status.requires.map(\.entity) == ["order_id"])
        #expect(status.buttons == ["Track"])
        #expect(
            status.replies[0].render(["order_id": "A-10234", "customer.name": "Ana"])
                == "Order A-10234 is on its way, Ana.")
        #expect(responses["password_reset"]?.handover == true)
        #expect(responses["greet"]?.replies.count == 2)
    }

    @Test func missingValuesRenderReadableDefaults() throws {
        let template = try ResponseTemplate(
            "Order {{order_id}} for {{customer.name}}, <b>&</b>", location: SourceLocation(file: "t", line: 1))
        #expect(template.render([:]) == "Order your order id for there, <b>&</b>")
    }

    @Test func reportsEveryMistakeWithFileAndLine() throws {
        let folder = try TemporaryFolder()
        let data = try intents(folder)
        let path = try folder.write(
            "responses/bad.yml",
            """
            responses:
              - intent: order_status
                replies: ["Order {{order_id}} ships to {{shipping_address}}."]
              - intent: refund
                replies: ["Refund {{#order_id}}for {{order_id}}"]
              - intent: no_such_intent
                replies: ["?"]
              - intent: greet
                requires:
                  - entity: colour
                    ask: "Which colour?"
                replies: ["Hi"]
            """)
        let error = try #require(throws: TrainingDataError.self) {
            try ResponseFiles.load(folder: folder.path + "/responses", intents: data)
        }
        let text = error.description
        #expect(text.contains("\(path):3: '{{shipping_address}}' can never be filled"))
        #expect(
            text.contains(
                "\(path):5: reply \"Refund {{#order_id}}for {{order_id}}\" cannot be used: '{{#order_id}}' is never closed"
            ))
        #expect(text.contains("\(path):6: unknown intent 'no_such_intent'"))
        #expect(text.contains("\(path):10: unknown entity 'colour'"))
    }

    @Test func aBrokenTemplateIsExplainedInTheTrainersWordsOnceWithItsLine() throws {
        let folder = try TemporaryFolder()
        let data = try intents(folder)
        let path = folder.path + "/responses/some.yml"
        let cases = [
            ("Order {{#broken} is on its way.", "'{{#broken}' is not closed: a name in a reply ends with '}}'"),
            ("Hi {{name} and {{order_id}}", "'{{name}' is not closed"),
            ("{{#order_id}}Order {{order_id}}{{/customer.name}}", "'{{#order_id}}' is closed by '{{/customer.name}}'"),
            ("Done.{{/order_id}}", "'{{/order_id}}' closes a section that was never opened"),
        ]
        for (reply, explanation) in cases {
            try folder.write(
                "responses/some.yml",
                "responses:\n  - intent: greet\n    replies:\n      - '\(reply)'\n")
            let error = try #require(throws: TrainingDataError.self) {
                try ResponseFiles.load(folder: folder.path + "/responses", intents: data)
            }
            #expect(error.issues.count == 1, "\(error)")
            #expect(error.issues.first?.location == SourceLocation(file: path, line: 4))
            #expect(error.issues.first?.message.contains(explanation) == true, "\(error)")
        }
    }

    @Test func everyIntentNeedsAResponse() throws {
        let folder = try TemporaryFolder()
        let data = try intents(folder)
        try folder.write("responses/some.yml", "intent: greet\nreplies: [Hi]\n")
        let error = try #require(throws: TrainingDataError.self) {
            try ResponseFiles.load(folder: folder.path + "/responses", intents: data)
        }
        #expect(error.description.contains("intent 'order_status' has no response"))
    }
}

@Suite struct ActionValidationTests {
    @Test func actionsNeedAnHTTPURLAndASecretThatIsSet() throws {
        let error = try #require(throws: TrainingDataError.self) {
            try BotConfiguration.parse(
                """
                secrets:
                  shop: {env: PARLEY_TEST_SECRET_THAT_IS_NOT_SET}
                actions:
                  lookup:
                    url: ftp://shop.example.com/lookup
                  cancel:
                    url: https://shop.example.com/cancel
                    secret: missing
                    timeout: 0
                """, path: "bot.yml")
        }
        let text = error.description
        #expect(
            text.contains(
                "bot.yml:2: secret 'shop': the environment variable PARLEY_TEST_SECRET_THAT_IS_NOT_SET is not set"))
        #expect(text.contains("bot.yml:5: action 'lookup' needs a 'url' starting with http:// or https://"))
        #expect(text.contains("bot.yml:8: action 'cancel' names secret 'missing', which 'secrets' does not define"))
        #expect(text.contains("bot.yml:9: 'timeout' must be a number of seconds"))
    }

    @Test func responsesNameDefinedActionsAndUseResultOnlyUnderOne() throws {
        let folder = try TemporaryFolder()
        try folder.write("intents/shop.yml", ShopFixture.intents)
        let data = try IntentFiles.load(folder: folder.path + "/intents")
        try folder.write(
            "responses/all.yml",
            """
            responses:
              - intent: order_status
                action: lookup_order
                replies: ["Order {{order_id}} is {{result.status}}."]
              - intent: refund
                replies: ["Your refund is {{result.state}}."]
              - intent: greet
                action: known
                confirm: "Sure about {{result.x}}?"
                replies: ["Hi {{result.name}}!"]
                outcomes:
                  missing: "Hello!"
                on_error: "Sorry, {{result.why}}"
              - intent: password_reset
                replies: ["Use the link."]
                on_error: escalate
            """)
        let error = try #require(throws: TrainingDataError.self) {
            try ResponseFiles.load(folder: folder.path + "/responses", intents: data, actions: ["known"])
        }
        let text = error.description
        #expect(
            text.contains(
                "all.yml:3: unknown action 'lookup_order'; define it under 'actions:' in bot.yml (it has known)"))
        #expect(text.contains("all.yml:6: '{{result.state}}' is an action's answer, and nothing here calls an action"))
        #expect(text.contains("all.yml:9: '{{result.x}}' is an action's answer"))
        #expect(text.contains("all.yml:13: '{{result.why}}' is an action's answer"))
        #expect(text.contains("all.yml:16: 'on_error' is for an action"))
        #expect(!text.contains("all.yml:10:"))
    }

    @Test func anOutcomeMayAskForARequiredEntityAgain() throws {
        let folder = try TemporaryFolder()
        try folder.write("intents/shop.yml", ShopFixture.intents)
        let data = try IntentFiles.load(folder: folder.path + "/intents")
        let good = """
            responses:
              - intent: order_status
                requires: [{entity: order_id, ask: "Which order?"}]
                action: lookup
                replies: ["Order {{order_id}} is {{result.status}}."]
                outcomes:
                  not_found:
                    reply: "I can't find {{order_id}}. Could you check the number?"
                    ask: order_id
                  shipped: "On its way."
              - {intent: refund, replies: [Soon.]}
              - {intent: greet, replies: [Hi!]}
              - {intent: password_reset, replies: [Use the link.]}
            """
        try folder.write("responses/all.yml", good)
        let responses = try ResponseFiles.load(folder: folder.path + "/responses", intents: data, actions: ["lookup"])
        let response = try #require(responses.byIntent["order_status"])
        #expect(response.outcomeAsks == ["not_found": "order_id"])
        #expect(response.outcomes["not_found"]?.count == 1)
        #expect(response.outcomes["shipped"]?.count == 1)
        // Only an entity the response requires can be asked for again, and the reply is needed.
        try folder.write(
            "responses/all.yml",
            good.replacingOccurrences(of: "ask: order_id", with: "ask: email")
                .replacingOccurrences(of: "shipped: \"On its way.\"", with: "shipped: {ask: order_id}"))
        let error = try #require(throws: TrainingDataError.self) {
            try ResponseFiles.load(folder: folder.path + "/responses", intents: data, actions: ["lookup"])
        }
        #expect(
            error.description.contains(
                "all.yml:9: 'ask: email' is no entity this response requires; 'ask' names one to ask for again (order_id)"
            ))
        #expect(error.description.contains("all.yml:10: outcome 'shipped' needs a 'reply'"))
    }
}
