public import Foundation
internal import Yams

/// The demo shop's order system: a dozen orders from a trainer-readable file
/// (`demo-shop.yml`), which the shipped bot's actions look up and change.
/// Its dates are days relative to today (`RelativeDay`), answered as the
/// bot's customers read them (its `language`, in its office hours' time zone).
/// `parley serve` serves it over HTTP under `/demo/shop/` when `bot.yml`
/// says `demo_shop: true`; `parley test-conversations` calls it in process.
/// Changes (a cancelled order, a reported problem) last as long as the value.
///
/// Each path takes Parley's action request (the order number in
/// `slots.order_id`) and answers a JSON object with an `outcome`:
///
/// | path | outcomes |
/// |---|---|
/// | `orders/status` | `placed`, `packed`, `shipped`, `late` (shipped, its `eta` passed; with `days_late`), `delivered`, `cancelled`, `not_found` |
/// | `orders/cancel` | `cancelled` (it was placed or packed: now cancelled), `already_shipped`, `delivered`, `already_cancelled`, `not_found` |
/// | `orders/address` | `changeable` (with the `link` where the customer changes it), `already_shipped`, `delivered`, `cancelled`, `not_found` |
/// | `orders/problem` | `reported` (late or delivered: with a new `case_id`), `already_reported` (with the order's open `case_id`), `on_its_way` (shipped, not yet due), `not_shipped`, `cancelled`, `not_found` |
///
/// Found orders come with `order_id`, `status`, `placed`, `eta`, `carrier`,
/// `tracking`, `address`, `items` (a list of `name` and `quantity`) and `total`.
public final class DemoShop: @unchecked Sendable {
    public struct Order: Sendable, Hashable {
        public var id: String
        public var name: String
        public var status: String
        public var placed: RelativeDay
        public var eta: RelativeDay?
        public var carrier: String?
        public var tracking: String?
        public var address: String
        /// "Blue mug x2".
        public var items: [String]
        public var total: String
    }

    public static let statuses = ["placed", "packed", "shipped", "delivered", "cancelled"]

    private let lock = NSLock()
    private var orders: [String: Order]
    private var cases = 1000
    /// The case opened for each order's reported problem, by order id.
    private var caseOfOrder: [String: String] = [:]
    private let language: String
    private let timeZone: TimeZone
    private let today: @Sendable () -> Date

    /// `today` tells the moment the orders' relative dates count from (a
    /// conversation script's `at`; the clock otherwise).
    public init(
        orders: [Order], language: String = "en", timeZone: TimeZone = .current,
        today: @escaping @Sendable () -> Date = Date.init
    ) {
        self.orders = Dictionary(orders.map { (Self.key($0.id), $0) }, uniquingKeysWith: { first, _ in first })
        self.language = language
        self.timeZone = timeZone
        self.today = today
    }

    /// The demo shop of a bot whose settings say `demo_shop: true`, speaking
    /// its language in its office hours' time zone (the server's without
    /// office hours); nil when they do not. Mistakes in the orders file are
    /// `file:line` issues.
    public static func load(
        for configuration: BotConfiguration, today: @escaping @Sendable () -> Date = Date.init
    ) throws(TrainingDataError) -> DemoShop? {
        guard let path = configuration.demoShopOrders else { return nil }
        return try load(
            path: path, language: configuration.language,
            timeZone: configuration.officeHours?.timeZone ?? .current, today: today)
    }

