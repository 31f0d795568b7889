import ParleyServer
import Testing

@Suite struct AgentPasswordTests {
    @Test func aHashMatchesItsPasswordOnlyAndEveryHashHasItsOwnSalt() throws {
        let first = try AgentPassword.hash("correct horse")
        let second = try AgentPassword.hash("correct horse")
        #expect(first.salt != second.salt)
        #expect(first.hash != second.hash)
        #expect(!first.hash.contains("correct"))
        #expect(AgentPassword.verify("correct horse", hash: first.hash, salt: first.salt))
        #expect(AgentPassword.verify("correct horse", hash: second.hash, salt: second.salt))
        #expect(!AgentPassword.verify("correct hors", hash: first.hash, salt: first.salt))
        #expect(!AgentPassword.verify("correct horse", hash: first.hash, salt: second.salt))
        #expect(!AgentPassword.verify("correct horse", hash: "not base64!", salt: first.salt))
    }

    @Test func shortPasswordsAreRefused() {
        #expect(throws: AgentPasswordError.tooShort(minimum: 8)) { try AgentPassword.hash("1234567") }
    }
}
