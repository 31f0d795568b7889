import ParleyBot
import Testing

@Suite struct FallbackInboxTests {
    func message(_ text: String) -> String { text }

    @Test func groupsSimilarMessagesLargestFirst() {
        let groups = FallbackInbox().group(
            [
                message("do you sell gift wrapping?"), message("can I get gift wrapping"),
                message("is there gift wrapping"),
                message("how do I become a supplier"), message("gift wrapping please"),
            ], text: { $0 })
        #expect(groups.count == 2)
        #expect(groups[0].messages.count == 4)
        #expect(groups[0].label.contains("wrap"))
        #expect(groups[1].messages == ["how do I become a supplier"])
    }
}
