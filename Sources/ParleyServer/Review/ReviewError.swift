public import ParleyBot

/// Why a review decision was refused; no file was changed and nothing stored.
public enum ReviewError: Error, Sendable, CustomStringConvertible {
    /// No message ids were given.
    case noMessages
    /// Ids that name no message in the store.
    case unknownMessages([Int64])
    /// Agents' or the bot's messages: only customers' messages can be reviewed.
    case notCustomerMessages([Int64])
    /// The examples could not be added to an existing intent (unknown or
    /// deleted meanwhile, already an example, a file that would not validate).
    case edit(IntentFileEditor.EditError)
    /// The new intent could not be created.
    case create(IntentCreator.CreateError)
    /// Messages whose own text reads as an entity annotation (`[gnome](order_id)`): written as
    /// an example, it would teach a false one.
    case readsAsAnnotation([Int64])
    /// Messages written in scripts the bot's language (the code given) does not use: most likely
    /// the inbox of another bot's store, reviewed against this bot's files.
    case otherLanguage([Int64], language: String)

    public var description: String {
        switch self {
        case .noMessages: "give the ids of the messages to decide on; nothing was changed"
        case .unknownMessages(let ids):
            "no message \(ids.map { "#\($0)" }.joined(separator: ", ")) in the store; no file was changed"
        case .notCustomerMessages(let ids):
            "no customer message \(ids.map { "#\($0)" }.joined(separator: ", ")) (only customers' messages can be "
                + "reviewed); no file was changed"
        case .edit(let error): error.description
        case .create(let error): error.description
        case .readsAsAnnotation(let ids):
            "message \(ids.map { "#\($0)" }.joined(separator: ", ")) holds text that reads as an entity annotation "
                + "('[…](…)'); add it to the intents by hand; no file was changed"
        case .otherLanguage(let ids, let language):
            "message \(ids.map { "#\($0)" }.joined(separator: ", ")) is written in a script the bot's language "
                + "(\(language)) does not use: is this the right bot's files (--intents, --config)? "
                + "no file was changed"
        }
    }
}
