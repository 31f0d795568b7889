public import ParleyBot

/// What a reload did (`POST /api/admin/reload`, `parley reload`, SIGHUP's log
/// line). JSON with snake_case keys; `status` says which fields are set:
///
/// - `reloaded`: the new bot answers now. `model_version`, `previous_model_version`,
///   `replies_version`, `retrained` (false when only replies or settings changed),
///   `seconds` (validating, training, checking, storing the version and swapping),
///   `ready_seconds` (the same until the new bot was built and checked), `warnings`.
/// - `unchanged`: the files are those of the running bot; nothing was swapped.
/// - `refused`: the new model scored worse than the running one by more than
///   `max_macro_f1_drop`, or a conversation test failed (each in `errors`); see
///   `comparison`. `force` reloads anyway. The running bot is untouched.
/// - `invalid`: the files have mistakes, all of them in `errors` (`file:line: message`);
///   the running bot is untouched.
/// - `busy`: another reload is running (`message` says whose, since when); this one did nothing.
/// - `failed`: something other than the files failed (the model file could not be written).
/// - `unavailable`: the server was not started from the bot's files.
public struct ReloadResult: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable, Hashable {
        case reloaded, unchanged, refused, invalid, busy, failed, unavailable
    }

    public var status: Status
    /// One readable line: what happened, or why nothing did.
    public var message: String
    /// The model version answering after the reload.
    public var modelVersion: String?
    public var previousModelVersion: String?
    public var repliesVersion: String?
    public var retrained: Bool?
    public var seconds: Double?
    /// Seconds from the request to the new bot being built and checked, ready
    /// to go live: `seconds` less storing its version and the swap.
    public var readySeconds: Double?
    /// The mistakes in the files, each `file:line: message`.
    public var errors: [String] = []
    /// What went live but deserves a look (a setting that needs a restart, a check overridden by `force`).
    public var warnings: [String] = []
    /// The new model against the running one, when the model changed.
    public var comparison: ModelComparison?
    /// How many conversation tests were played against the new bot.
    public var conversationTests: Int?

    public init(status: Status, message: String) {
        self.status = status
        self.message = message
    }

    /// The HTTP status of the answer: 200, 422 (the files), 409 (busy), 500, 503.
    public var httpStatus: Int {
        switch status {
        case .reloaded, .unchanged: 200
        case .invalid, .refused: 422
        case .busy: 409
        case .failed: 500
        case .unavailable: 503
        }
    }
}
