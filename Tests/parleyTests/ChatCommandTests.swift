import Testing

@testable import ParleyBot
@testable import parley

/// `parley chat` says what a handover means where no agent can join.
@Suite struct ChatCommandTests {
    @Test func aHandoverSaysNoAgentCanJoinATerminalChat() {
        let handover = DialogueDecision(
            action: .escalate, text: "I'm passing you to a colleague.", quickReplies: [], intent: "human_agent",
            rule: .escalation(.humanRequest), scores: [:])
        #expect(ChatCommand.handoverNote(handover)?.contains("no agent can join a terminal chat") == true)
        var reply = handover
        reply.action = .reply
        reply.rule = .intent
        #expect(ChatCommand.handoverNote(reply) == nil)
    }
}
