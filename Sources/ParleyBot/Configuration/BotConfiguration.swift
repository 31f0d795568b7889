internal import Foundation
public import ParleyNLP
internal import Yams

/// A bot's settings, from `bot.yml` beside its `intents/` and `responses/`
/// folders. Every key is optional; a missing file means the defaults.
///
/// ```yaml
/// name: Shop Assistant
/// language: en                 # BCP 47; English gets stemming and the English stopwords
/// locale: en-GB                # BCP 47; how customers write numeric dates: "3/12" is 3 December
/// fallback_threshold: auto     # below this intent confidence the bot asks to rephrase; auto: fitted
///                              # when training (the default), or a number from 0 to 1
/// fallback_accuracy_loss: 1.5  # points of in-scope accuracy the fitted threshold may cost
/// answer_two_intents: true     # two requests in one message get both answers in one reply
/// messages:                    # templates; may use {{customer.name}} and {{bot.name}}
///   greeting: "Hi {{customer.name}}! How can I help?"
///   fallback: "Sorry, could you say that in other words?"
///   handover: "I'm getting a colleague for you."
///   out_of_hours: "We're closed; leave your email and we'll write back."
///   confirm_again: "Sorry, was that a yes or a no?"
///   other_language: "Sorry, I only speak English."   # a message in a script the bot's language does not use
/// escalation:
///   fallbacks_in_a_row: 2      # 0 turns the rule off
///   sentiment_below: -0.6
///   negative_streak: 3         # 0 turns the rule off
///   vip: true
/// office_hours:                # without it, agents are always in
///   time_zone: Europe/London
///   days: [mon, tue, wed, thu, fri]
///   open: "09:00"
///   close: "17:30"
/// stopwords:
///   add: [kindly]
///   remove: [help]
/// privacy:
///   redact: [email, phone, card]   # masked before anything is stored
/// secrets:                     # named secrets for signing actions' requests
///   shop: {env: SHOP_WEBHOOK_SECRET}
/// actions:                     # webhooks responses can name (see `ActionDefinition`)
///   order_status: {url: "https://shop.example.com/parley/order-status", secret: shop}
/// demo_shop: true              # serve the demo shop API under /demo/shop/ (orders in demo-shop.yml)
/// ```
public struct BotConfiguration: Sendable {
    public var name = "Parley"
    public var language = "en"
    /// `locale`: the BCP 47 locale whose numeric dates customers write ("en-GB": "3/12" is 3
    /// December); nil reads them month first, as in the US.
    public var locale: String?
    /// Which number of "3/12" is the month, by `locale`.
    public var dateOrder: DateOrder { locale.flatMap { DateOrder.of(locale: $0) } ?? .monthFirst }
    /// Below this intent confidence the bot falls back. With `fallback_threshold: auto` (the
    /// default) it is the threshold fitted when the model was trained, which `Bot.load` sets
    /// from the model file; 0.5 until a model is loaded.
    public var fallbackThreshold = 0.5
    /// Whether `fallback_threshold` is `auto`: fitted at training time, from out-of-fold
    /// predictions, so that in-scope accuracy loses at most `fallbackAccuracyLoss` points.
    public var fitsFallbackThreshold = true
    /// `fallback_accuracy_loss`: the points of in-scope accuracy (0–100) the fitted threshold may cost.
    public var fallbackAccuracyLoss = 1.5
    /// `answer_two_intents`: whether a message with two confident requests in
    /// different sentences or clauses gets both answers in one reply.
    public var answersTwoIntents = true
    /// The points of macro-F1 (out of fold, 0 to 100) a reload's new model may
    /// lose against the running one before the reload is refused (unless forced).
    public var maxMacroF1Drop = 1.0
    /// Fewer examples than this for an intent is a warning of `parley validate` (and of a reload).
    public var minExamplesPerIntent = 10
    public var messages = BotMessages.defaults
    public var escalation = EscalationRules()
    public var officeHours: OfficeHours?
    public var stopwordsAdded: [String] = []
    public var stopwordsRemoved: [String] = []
    /// Personal data masked in messages before they are stored: `email`, `phone`, `card`.
    public var redact: Set<PIIRedactor.Kind> = []
    /// Actions by name.
    public var actions: [String: ActionDefinition] = [:]
    /// Named secrets' values, for signing actions' requests.
    public var secrets: [String: String] = [:]
    /// The demo shop's orders file when `parley serve` serves the demo shop API under `/demo/shop/` (`demo_shop: true`).
    public var demoShopOrders: String?

