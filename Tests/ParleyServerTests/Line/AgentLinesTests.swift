import Foundation
import ParleyStore
import Testing

@testable import ParleyServer

/// What an agent at a terminal reads of stored text.
@Suite struct AgentLinesTests {
    /// Text stored before control characters were refused reaches the terminal with them written
    /// as code points, never as escape sequences the terminal would obey.
    @Test func storedControlCharactersAreShownAsCodePoints() {
        let stored = StoredMessage(
            conversationId: "c0ffee00-1", sender: .customer, text: "red \u{9B}31mALERT\u{1B}[2J\tdone")
        let lines = AgentLines.lines(
            .message(.init(conversationId: stored.conversationId, entry: MessageEntry(stored))))
        #expect(lines == ["c0ffee00 customer> red <U+009B>31mALERT<U+001B>[2J\tdone"])
    }
}
