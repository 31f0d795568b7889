public import ParleyStore

/// Who wrote a message, on the wire.
public enum Author: String, Sendable, Hashable, Codable {
    case customer, bot, agent, system

    public init(_ sender: StoredMessage.Sender) {
        switch sender {
        case .customer: self = .customer
        case .bot: self = .bot
        case .agent: self = .agent
        case .system: self = .system
        }
    }
}
