/// Every reply of a bot, by intent, from its `responses/` folder.
public struct BotResponses: Sendable {
    public var byIntent: [String: IntentResponse]
    /// SHA-256 over the files' names and contents.
    public var sourceHash: String

    public init(byIntent: [String: IntentResponse], sourceHash: String) {
        self.byIntent = byIntent
        self.sourceHash = sourceHash
    }

    public subscript(intent: String) -> IntentResponse? { byIntent[intent] }
}
