import Testing

@testable import ParleyServer

/// What a customer at a terminal reads of a reply.
@Suite struct CustomerLinesTests {
    /// A reply may carry a shop system's answer: its control characters are shown as code
    /// points, never sent as escape sequences the customer's terminal would obey.
    @Test func controlCharactersInAReplyAreShownAsCodePoints() {
        let reply = ServerEvent.Reply(from: .bot, text: "Order A-1 is \u{9B}2Jshipped\u{1B}]0;x\nThanks\tbye")
        #expect(
            CustomerLines.lines(.reply(reply)) == [
                "bot> Order A-1 is <U+009B>2Jshipped<U+001B>]0;x", "bot> Thanks\tbye",
            ])
    }
}
