internal import ParleyStore

/// Customer events as a person at a terminal reads them.
enum CustomerLines {
    static func lines(_ event: ServerEvent) -> [String] {
        switch event {
        case .welcome(let welcome):
            let id = welcome.conversationId
            if welcome.resumed { return ["parley> resumed conversation \(id)"] }
            guard let token = welcome.conversationToken else { return ["parley> conversation \(id)"] }
            return ["parley> conversation \(id) (to come back to it later: /resume \(id) \(token))"]
        case .reply(let reply):
            let who = reply.agent ?? reply.from.rawValue
            // A reply may carry a shop system's answer (`{{result.…}}`): shown, never obeyed.
            var lines = reply.text.split(separator: "\n", omittingEmptySubsequences: false).map {
                "\(who)> \(ControlCharacters.visible(String($0)))"
            }
            if let buttons = reply.quickReplies, !buttons.isEmpty {
                lines.append("\(who)> [" + buttons.joined(separator: "] [") + "]")
            }
            return lines
        case .received(let received):
            return received.status == .withAgent ? [] : ["parley> a person will answer you here"]
        case .typing(let typing):
            return ["parley> \(typing.agent ?? typing.from.rawValue) is typing…"]
        case .waiting(let waiting):
            return ["parley> waiting for a person: you are number \(waiting.position) in the queue"]
        case .agentJoined(let joined):
            return ["parley> \(joined.agent) joined the conversation"]
        case .agentLeft(let left):
            return [
                left.status == .bot
                    ? "parley> \(left.agent) handed you back to the bot"
                    : "parley> \(left.agent) left; waiting for another person"
            ]
        case .closed(let closed):
            return ["parley> the conversation is closed (\(closed.outcome)); rate it 1-5 with /rate N"]
        case .rated:
            return ["parley> thank you for your rating"]
        case .error(let error):
            return ["error> " + error.message]
        }
    }
}
