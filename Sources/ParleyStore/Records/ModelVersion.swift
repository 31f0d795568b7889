public import Foundation

/// One version of the bot that went live in the server: at start-up or by a
/// reload, when, by whom, from which files, and how its model scored. The
/// timeline of these is what a trainer reads to see what a reload changed.
public struct ModelVersion: Sendable, Hashable, Codable {
    /// How the version went live. Stored by raw value.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The server started with it.
        case started
        /// A reload trained a new model.
        case retrained
        /// A reload changed only replies or settings: the model stayed.
        case repliesOnly = "replies_only"
    }

    /// Assigned by the store; nil before it is stored.
    public var id: Int64?
    /// The model's version (what `StoredMessage.modelVersion` records): 12 hexadecimal digits.
    public var version: String
    /// The replies' version (responses and settings files): 12 hexadecimal digits.
    public var repliesVersion: String
    /// The SHA-256 of the intent files the model was trained from.
    public var sourceHash: String
    public var kind: Kind
    public var loadedAt: Date
    /// Who: `server` (start-up), `token:3f9a02c1`, `user:ana`, `signal:SIGHUP`.
    public var loadedBy: String
    public var intents: Int
    public var examples: Int
    /// The intent files, relative to the intents folder.
    public var files: [String]
    /// Macro-F1 of cross-validation on these files, when a reload measured it.
    public var macroF1: Double?
    /// The reload's comparison with the version before it, as JSON (the answer's `comparison`).
    public var evaluation: String?

    public init(
        id: Int64? = nil, version: String, repliesVersion: String, sourceHash: String, kind: Kind,
        loadedAt: Date = Date(), loadedBy: String, intents: Int, examples: Int, files: [String],
        macroF1: Double? = nil, evaluation: String? = nil
    ) {
        self.id = id
        self.version = version
        self.repliesVersion = repliesVersion
        self.sourceHash = sourceHash
        self.kind = kind
        self.loadedAt = loadedAt
        self.loadedBy = loadedBy
        self.intents = intents
        self.examples = examples
        self.files = files
        self.macroF1 = macroF1
        self.evaluation = evaluation
    }
}
