public import ParleyStore

/// An agent on duty as their console shows them.
public struct AgentProfile: Sendable, Hashable, Codable {
    /// The sign-in name.
    public var id: String
    /// The name customers see.
    public var name: String
    public var status: User.Status
    /// Conversations the agent handles at once.
    public var capacity: Int
    /// The conversations the agent has now.
    public var conversations: [String]
}