    /// Reads the orders file; mistakes are `file:line` issues.
    public static func load(
        path: String, language: String = "en", timeZone: TimeZone = .current,
        today: @escaping @Sendable () -> Date = Date.init
    ) throws(TrainingDataError) -> DemoShop {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot read the demo shop's orders")
        }
        var document = YAMLDocument(file: path)
        guard let root = document.root(of: data) else { throw .invalid(document.issues) }
        guard let list = root.mapping?["orders"]?.sequence else {
            throw .invalid([ValidationIssue(document.location(root), "expected 'orders:' with a list of orders")])
        }
        var orders: [Order] = []
        for node in list {
            guard let fields = node.mapping else {
                document.issue(node, "each order is a mapping with id, name, status, …")
                continue
            }
            document.checkKeys(
                fields,
                allowed: ["id", "name", "status", "placed", "eta", "carrier", "tracking", "address", "items", "total"])
            func text(_ key: String) -> String? { fields[key]?.scalar?.string }
            guard let id = text("id"), let name = text("name"), let status = text("status"),
                text("placed") != nil, let address = text("address"), let total = text("total")
            else {
                document.issue(node, "each order needs id, name, status, placed, address and total")
                continue
            }
            guard statuses.contains(status) else {
                document.issue(fields["status"], "status must be one of \(statuses.joined(separator: ", "))")
                continue
            }
            var days: [String: RelativeDay] = [:]
            for key in ["placed", "eta"] {
                guard let text = text(key) else { continue }
                guard let day = RelativeDay(text) else {
                    document.issue(fields[key], "'\(key)' is a day relative to today: today, 3 days ago, in 2 days")
                    continue
                }
                days[key] = day
            }
            guard let placedDay = days["placed"] else { continue }
            let items = fields["items"].flatMap { document.strings($0, what: "items") } ?? []
            orders.append(
                Order(
                    id: id.uppercased(), name: name, status: status, placed: placedDay, eta: days["eta"],
                    carrier: text("carrier"), tracking: text("tracking"), address: address, items: items, total: total))
        }
        if !document.issues.isEmpty { throw .invalid(document.issues) }
        return DemoShop(orders: orders, language: language, timeZone: timeZone, today: today)
    }

    /// An order as it is now.
    public func order(_ id: String) -> Order? {
        lock.withLock { orders[Self.key(id)] }
    }

    /// An order number's letters (upper-cased) and digits, as orders are looked up: "A10234",
    /// "a-10234" and "A 10234" name order A-10234, as a shop's own system would find it.
    static func key(_ id: String) -> String {
        String(
            String.UnicodeScalarView(
                id.uppercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            ))
    }

    /// Answers one request to `path` (after `/demo/shop/`): an HTTP status and a JSON object.
    public func handle(_ path: String, request: JSONValue) -> (status: Int, answer: JSONValue) {
        let operation = path.split(separator: "/").map(String.init)
        guard operation.count == 2, operation[0] == "orders",
            ["status", "cancel", "address", "problem"].contains(operation[1])
        else {
            return (404, .object(["error": .string("no such path: /demo/shop/\(path)")]))
        }
        guard let id = request["slots"]?["order_id"]?.text ?? request["order_id"]?.text else {
            return (400, .object(["error": .string("give the order number as slots.order_id")]))
        }
        return lock.withLock {
            guard var order = orders[Self.key(id)] else {
                return (200, .object(["outcome": .string("not_found"), "order_id": .string(id)]))
            }
            let outcome: String
            var extra: [String: JSONValue] = [:]
            switch (operation[1], order.status) {
            case ("status", "shipped") where (order.eta?.offset ?? 0) < 0:
                outcome = "late"
                extra["days_late"] = .number(Double(-(order.eta?.offset ?? 0)))
            case ("status", let status):
                outcome = status
            case ("cancel", "placed"), ("cancel", "packed"):
                order.status = "cancelled"
                orders[Self.key(order.id)] = order
                outcome = "cancelled"
            case ("cancel", "shipped"): outcome = "already_shipped"
            case ("cancel", "delivered"): outcome = "delivered"
            case ("cancel", _): outcome = "already_cancelled"
            case ("address", "placed"), ("address", "packed"):
                outcome = "changeable"
                extra["link"] = .string("https://shop.example.com/orders/\(order.id)/address")
            case ("address", "shipped"): outcome = "already_shipped"
            case ("address", "delivered"): outcome = "delivered"
            case ("address", _): outcome = "cancelled"
            case ("problem", "shipped") where (order.eta?.offset ?? -1) >= 0:
                // On its way and not yet due: nothing to report to the courier yet.
                outcome = "on_its_way"
            case ("problem", "shipped"), ("problem", "delivered"):
                if let open = caseOfOrder[order.id] {
                    outcome = "already_reported"
                    extra["case_id"] = .string(open)
                } else {
                    cases += 1
                    caseOfOrder[order.id] = "C-\(cases)"
                    outcome = "reported"
                    extra["case_id"] = .string("C-\(cases)")
                }
            case ("problem", "cancelled"): outcome = "cancelled"
            default: outcome = "not_shipped"
            }
            var answer = fields(of: order)
            answer["outcome"] = .string(outcome)
            answer.merge(extra) { _, new in new }
            return (200, .object(answer))
        }
    }

    private func fields(of order: Order) -> [String: JSONValue] {
        let now = today()
        func date(_ day: RelativeDay) -> JSONValue {
            .string(day.formatted(from: now, timeZone: timeZone, language: language))
        }
        var fields: [String: JSONValue] = [
            "order_id": .string(order.id), "status": .string(order.status), "placed": date(order.placed),
            "address": .string(order.address), "total": .string(order.total),
            "items": .array(order.items.map(Self.item)),
        ]
        if let eta = order.eta { fields["eta"] = date(eta) }
        if let carrier = order.carrier { fields["carrier"] = .string(carrier) }
        if let tracking = order.tracking { fields["tracking"] = .string(tracking) }
        return fields
    }

    /// "Blue mug x2" → {name: Blue mug, quantity: 2}.
    private static func item(_ text: String) -> JSONValue {
        let parts = text.split(separator: " ")
        if let last = parts.last, last.hasPrefix("x"), let quantity = Int(last.dropFirst()), parts.count > 1 {
            return .object([
                "name": .string(parts.dropLast().joined(separator: " ")), "quantity": .number(Double(quantity)),
            ])
        }
        return .object(["name": .string(text), "quantity": .number(1)])
    }
}

/// Performs the actions whose URL is a path under `/demo/shop/` on a
/// `DemoShop` in process (`down`: as if the shop did not answer), and hands
/// any other to `others`.
public struct DemoShopActions: ActionPerformer {
    public let shop: DemoShop
    public let down: Bool
    public let others: any ActionPerformer

    public init(shop: DemoShop, down: Bool = false, others: any ActionPerformer = NoActions()) {
        self.shop = shop
        self.down = down
        self.others = others
    }

    public static let prefix = "/demo/shop/"

    public func perform(_ call: ActionCall, definition: ActionDefinition) async -> ActionOutcome {
        guard definition.url.hasPrefix(Self.prefix) else { return await others.perform(call, definition: definition) }
        if down { return .failed(.unreachable("the demo shop is down")) }
        let (status, answer) = shop.handle(String(definition.url.dropFirst(Self.prefix.count)), request: call.request)
        return (200..<300).contains(status) ? .answered(answer) : .failed(.status(status))
    }
}
