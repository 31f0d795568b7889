import ParleyBot
import ParleyTestSupport
import Testing

@Suite struct CSVExamplesTests {
    @Test func readsQuotedFieldsAndAnyLabelColumnName() throws {
        let examples = try CSVExamples.parse(
            "text,category\n\"Hello, is my card here?\",card_arrival\nrefund please,refund\n", path: "x.csv")
        #expect(examples.map(\.text) == ["Hello, is my card here?", "refund please"])
        #expect(examples.map(\.intent) == ["card_arrival", "refund"])
        #expect(examples[1].location.description == "x.csv:3")
    }

    @Test func rejectsFilesWithoutTheNeededColumns() {
        #expect(throws: TrainingDataError.self) { try CSVExamples.parse("message,intent\nhi,greet\n", path: "x.csv") }
        #expect(throws: TrainingDataError.self) { try CSVExamples.parse("text,intent\nhi,\n", path: "x.csv") }
    }

    @Test func importWritesIntentFilesThatLoadBack() throws {
        let folder = try TemporaryFolder()
        let examples = try CSVExamples.parse(
            "text,label\n\"what's \"\"up\"\"?\",Small Talk\nbye: see you,goodbye\nhi,Small Talk\n", path: "in.csv")
        let paths = try IntentImporter.write(examples, to: folder.path, overwrite: false)
        #expect(paths.count == 2)
        let data = try IntentFiles.load(folder: folder.path)
        #expect(Set(data.intents.map(\.name)) == ["small_talk", "goodbye"])
        #expect(Set(data.examples.map(\.text)) == ["what's \"up\"?", "bye: see you", "hi"])
        #expect(throws: (any Error).self) { try IntentImporter.write(examples, to: folder.path, overwrite: false) }
    }
}
