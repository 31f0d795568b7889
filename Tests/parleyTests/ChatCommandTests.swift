import ParleyNLP
import Testing

@testable import ParleyBot
@testable import parley

/// `parley chat` says what a handover means where no agent can join, and what the fallback
/// threshold was compared with.
@Suite struct ChatCommandTests {
    @Test func theAnnotationShowsTheInScopeScoreAFittedThresholdApplies() {
        var analysis = Analysis(
            text: "hi", tokens: [], stems: [], intents: [], entities: [], sentiment: Sentiment(score: 0))
        analysis.intents = [IntentPrediction(name: "goodbye", confidence: 0.48, score: 0.1, inScope: 0.123)]
        let fallback = DialogueDecision(
            action: .fallback, text: "Sorry?", quickReplies: [], intent: "goodbye", rule: .confidenceBelowThreshold,
            scores: [:])
        #expect(ChatCommand.annotation(analysis, fallback).contains("goodbye 0.48 in scope 0.12 ·"))
        analysis.intents = [IntentPrediction(name: "goodbye", confidence: 0.48, score: 0.1)]
        #expect(ChatCommand.annotation(analysis, fallback).contains("goodbye 0.48 ·"))
    }

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
