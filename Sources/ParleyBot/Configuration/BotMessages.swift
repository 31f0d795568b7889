/// What the bot says outside any intent's replies. Each is a template that may
/// use `{{customer.name}}`, `{{customer.email}}` and `{{bot.name}}` (as
/// values, or as sections that show only when the value is known).
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
    /// Said when a customer whose conversation is a ticket gives an email
    /// address: a person will write there (`{{email}}` is the address given).
    public var ticketEmail: ResponseTemplate
    /// Said when an action fails and its response has no `on_error` reply of its own.
    public var actionError: ResponseTemplate
    /// Said when a message is only an entity that some intent's reply requires ("A-10234"),
    /// with no request: what to do with it (`{{entity}}` is the entity as written).
    public var entityOnly: ResponseTemplate
    /// Said instead of the fallback when a message the bot did not understand is written
    /// only in scripts the bot's language does not use (`WritingScripts`); nil: the one
    /// for the bot's language (`otherLanguage(for:)`).
    public var otherLanguage: ResponseTemplate?

    /// The default reply to a message in another script, for a bot speaking `language`:
    /// in the bot's language and in English, since the customer may not read the former.
    public static func otherLanguage(for language: String) -> ResponseTemplate {
        let code = language.lowercased()
        if code.hasPrefix("zh") { return template("抱歉，我只会说中文。Sorry, I only speak Chinese.", "other_language") }
        if code.hasPrefix("ja") {
            return template("申し訳ありません、日本語のみ対応しています。Sorry, I only speak Japanese.", "other_language")
        }
        if code.hasPrefix("ko") { return template("죄송합니다. 한국어만 가능합니다. Sorry, I only speak Korean.", "other_language") }
        return template("Sorry, I only speak English.", "other_language")
    }

    /// The buttons under a confirmation question, yes then no, in the bot's `language`: a
    /// button sends its label as the customer's message, so the bot's own `affirm` and `deny`
    /// examples must read them (the Chinese demo bot could not read "Yes").
    public static func confirmationButtons(for language: String) -> [String] {
        let code = language.lowercased()
        if code.hasPrefix("zh") { return ["是的", "不用了"] }
        if code.hasPrefix("ja") { return ["はい", "いいえ"] }
        if code.hasPrefix("ko") { return ["네", "아니요"] }
        return ["Yes", "No"]
    }

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
            "Our team is away right now. {{#customer.email}}A person will write to you at {{customer.email}} as soon "
                + "as we're back; if another address suits you better, type it here.{{/customer.email}}"
                + "{{^customer.email}}Leave your email address here and a person will write to you as soon as we're "
                + "back.{{/customer.email}}",
            "out_of_hours"),
        confirmAgain: template("Sorry, was that a yes or a no?", "confirm_again"),
        noAgent: template(
            "Sorry, none of my colleagues could get to you in time. {{#customer.email}}A person will write to you at "
                + "{{customer.email}}; if another address suits you better, type it here.{{/customer.email}}"
                + "{{^customer.email}}Leave your email address here and a person will write to you soon."
                + "{{/customer.email}}",
            "no_agent"),
        backToBot: template(
            "My colleague has handed the chat back to me, {{bot.name}}, the virtual assistant. Is there anything "
                + "else I can help with?", "back_to_bot"),
        ticketEmail: template(
            "Thank you. A person from our team will write to {{email}} as soon as they can.", "ticket_email"),
        actionError: template(
            "Sorry, I can't check that right now. Please try again in a few minutes, or ask for a person.",
            "action_error"),
        entityOnly: template("What would you like me to do about {{entity}}?", "entity_only"),
        otherLanguage: nil
    )
}
