import Foundation
import ParleyBot
import ParleyTestSupport
import Testing

@Suite struct IntentFilesTests {
    @Test func loadsSingleAndGroupedIntentsWithEntities() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "order_status.yml",
            """
            intent: order_status
            description: Where is my order?
            examples:
              - where is my order
              - any news on order [A-10234](order_id)?
            """)
        try folder.write(
            "small_talk/greetings.yaml",
            """
            intents:
              - intent: greet
                examples: [hi, hello there]
              - intent: goodbye
                examples:
                  - bye
            entities:
              - entity: order_id
                pattern: '[A-Z]-\\d{5}'
              - entity: product
                values:
                  - value: wireless headphones
                    synonyms: [earbuds]
                  - charger
            """)
        let data = try IntentFiles.load(folder: folder.path)
        #expect(data.intents.map(\.name) == ["order_status", "greet", "goodbye"])
        #expect(data.files == ["order_status.yml", "small_talk/greetings.yaml"])
        let annotated = try #require(data.examples.first { !$0.entities.isEmpty })
        #expect(annotated.text == "any news on order A-10234?")
        #expect(annotated.entities == [EntityAnnotation(entity: "order_id", value: "A-10234", start: 18, end: 25)])
        #expect(annotated.location.line == 5)
        #expect(data.entities.map(\.name) == ["order_id", "product"])
        #expect(data.sourceHash.count == 64)
    }

    @Test func reportsEveryMistakeWithFileAndLine() throws {
        let folder = try TemporaryFolder()
        let broken = try folder.write(
            "broken.yml",
            """
            intent: Order Status
            exmaples:
              - where is it
            """)
        let annotations = try folder.write(
            "annotations.yml",
            """
            intent: refund
            examples:
              - refund [my order](order_id
              - refund for [A-1](unknown_thing)
              - ""
            """)
        let syntax = try folder.write("syntax.yml", "intent: greet\nexamples:\n  - hi\n - bad indent\n")
        let duplicate = try folder.write(
            "more.yml",
            """
            intents:
              - intent: refund
                examples: [where is it]
            """)
        let error = try #require(throws: TrainingDataError.self) { try IntentFiles.load(folder: folder.path) }
        guard case .invalid(let issues) = error else {
            Issue.record("expected validation issues, got \(error)")
            return
        }
        let lines = issues.map(\.description)
        #expect(lines.contains { $0.hasPrefix("\(broken):1: intent name 'Order Status'") })
        #expect(lines.contains { $0.hasPrefix("\(broken):2: unknown key 'exmaples'") })
        #expect(lines.contains { $0.hasPrefix("\(annotations):3: annotation") && $0.contains("closing ')'") })
        #expect(lines.contains { $0.hasPrefix("\(annotations):4: unknown entity 'unknown_thing'") })
        #expect(lines.contains { $0.hasPrefix("\(annotations):5: empty example") })
        #expect(lines.contains { $0.hasPrefix("\(syntax):4: invalid YAML") })
        #expect(
            lines.contains { $0.hasPrefix("\(duplicate):2: intent 'refund' is already defined at \(annotations):1") })
        #expect(error.description.contains("nothing was trained"))
    }

    @Test func anUnclosedQuoteOrListIsReportedWhereItOpened() throws {
        // libyaml notices an unclosed quote or '[' only where it gives up, often far below.
        let later = (1...30).map { "      - example \($0)" }.joined(separator: "\n")
        let cases = [
            ("quote.yml", "intents:\n  - intent: greet\n    examples:\n      - \"hello there\n\(later)\n"),
            (
                "list.yml",
                "intents:\n  - intent: greet\n    examples: [hello, hi\n  - intent: thanks\n    examples:\n\(later)\n"
            ),
        ]
        for (name, text) in cases {
            let folder = try TemporaryFolder()
            let path = try folder.write(name, text)
            let error = try #require(throws: TrainingDataError.self) { try IntentFiles.load(folder: folder.path) }
            guard case .invalid(let issues) = error else {
                Issue.record("expected validation issues, got \(error)")
                continue
            }
            let line = try #require(issues.first).description
            #expect(line.hasPrefix("\(path):"), "\(line)")
            #expect(line.hasPrefix("\(path):\(name == "quote.yml" ? 4 : 3): invalid YAML"), "\(line)")
        }
    }

    @Test func aMissingFolderIsAClearError() {
        #expect(throws: TrainingDataError.self) { try IntentFiles.load(folder: "/nonexistent/intents") }
    }
}
