/// How the agent desk routes escalated conversations.
public struct DeskSettings: Sendable, Hashable {
    /// A conversation no agent takes within this many seconds becomes a ticket:
    /// the customer is asked for an email address.
    public var queueTimeoutSeconds = 300
    /// An offer no agent answers within this many seconds goes to the next agent.
    public var offerTimeoutSeconds = 30
    /// A sign-in lasts this many hours; then the agent signs in again.
    public var agentSessionHours = 8
    /// An agent whose last connection dropped gets this many seconds to come
    /// back (a reloaded console) before their conversations return to the queue.
    public var agentGraceSeconds = 10

    public init() {}
}
