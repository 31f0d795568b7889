internal import Foundation
internal import ParleyStore

/// Agent events as an agent at a terminal reads them: one line each, the
/// conversation's short id in front of what is said in it.
enum AgentLines {
    static func lines(_ event: AgentEvent) -> [String] {
        let id = short(event.conversationId)
        switch event.type {
        case .signedIn:
            guard let agent = event.agent else { return [] }
            return ["parley> signed in as \(agent.name) (\(agent.id)); /help lists the commands"]
        case .signedOut:
            return ["parley> signed out"]
        case .agent:
            guard let agent = event.agent else { return [] }
            return [
                "parley> you are \(agent.status.rawValue), with \(agent.conversations.count) of \(agent.capacity) conversations"
            ]
        case .queue:
            let queue = event.queue ?? []
            return ["queue> \(event.queueLength ?? queue.count) waiting"]
                + queue.prefix(10).map { item in
                    "queue> \(item.position). \(item.conversationId) \(item.customerName ?? "customer")"
                        + "\(item.vip ? " (VIP)" : ""): \(item.reason); \(item.summary.intents.joined(separator: ", "))"
                }
        case .offer:
            guard let item = event.item else { return [] }
            return [
                "offer> \(item.customerName ?? "a customer"): \(item.reason) (/take \(item.conversationId) or /decline \(item.conversationId))"
            ]
        case .active:
            let conversations = event.conversations ?? []
            return ["parley> \(conversations.count) conversations with the bot"]
                + conversations.map { "parley> \($0.id) on \($0.channel) (/take \($0.id))" }
        case .conversation:
            guard let view = event.view else { return [] }
            let customer = view.customer?.name ?? view.conversation.customerId
            return ["parley> \(id) \(customer), \(view.conversation.status.rawValue); the conversation so far:"]
                + view.messages.suffix(20).map { message(id, $0) }
        case .message:
            return event.entry.map { [message(id, $0)] } ?? []
        case .typing:
            return []
        case .presence:
            return ["parley> \(id) the customer \(event.online == true ? "is back" : "left (closed the chat)")"]
        case .taken:
            return ["parley> \(id) taken by \(event.agentId ?? "an agent")"]
        case .released:
            return ["parley> \(id) \(event.outcome == "closed" ? "closed" : "handed back to the bot")"]
        case .error:
            return ["error> " + (event.message ?? event.code?.rawValue ?? "error")]
        }
    }

    private static func message(_ id: String, _ message: StoredMessage) -> String {
        var line = "\(id) \(message.sender.rawValue)> \(message.text)"
        if message.sender == .customer, let intent = message.intent, let confidence = message.confidence {
            line += "  [\(intent) \(String(format: "%.2f", confidence))]"
        }
        return line
    }

    private static func short(_ id: String?) -> String {
        String((id ?? "").prefix(8))
    }

    static let help = [
        "/queue               the conversations waiting for a person",
        "/active              the conversations the bot is handling now",
        "/take ID             take a conversation (from the queue or the bot); it becomes the current one",
        "/open ID             read a conversation and follow it",
        "/decline ID          pass on an offered conversation",
        "TEXT or /say TEXT    write to the customer of the current conversation",
        "/handback            give the current conversation back to the bot",
        "/close [OUTCOME]     end the current conversation (outcome: resolved by default)",
        "/status available|away",
        "/quit                leave (your conversations go back to the queue)",
    ]
}
