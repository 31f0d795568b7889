internal import Foundation
internal import ParleyStore

/// Agent events as an agent at a terminal reads them: one line each, the
/// conversation's short id in front of what is said in it.
enum AgentLines {
    /// `event`'s lines. Customers' text stored before control characters were
    /// refused shows them as code points (`ControlCharacters.visible`), never
    /// as escape sequences the agent's terminal would obey.
    static func lines(_ event: AgentEvent) -> [String] {
        rendered(event).map(ControlCharacters.visible)
    }

    private static func rendered(_ event: AgentEvent) -> [String] {
        switch event {
        case .signedIn(let signedIn):
            let agent = signedIn.agent
            return ["parley> signed in as \(agent.name) (\(agent.id)); /help lists the commands"]
        case .signedOut:
            return ["parley> signed out"]
        case .agent(let state):
            let agent = state.agent
            return [
                "parley> you are \(agent.status.rawValue), with \(agent.conversations.count) of \(agent.capacity) conversations"
            ]
        case .queue(let queue):
            return ["queue> \(queue.queueLength) waiting"]
                + queue.queue.prefix(10).map { item in
                    "queue> \(item.position). \(item.conversationId) \(item.customerName ?? "customer")"
                        + "\(item.vip ? " (VIP)" : ""): \(item.reason); \(item.summary.intents.joined(separator: ", "))"
                }
        case .offer(let offer):
            let item = offer.item
            return [
                "offer> \(item.customerName ?? "a customer"): \(item.reason) (/take \(item.conversationId) or /decline \(item.conversationId))"
            ]
        case .active(let active):
            return ["parley> \(active.conversations.count) conversations with the bot"]
                + active.conversations.map { "parley> \($0.id) on \($0.channel) (/take \($0.id))" }
        case .conversation(let opened):
            let view = opened.view
            let id = short(opened.conversationId)
            let customer = view.customer?.name ?? view.conversation.customerId
            return ["parley> \(id) \(customer), \(view.conversation.status.rawValue); the conversation so far:"]
                + view.messages.suffix(20).map { message(id, $0) }
        case .message(let entry):
            return [message(short(entry.conversationId), entry.entry)]
        case .typing:
            return []
        case .presence(let presence):
            return [
                "parley> \(short(presence.conversationId)) the customer \(presence.online ? "is back" : "left (closed the chat)")"
            ]
        case .taken(let taken):
            return ["parley> \(short(taken.conversationId)) taken by \(taken.agentId)"]
        case .released(let released):
            let what = released.outcome == .closed ? "closed" : "handed back to the bot"
            return ["parley> \(short(released.conversationId)) \(what)"]
        case .tickets(let tickets):
            return ["tickets> \(tickets.count) open"]
                + tickets.tickets.prefix(10).map { ticket in
                    "tickets> \(ticket.conversationId) \(ticket.customerName ?? "customer"), "
                        + "write to \(ticket.email ?? "(no email yet)"): \(ticket.reason)"
                        + (ticket.summary.lastMessage.map { "; \"\($0)\"" } ?? "")
                }
        case .officeHours(let hours):
            return ["parley> " + hours.description + (hours.open ? "" : "; escalations become tickets")]
        case .error(let error):
            return ["error> " + error.message]
        }
    }

    private static func message(_ id: String, _ message: MessageEntry) -> String {
        var line = "\(id) \(message.sender.rawValue)> \(message.text)"
        if message.sender == .customer, let intent = message.intent, let confidence = message.confidence {
            line += "  [\(intent) \(String(format: "%.2f", confidence))]"
        }
        return line
    }

    private static func short(_ id: String) -> String {
        String(id.prefix(8))
    }

    static let help = [
        "/queue               the conversations waiting for a person",
        "/active              the conversations the bot is handling now",
        "/take ID             take a conversation (from the queue or the bot); it becomes the current one",
        "/open ID             read a conversation and follow it",
        "/decline ID          pass on an offered conversation",
        "TEXT or /say TEXT    write to the customer of the current conversation",
        "/handback            give the current conversation back to the bot",
        "/close [OUTCOME]     end the current conversation or ticket (outcome: resolved by default)",
        "/tickets             the open tickets: conversations a person must answer by email",
        "/answer [NOTE]       mark the current ticket (opened with /open ID) answered by email, with a note",
        "/status available|away",
        "/quit                leave (your conversations go back to the queue)",
    ]
}
