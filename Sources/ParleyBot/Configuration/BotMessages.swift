/// What the bot says outside any intent's replies. Each is a template that may
/// use `{{customer.name}}` and `{{bot.name}}`.
public struct BotMessages: Sendable {
    public var greeting: ResponseTemplate
    public var fallback: ResponseTemplate
    public var handover: ResponseTemplate
    public var outOfHours: ResponseTemplate
    /// Said when a customer answers a confirmation with neither yes nor no.
    public var confirmAgain: ResponseTemplate
    /// Said when no agent took a waiting conversation in time: it becomes a ticket.
    public var noAgent: ResponseTemplate
    /// Said when an agent hands the conversation back to the bot.
    public var backToBot: ResponseTemplate

    /// A built-in message; `key` is its name in `bot.yml`, where it can be replaced.
    static func template(_ text: String, _ key: String) -> ResponseTemplate {
        // The defaults below compile (a test renders each); a failure here is a programming error.
        try! ResponseTemplate(text, location: SourceLocation(file: "default messages.\(key)", line: 1))
    }

    public static let defaults = BotMessages(
        greeting: template(
            "Hi {{customer.name}}! I'm {{bot.name}}, the virtual assistant. How can I help?", "greeting"),
        fallback: template("Sorry, I didn't get that. Could you say it in other words?", "fallback"),
        handover: template("I'm passing you to one of my human colleagues. They'll be with you shortly.", "handover"),
        outOfHours: template(
            "Our team is away right now. Leave your email address and we'll get back to you as soon as we're in.",
            "out_of_hours"),
        confirmAgain: template("Sorry, was that a yes or a no?", "confirm_again"),
        noAgent: template(
            "Sorry, all my colleagues are busy. Leave your email address and we'll write back to you soon.",
            "no_agent"),
        backToBot: template("You're back with me, {{bot.name}}. Anything else I can help with?", "back_to_bot")
    )
}