    public init() {}

    /// The stopword list: the language's, with the bot's additions and removals.
    public var stopwords: Stopwords {
        let removed = Set(stopwordsRemoved.map(TextNormalizer.normalize))
        let base = Stopwords.forLanguage(language).words.subtracting(removed)
        return Stopwords(base.union(stopwordsAdded.map(TextNormalizer.normalize)).sorted())
    }

    /// How this bot's messages are understood.
    public var nlu: NLUConfiguration {
        NLUConfiguration(
            language: language, stopwords: stopwords,
            fallbackAccuracyLoss: fitsFallbackThreshold ? fallbackAccuracyLoss : nil)
    }

    /// Reads `path`; a missing file gives the defaults.
    public static func load(path: String) throws(TrainingDataError) -> BotConfiguration {
        guard FileManager.default.fileExists(atPath: path) else { return BotConfiguration() }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw .unreadable(path: path, reason: "cannot read the file as UTF-8") }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(TrainingDataError) -> BotConfiguration {
        var document = YAMLDocument(file: path)
        var configuration = BotConfiguration()
        guard let root = document.root(of: text) else {
            if document.issues.isEmpty { return configuration }
            throw .invalid(document.issues)
        }
        guard let mapping = root.mapping else {
            throw .invalid([ValidationIssue(document.location(root), "expected settings such as 'language: en'")])
        }
        document.checkKeys(
            mapping,
            allowed: [
                "name", "language", "locale", "fallback_threshold", "fallback_accuracy_loss", "answer_two_intents",
                "max_macro_f1_drop", "min_examples_per_intent", "messages",
                "escalation", "office_hours", "stopwords", "privacy", "secrets", "actions", "demo_shop",
            ])
        if let node = mapping["name"] {
            if let name = node.scalar?.string, !name.isEmpty {
                configuration.name = name
            } else {
                document.issue(node, "'name' must be text")
            }
        }
        if let node = mapping["language"] {
            if let language = node.scalar?.string, !language.isEmpty,
                language.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" })
            {
                configuration.language = language
            } else {
                document.issue(node, "'language' must be a language code such as en")
            }
        }
        if let node = mapping["locale"] {
            let primary = { (tag: String) in tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "" }
            if let locale = node.scalar?.string, DateOrder.of(locale: locale) != nil {
                if primary(locale).lowercased() == primary(configuration.language).lowercased() {
                    configuration.locale = locale
                } else {
                    document.issue(node, "'locale' \(locale) is not of the bot's language \(configuration.language)")
                }
            } else {
                document.issue(node, "'locale' must be a locale such as en-GB or en-US")
            }
        }
        if let node = mapping["fallback_threshold"] {
            if node.scalar?.string == "auto" {
                configuration.fitsFallbackThreshold = true
            } else if let value = node.scalar.flatMap({ Double($0.string) }), (0...1).contains(value) {
                configuration.fallbackThreshold = value
                configuration.fitsFallbackThreshold = false
            } else {
                document.issue(node, "'fallback_threshold' must be auto or a number from 0 to 1")
            }
        }
        if let node = mapping["fallback_accuracy_loss"] {
            if let value = node.scalar.flatMap({ Double($0.string) }), (0...100).contains(value) {
                configuration.fallbackAccuracyLoss = value
            } else {
                document.issue(node, "'fallback_accuracy_loss' must be a number of accuracy points from 0 to 100")
            }
        }
        if let node = mapping["answer_two_intents"] {
            if let flag = node.scalar.flatMap({ Bool($0.string) }) {
                configuration.answersTwoIntents = flag
            } else {
                document.issue(node, "'answer_two_intents' must be true or false")
            }
        }
        if let node = mapping["max_macro_f1_drop"] {
            if let value = node.scalar.flatMap({ Double($0.string) }), (0...100).contains(value) {
                configuration.maxMacroF1Drop = value
            } else {
                document.issue(node, "'max_macro_f1_drop' must be a number of macro-F1 points from 0 to 100")
            }
        }
        if let node = mapping["min_examples_per_intent"] {
            if let value = node.scalar.flatMap({ Int($0.string) }), value >= 0 {
                configuration.minExamplesPerIntent = value
            } else {
                document.issue(node, "'min_examples_per_intent' must be a whole number, 0 or more")
            }
        }
        if let node = mapping["messages"] { readMessages(node, into: &configuration, &document) }
        if let node = mapping["escalation"] { readEscalation(node, into: &configuration, &document) }
        if let node = mapping["office_hours"] { readOfficeHours(node, into: &configuration, &document) }
        if let node = mapping["stopwords"] {
            if let lists = node.mapping {
                document.checkKeys(lists, allowed: ["add", "remove"])
                if let add = lists["add"] { configuration.stopwordsAdded = document.strings(add, what: "add") ?? [] }
                if let remove = lists["remove"] {
                    configuration.stopwordsRemoved = document.strings(remove, what: "remove") ?? []
                }
            } else {
                document.issue(node, "'stopwords' takes 'add' and 'remove' lists")
            }
        }
        if let node = mapping["privacy"] {
            if let privacy = node.mapping {
                document.checkKeys(privacy, allowed: ["redact"])
                if let list = privacy["redact"], let kinds = document.strings(list, what: "redact") {
                    for kind in kinds {
                        if let parsed = PIIRedactor.Kind(rawValue: kind) {
                            configuration.redact.insert(parsed)
                        } else {
                            document.issue(list, "'\(kind)' cannot be redacted; use email, phone or card")
                        }
                    }
                }
            } else {
                document.issue(node, "'privacy' takes 'redact', a list of email, phone and card")
            }
        }
        if let node = mapping["secrets"] { readSecrets(node, into: &configuration, &document) }
        if let node = mapping["actions"] { readActions(node, into: &configuration, &document) }
        if let node = mapping["demo_shop"] {
            if let flag = node.scalar.flatMap({ Bool($0.string) }) {
                if flag {
                    configuration.demoShopOrders = ((path as NSString).deletingLastPathComponent as NSString)
                        .appendingPathComponent("demo-shop.yml")
                }
            } else {
                document.issue(node, "'demo_shop' must be true or false")
            }
        }
        if !document.issues.isEmpty { throw .invalid(document.issues) }
        return configuration
    }

