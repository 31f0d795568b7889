/// Rules of stored customer messages (`DialogueRule`'s raw values) that the
/// review inbox and the dashboard single out, as SQL lists for `rule IN …`.
enum MessageRules {
    /// Answers to the bot's own question: the entity it asked for (`slot_filled`), a
    /// ticket's email address (`ticket_email`). The classifier's confidence says nothing of them.
    static let answersToTheBot = "('slot_filled', 'ticket_email')"
    /// Messages the bot did not understand beside its fallbacks: the fallback that
    /// escalated (`repeated_fallback`), a reply that did not answer its question (`slot_still_missing`).
    static let missedWithoutFallback = "('repeated_fallback', 'slot_still_missing')"
}
