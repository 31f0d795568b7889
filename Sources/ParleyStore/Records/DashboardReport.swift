public import Foundation

/// The trainers' dashboard figures for days `from` to `to` (UTC, both
/// included), of one channel or all: what `/admin` draws and `parley report
/// --format json` prints (`CRMStore.dashboard`).
public struct DashboardReport: Sendable, Hashable, Codable {
    /// One day's counts.
    public struct Day: Sendable, Hashable, Codable {
        /// `YYYY-MM-DD`, UTC.
        public var day: String
        public var conversations: Int
        public var customerMessages: Int
        /// The bot's answers to customers.
        public var botAnswers: Int
        /// Bot answers that asked the customer to rephrase.
        public var fallbacks: Int
        /// Escalations queued that day.
        public var escalations: Int

        public init(
            day: String, conversations: Int, customerMessages: Int, botAnswers: Int, fallbacks: Int, escalations: Int
        ) {
            self.day = day
            self.conversations = conversations
            self.customerMessages = customerMessages
            self.botAnswers = botAnswers
            self.fallbacks = fallbacks
            self.escalations = escalations
        }

        /// `fallbacks` among `botAnswers`, 0 to 1; nil without answers.
        public var fallbackRate: Double? { botAnswers == 0 ? nil : Double(fallbacks) / Double(botAnswers) }

        enum CodingKeys: String, CodingKey {
            case day, conversations, fallbacks, escalations
            case customerMessages = "customer_messages"
            case botAnswers = "bot_answers"
        }
    }

    /// A name and how many times it came.
    public struct Count: Sendable, Hashable, Codable {
        public var name: String
        public var count: Int

        public init(name: String, count: Int) {
            self.name = name
            self.count = count
        }
    }

    /// A version of the bot that went live in the period.
    public struct Version: Sendable, Hashable, Codable {
        public var version: String
        public var kind: String
        public var loadedAt: Date
        public var loadedBy: String
        public var intents: Int
        public var examples: Int
        public var macroF1: Double?

        public init(_ version: ModelVersion) {
            self.version = version.version
            self.kind = version.kind.rawValue
            self.loadedAt = version.loadedAt
            self.loadedBy = version.loadedBy
            self.intents = version.intents
            self.examples = version.examples
            self.macroF1 = version.macroF1
        }

        enum CodingKeys: String, CodingKey {
            case version, kind, intents, examples
            case loadedAt = "loaded_at"
            case loadedBy = "loaded_by"
            case macroF1 = "macro_f1"
        }
    }

    public var from: String
    public var to: String
    /// The channel the figures are of; nil: all.
    public var channel: String?
    public var days: [Day]
    public var conversations: Int
    public var customerMessages: Int
    /// The ten intents customers' messages were read as most, most first: messages
    /// read at or above the fallback threshold of the time, not the guess behind a
    /// fallback, nor an answer to the bot's own question (an entity, a ticket's email).
    public var topIntents: [Count]
    /// Fallbacks among the bot's answers to customers, 0 to 1; nil without answers.
    public var fallbackRate: Double?
    /// The fallback rate of the period's second half minus its first half's (points of 0 to 1);
    /// nil when either half has no answers.
    public var fallbackTrend: Double?
    /// Conversations that were escalated, among the period's conversations, 0 to 1.
    public var escalationRate: Double?
    /// Escalations by reason, most first.
    public var escalationReasons: [Count]
    /// Conversations that became tickets in the period.
    public var tickets: Int
    /// The mean sentiment score of customers' messages (-1 to 1); nil without any.
    public var averageSentiment: Double?
    /// Conversations rated 1 to 5 (`"1"` … `"5"`), and their mean.
    public var ratings: [String: Int]
    public var averageRating: Double?
    /// The median wait from an escalation being queued to an agent taking it, in seconds; nil when none was taken.
    public var medianSecondsToAgent: Double?
    /// Customer messages per hour of the day (UTC), 24 counts from 00:00.
    public var busiestHours: [Int]
    /// The versions that went live in the period, oldest first.
    public var modelVersions: [Version]

    public init(
        from: String, to: String, channel: String?, days: [Day], topIntents: [Count], escalationRate: Double?,
        escalationReasons: [Count], tickets: Int, averageSentiment: Double?,
        ratings: [String: Int], medianSecondsToAgent: Double?, busiestHours: [Int], modelVersions: [Version]
    ) {
        self.from = from
        self.to = to
        self.channel = channel
        self.days = days
        self.conversations = days.reduce(0) { $0 + $1.conversations }
        self.customerMessages = days.reduce(0) { $0 + $1.customerMessages }
        self.topIntents = topIntents
        self.fallbackRate = Self.fallbackRate(days[...])
        let half = days.count / 2
        self.fallbackTrend = Self.fallbackRate(days[half...]).flatMap { second in
            Self.fallbackRate(days[..<half]).map { second - $0 }
        }
        self.escalationRate = escalationRate
        self.escalationReasons = escalationReasons
        self.tickets = tickets
        self.averageSentiment = averageSentiment
        self.ratings = ratings
        let rated = ratings.reduce(0) { $0 + $1.value }
        self.averageRating =
            rated == 0 ? nil : Double(ratings.reduce(0) { $0 + (Int($1.key) ?? 0) * $1.value }) / Double(rated)
        self.medianSecondsToAgent = medianSecondsToAgent
        self.busiestHours = busiestHours
        self.modelVersions = modelVersions
    }

    /// Fallbacks among the bot's answers on `days`; nil without answers.
    static func fallbackRate(_ days: ArraySlice<Day>) -> Double? {
        let answers = days.reduce(0) { $0 + $1.botAnswers }
        return answers == 0 ? nil : Double(days.reduce(0) { $0 + $1.fallbacks }) / Double(answers)
    }

    enum CodingKeys: String, CodingKey {
        case from, to, channel, days, conversations, tickets, ratings
        case customerMessages = "customer_messages"
        case topIntents = "top_intents"
        case fallbackRate = "fallback_rate"
        case fallbackTrend = "fallback_trend"
        case escalationRate = "escalation_rate"
        case escalationReasons = "escalation_reasons"
        case averageSentiment = "average_sentiment"
        case averageRating = "average_rating"
        case medianSecondsToAgent = "median_seconds_to_agent"
        case busiestHours = "busiest_hours"
        case modelVersions = "model_versions"
    }
}