    /// `secrets: {name: {env: VARIABLE}}` or `{name: "text"}`.
    static func readSecrets(_ node: Node, into configuration: inout BotConfiguration, _ document: inout YAMLDocument) {
        guard let mapping = node.mapping else {
            document.issue(node, "'secrets' maps names to {env: VARIABLE} or to a text")
            return
        }
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { continue }
            if let text = value.scalar?.string, !text.isEmpty {
                configuration.secrets[name] = text
            } else if let env = value.mapping, let variable = env["env"]?.scalar?.string {
                document.checkKeys(env, allowed: ["env"])
                if let secret = ProcessInfo.processInfo.environment[variable], !secret.isEmpty {
                    configuration.secrets[name] = secret
                } else {
                    document.issue(value, "secret '\(name)': the environment variable \(variable) is not set")
                }
            } else {
                document.issue(value, "secret '\(name)' must be {env: VARIABLE} or a text")
            }
        }
    }

    static func readActions(_ node: Node, into configuration: inout BotConfiguration, _ document: inout YAMLDocument) {
        guard let mapping = node.mapping else {
            document.issue(
                node, "'actions' maps each action's name to its url, method, timeout, retries, headers and secret")
            return
        }
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { continue }
            guard let fields = value.mapping else {
                document.issue(value, "action '\(name)' needs at least a 'url'")
                continue
            }
            document.checkKeys(fields, allowed: ["url", "method", "timeout", "retries", "headers", "secret"])
            var action = ActionDefinition(name: name, url: "", location: document.location(key))
            if let url = fields["url"]?.scalar?.string,
                url.hasPrefix("/")
                    || ((url.hasPrefix("http://") || url.hasPrefix("https://"))
                        && URL(string: url)?.host?.isEmpty == false)
            {
                action.url = url
            } else {
                document.issue(
                    fields["url"] ?? value,
                    "action '\(name)' needs a 'url' starting with http:// or https:// (or a path on this server, such as /demo/shop/orders/status)"
                )
            }
            if let node = fields["method"] {
                let method = node.scalar?.string.uppercased() ?? ""
                if ["POST", "PUT", "PATCH", "GET"].contains(method) {
                    action.method = method
                } else {
                    document.issue(node, "'method' must be POST, PUT, PATCH or GET")
                }
            }
            if let node = fields["timeout"] {
                if let seconds = node.scalar.flatMap({ Double($0.string) }), seconds > 0, seconds <= 60 {
                    action.timeout = seconds
                } else {
                    document.issue(node, "'timeout' must be a number of seconds from 0 to 60")
                }
            }
            if let node = fields["retries"] {
                if let count = node.scalar.flatMap({ Int($0.string) }), (0...5).contains(count) {
                    action.retries = count
                } else {
                    document.issue(node, "'retries' must be a whole number from 0 to 5")
                }
            }
            if let node = fields["headers"] {
                if let headers = node.mapping {
                    for (header, text) in headers {
                        guard let header = header.scalar?.string, let text = text.scalar?.string else { continue }
                        action.headers[header] = text
                    }
                } else {
                    document.issue(node, "'headers' maps header names to their values")
                }
            }
            if let node = fields["secret"] {
                if let secretName = node.scalar?.string, let secret = configuration.secrets[secretName] {
                    action.secretName = secretName
                    action.secret = secret
                } else {
                    let known = configuration.secrets.keys.sorted().joined(separator: ", ")
                    document.issue(
                        node,
                        "action '\(name)' names secret '\(node.scalar?.string ?? "")', which 'secrets' does not define"
                            + (known.isEmpty ? "" : " (it has \(known))"))
                }
            }
            configuration.actions[name] = action
        }
    }

    static func readMessages(_ node: Node, into configuration: inout BotConfiguration, _ document: inout YAMLDocument) {
        guard let mapping = node.mapping else {
            document.issue(
                node,
                "'messages' takes greeting, fallback, handover, out_of_hours, confirm_again, no_agent, back_to_bot, "
                    + "ticket_email, action_error, entity_only and other_language")
            return
        }
        document.checkKeys(
            mapping,
            allowed: [
                "greeting", "fallback", "handover", "out_of_hours", "confirm_again", "no_agent", "back_to_bot",
                "ticket_email", "action_error", "entity_only", "other_language",
            ])
        let paths: [(String, WritableKeyPath<BotMessages, ResponseTemplate>)] = [
            ("greeting", \.greeting), ("fallback", \.fallback), ("handover", \.handover),
            ("out_of_hours", \.outOfHours),
            ("confirm_again", \.confirmAgain), ("no_agent", \.noAgent), ("back_to_bot", \.backToBot),
            ("ticket_email", \.ticketEmail), ("action_error", \.actionError), ("entity_only", \.entityOnly),
        ]
        if let value = mapping["other_language"] {
            if let text = value.scalar?.string {
                configuration.messages.otherLanguage = ResponseFiles.template(
                    text, value, &document, fillable: ["customer.name", "customer.email", "customer.phone", "bot.name"])
            } else {
                document.issue(value, "'other_language' must be text")
            }
        }
        for (key, path) in paths {
            guard let value = mapping[key] else { continue }
            guard let text = value.scalar?.string else {
                document.issue(value, "'\(key)' must be text")
                continue
            }
            var fillable: Set<String> = ["customer.name", "customer.email", "customer.phone", "bot.name"]
            if key == "ticket_email" { fillable.insert("email") }
            if key == "entity_only" { fillable.insert("entity") }
            if let template = ResponseFiles.template(text, value, &document, fillable: fillable) {
                configuration.messages[keyPath: path] = template
            }
        }
    }

    static func readEscalation(_ node: Node, into configuration: inout BotConfiguration, _ document: inout YAMLDocument)
    {
        guard let mapping = node.mapping else {
            document.issue(node, "'escalation' takes fallbacks_in_a_row, sentiment_below, negative_streak and vip")
            return
        }
        document.checkKeys(mapping, allowed: ["fallbacks_in_a_row", "sentiment_below", "negative_streak", "vip"])
        for key in ["fallbacks_in_a_row", "negative_streak"] {
            guard let value = mapping[key] else { continue }
            guard let count = value.scalar.flatMap({ Int($0.string) }), count >= 0 else {
                document.issue(value, "'\(key)' must be a whole number, 0 or more")
                continue
            }
            if key == "fallbacks_in_a_row" {
                configuration.escalation.fallbacksInARow = count
            } else {
                configuration.escalation.negativeStreak = count
            }
        }
        if let value = mapping["sentiment_below"] {
            if let score = value.scalar.flatMap({ Double($0.string) }), (-1...0).contains(score) {
                configuration.escalation.sentimentBelow = score
            } else {
                document.issue(value, "'sentiment_below' must be a score from -1 to 0")
            }
        }
        if let value = mapping["vip"] {
            if let flag = value.scalar.flatMap({ Bool($0.string) }) {
                configuration.escalation.vip = flag
            } else {
                document.issue(value, "'vip' must be true or false")
            }
        }
    }

    static func readOfficeHours(
        _ node: Node, into configuration: inout BotConfiguration, _ document: inout YAMLDocument
    ) {
        guard let mapping = node.mapping else {
            document.issue(node, "'office_hours' takes time_zone, days, open and close (or hours), and holidays")
            return
        }
        document.checkKeys(mapping, allowed: ["time_zone", "days", "open", "close", "hours", "holidays"])
        var zone = TimeZone.current
        if let value = mapping["time_zone"] {
            if let name = value.scalar?.string, let found = TimeZone(identifier: name) {
                zone = found
            } else {
                document.issue(value, "'time_zone' must be a time zone such as Europe/London")
            }
        }
        var days: Set<Int> = [1, 2, 3, 4, 5]
        if let value = mapping["days"], let names = document.strings(value, what: "days") {
            days = []
            for name in names {
                if let named = OfficeHours.days(name) {
                    days.formUnion(named)
                } else {
                    document.issue(value, "'\(name)' is not a day of the week (mon, tue, wed, thu, fri, sat, sun)")
                }
            }
        }
        var opens = 9 * 60
        var closes = 17 * 60
        for key in ["open", "close"] {
            guard let value = mapping[key] else { continue }
            guard let minutes = value.scalar.flatMap({ OfficeHours.minutes($0.string) }) else {
                document.issue(value, "'\(key)' must be a time such as \"09:00\"")
                continue
            }
            if key == "open" { opens = minutes } else { closes = minutes }
        }
        var week: [Int: [OfficeHours.Block]] = [:]
        if let hours = mapping["hours"] {
            if mapping["open"] != nil || mapping["close"] != nil {
                document.issue(hours, "give either 'hours' or 'open' and 'close', not both")
            }
            if let byDay = hours.mapping {
                // hours: {mon-fri: ["09:00-12:30", "13:30-17:30"], sat: "10:00-14:00"}
                if mapping["days"] != nil {
                    document.issue(mapping["days"], "'days' is not needed when 'hours' names the days")
                }
                for (key, value) in byDay {
                    guard let named = key.scalar.flatMap({ OfficeHours.days($0.string) }) else {
                        document.issue(
                            key, "'\(key.scalar?.string ?? "?")' is not a day or days such as mon or mon-fri")
                        continue
                    }
                    let blocks = readBlocks(value, &document)
                    for day in named { week[day, default: []] += blocks }
                }
            } else {
                // hours: ["09:00-12:30", "13:30-17:30"] on each of `days`
                let blocks = readBlocks(hours, &document)
                for day in days { week[day] = blocks }
            }
        } else {
            if opens >= closes { document.issue(node, "office hours must open before they close") }
            for day in days { week[day] = [OfficeHours.Block(opens: opens, closes: closes)] }
        }
        for (day, blocks) in week {
            let sorted = blocks.sorted()
            if zip(sorted, sorted.dropFirst()).contains(where: { $0.closes > $1.opens }) {
                let name = OfficeHours.dayNames.first { $0.value == day }?.key ?? "\(day)"
                document.issue(mapping["hours"], "the blocks of \(name) overlap")
            }
        }
        var holidays: Set<String> = []
        if let value = mapping["holidays"], let dates = document.strings(value, what: "holidays") {
            let format = /^\d{4}-\d{2}-\d{2}$/
            for date in dates {
                if date.wholeMatch(of: format) != nil, ISO8601DateFormatter.dayOnly.date(from: date) != nil {
                    holidays.insert(date)
                } else {
                    document.issue(value, "holiday '\(date)' must be a date such as 2026-12-25")
                }
            }
        }
        configuration.officeHours = OfficeHours(timeZone: zone, week: week, holidays: holidays)
    }

    /// "09:00-17:30" or a list of such blocks.
    private static func readBlocks(_ node: Node, _ document: inout YAMLDocument) -> [OfficeHours.Block] {
        guard let texts = document.strings(node, what: "hours") else { return [] }
        var blocks: [OfficeHours.Block] = []
        for text in texts {
            if let block = OfficeHours.block(text) {
                blocks.append(block)
            } else {
                document.issue(node, "'\(text)' must be opening hours such as \"09:00-12:30\" (opening before closing)")
            }
        }
        return blocks
    }
}

extension ISO8601DateFormatter {
    /// Reads `YYYY-MM-DD`.
    static var dayOnly: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter
    }
}
