/// A page of the review inbox's groups (`GET /api/admin/review`), biggest group first.
public struct ReviewPage: Sendable, Encodable {
    /// The page, from 1.
    public var page: Int
    /// Groups per page.
    public var limit: Int
    /// Groups on every page together.
    public var groupsTotal: Int
    /// Messages in those groups.
    public var messagesTotal: Int
    /// How many of the latest messages to review were read (`window`).
    public var window: Int
    /// Whether older messages to review were left out because of `window`.
    public var truncated: Bool
    public var groups: [ReviewGroup]
}
