import Testing

@testable import ParleyServer

/// Which characters a client may not send, and how stored text is shown at a terminal.
@Suite struct ControlCharactersTests {
    /// C1 (U+0080–U+009F) is refused like C0: U+009B is CSI, an escape sequence's start for terminals.
    @Test(arguments: [0x00, 0x07, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F] as [UInt32])
    func everyControlCharacterButTabAndLineBreaksIsRefused(value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(ControlCharacters.first(in: "red \(Character(scalar))31m") == scalar)
    }

    @Test func textBesideTheControlRangesIsAllowed() {
        #expect(ControlCharacters.first(in: "tab\tline\nreturn\r\n café\u{A0}\u{3000}") == nil)
    }

    @Test func aFieldsRefusalNamesTheFirstFieldHoldingAControlCharacter() throws {
        let found = try #require(
            ControlCharacters.first(in: [("customer.name", "Eve"), ("customer.email", nil), ("text", "a\u{9B}b")]))
        #expect(found.field == "text" && found.character == "\u{9B}")
        #expect(ControlCharacters.first(in: [("text", "fine"), ("comment", nil)]) == nil)
    }

    @Test func visibleTextWritesEveryControlButTabAndLineFeedAsItsCodePoint() {
        #expect(
            ControlCharacters.visible("a\u{9B}31mb\tc\nd\re\u{7F}\u{0}\u{85}")
                == "a<U+009B>31mb\tc\nd<U+000D>e<U+007F><U+0000><U+0085>")
        #expect(ControlCharacters.visible("plain café 你好\t\n") == "plain café 你好\t\n")
    }
}
