/// When the bot hands a conversation to a human. A customer asking for one,
/// or an intent marked `handover: true`, always does.
public struct EscalationRules: Sendable, Hashable {
    /// Fallbacks in a row before a human takes over (0 turns the rule off).
    public var fallbacksInARow: Int = 2
    /// A message this negative (sentiment score) escalates at once.
    public var sentimentBelow: Double = -0.6
    /// Negative messages in a row before a human takes over (0 turns the rule off).
    public var negativeStreak: Int = 3
    /// Whether VIP customers go straight to a human.
    public var vip: Bool = true

    public init() {}
}
