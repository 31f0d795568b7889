import Foundation
import ParleyBot
import ParleyTestSupport
import Testing

/// Adding reviewed messages to an intent's file: a diff a person would write.
@Suite struct IntentFileEditorTests {
    static let file = """
        # Orders: where they are.
        intents:
          - intent: order_status
            description: The customer asks where their order is.
            examples:
              - where is my order   # the classic
              - has my order shipped
            # more to come
          - intent: greet
            examples: [hi, hello]
        """

    @Test func examplesGoAfterTheLastOneIndentedAlikeAndTheRestStays() throws {
        let folder = try TemporaryFolder()
        try folder.write("intents/orders.yml", Self.file)
        let editor = IntentFileEditor(folder: folder.path + "/intents")
        let (file, lines) = try editor.append(
            ["any news on my parcel", "order A-10234: where is it?", "any news on my parcel"], to: "order_status")
        #expect(file == folder.path + "/intents/orders.yml")
        #expect(lines == [8, 9])
        let expected = Self.file.replacingOccurrences(
            of: "      - has my order shipped\n",
            with: "      - has my order shipped\n      - any news on my parcel\n      - 'order A-10234: where is it?'\n"
        )
        #expect(try String(contentsOfFile: file, encoding: .utf8) == expected)
        let data = try IntentFiles.load(folder: folder.path + "/intents")
        #expect(
            data.intents[0].examples.map(\.text).suffix(2) == ["any news on my parcel", "order A-10234: where is it?"])
    }

    /// Customers' messages may hold what YAML cannot write plainly: control characters (C1 such
    /// as U+008C, which YAML forbids unescaped), line breaks (U+0085, U+2028, a line feed), a
    /// byte-order mark, quotes and backslashes. Each is escaped in double quotes and reads back
    /// exactly (the API fuzzer's assign was refused: "control characters are not allowed").
    @Test func messagesYAMLCannotWritePlainlyAreEscapedAndReadBackExactly() throws {
        let folder = try TemporaryFolder()
        try folder.write("intents/orders.yml", Self.file)
        let texts = [
            "where\u{8C} is it", "parcel\u{85}late", "line\u{2028}break", "two\nlines", "byte\u{FEFF}order mark",
            #"a "quoted" back\slash"#, "tab\there", "café 订单 👍",
        ]
        _ = try IntentFileEditor(folder: folder.path + "/intents").append(texts, to: "order_status")
        let data = try IntentFiles.load(folder: folder.path + "/intents")
        #expect(Array(data.intents[0].examples.map(\.text).suffix(texts.count)) == texts)
    }

    @Test func anIntentDeletedMeanwhileOrAKnownExampleChangesNoFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("intents/orders.yml", Self.file)
        let editor = IntentFileEditor(folder: folder.path + "/intents")
        #expect(throws: IntentFileEditor.EditError.self) { try editor.append(["where now"], to: "track_parcel") }
        #expect(throws: IntentFileEditor.EditError.self) { try editor.append(["hello"], to: "order_status") }
        #expect(throws: IntentFileEditor.EditError.self) { try editor.append(["hey"], to: "greet") }
        #expect(try String(contentsOfFile: folder.path + "/intents/orders.yml", encoding: .utf8) == Self.file)
    }
}
