public import Foundation

/// Finds entities in a message: the built-in types and the trainers' own.
///
/// All built-in rules are hand-written scanners that move forward only, with
/// no regular expressions, so hostile input costs linear time; trainers'
/// patterns run under ICU's step limit.
///
/// **Overlaps.** Candidates are taken longest first; of two of equal length
/// the more specific wins (trainer patterns, then catalogues, email, url,
/// phone, money, datetime, ordinal, number); a candidate overlapping one
/// already taken is dropped. So "A-10234" is an `order_id`, not a number, and
/// the year in "3 May 2024" is part of the date, not also a number.
public struct EntityExtractor: Sendable {
    /// The built-in types to look for.
    public var builtInTypes: Set<String>
    public var patterns: [EntityPattern]
    public var catalogues: [EntityCatalogue]
    /// The time zone relative dates are resolved in.
    public var timeZone: TimeZone
    /// The bot's language (BCP 47). Chinese text gets the Chinese rules (`ChineseEntities`) in
    /// any bot; in a Chinese one ("zh…") "¥" is the yuan (CNY) rather than the yen.
    public var language: String
    /// Which number of "3/12" is the month.
    public var dateOrder: DateOrder

    public init(
        builtInTypes: Set<String> = Set(Entity.builtInTypes),
        patterns: [EntityPattern] = [],
        catalogues: [EntityCatalogue] = [],
        timeZone: TimeZone = .current,
        language: String = "en",
        dateOrder: DateOrder = .monthFirst
    ) {
        self.builtInTypes = builtInTypes
        self.patterns = patterns
        self.catalogues = catalogues
        self.timeZone = timeZone
        self.language = language
        self.dateOrder = dateOrder
    }

    /// The entities in `text`, in order of position; relative dates are
    /// resolved against `reference`.
    public func extract(_ text: PreprocessedText, reference: Date = Date()) -> [Entity] {
        let types = builtInTypes
        guard !patterns.isEmpty || !catalogues.isEmpty || !types.isEmpty else { return [] }
        var candidates: [(entity: Entity, rank: Int)] = []
        let units = Array(text.text.utf16)
        let codePoints = CodePointOffsets.of(units)
        let entityText = EntityText(text.text)
        for pattern in patterns {
            candidates += pattern.matches(in: entityText, codePoints: codePoints, units: units).map { ($0, 0) }
        }
        for catalogue in catalogues {
            candidates += catalogue.matches(in: text.tokens, text: text.text).map { ($0, 1) }
        }
        if !types.isEmpty {
            if types.contains("email") || types.contains("url") {
                candidates += AddressEntities(text: entityText, units: units, codePoints: codePoints).find(
                    emails: types.contains("email"), urls: types.contains("url")
                )
                .map { ($0, $0.type == "email" ? 2 : 3) }
            }
            // The scanners below read the NFKC form ("０２０" as "020"); offsets go back to the message's.
            if types.contains("phone") {
                candidates += PhoneEntities(text: entityText).find().map { (entityText.restoring($0), 4) }
            }
            if !types.isDisjoint(with: ["money", "number", "ordinal", "datetime"]) {
                let numeric = NumericEntities(text: entityText)
                let resolver = DateResolver(reference: reference, timeZone: timeZone, dateOrder: dateOrder)
                let readsYuanSign = language.lowercased().hasPrefix("zh")
                if readsYuanSign || entityText.scalars.contains(where: ChineseScript.isHan) {
                    candidates += chineseCandidates(
                        ChineseEntities(text: entityText, resolver: resolver, readsYuanSign: readsYuanSign), types)
                }
                if types.contains("money") {
                    candidates += numeric.moneyEntities()
                        .filter { !(readsYuanSign && $0.value.hasSuffix(" JPY") && $0.text.contains("¥")) }
                        .map { (entityText.restoring($0), 5) }
                }
                if types.contains("datetime") {
                    candidates += DatetimeEntities(text: entityText, numbers: numeric.numbers, resolver: resolver)
                        .find()
                        .map { (entityText.restoring($0), 6) }
                }
                if types.contains("ordinal") {
                    candidates += numeric.ordinalEntities().map { (entityText.restoring($0), 7) }
                }
                if types.contains("number") {
                    candidates += numeric.numberEntities().map { (entityText.restoring($0), 8) }
                }
            }
        }
        return Self.resolveOverlaps(candidates)
    }

    /// The Chinese rules' entities of `types`, with the ranks of their types.
    private func chineseCandidates(_ chinese: ChineseEntities, _ types: Set<String>) -> [(entity: Entity, rank: Int)] {
        var candidates: [(entity: Entity, rank: Int)] = []
        if types.contains("money") { candidates += chinese.moneyEntities().map { (chinese.text.restoring($0), 5) } }
        if types.contains("datetime") {
            candidates += chinese.datetimeEntities().map { (chinese.text.restoring($0), 6) }
        }
        if types.contains("ordinal") { candidates += chinese.ordinalEntities().map { (chinese.text.restoring($0), 7) } }
        if types.contains("number") { candidates += chinese.numberEntities().map { (chinese.text.restoring($0), 8) } }
        return candidates
    }

    /// Longest first, then the more specific; nothing overlapping what is taken.
    /// Costs the candidates' total length, not their count squared.
    static func resolveOverlaps(_ candidates: [(entity: Entity, rank: Int)]) -> [Entity] {
        guard let length = candidates.map(\.entity.end).max() else { return [] }
        var occupied = [Bool](repeating: false, count: length)
        let ordered = candidates.sorted {
            let a = $0.entity.end - $0.entity.start
            let b = $1.entity.end - $1.entity.start
            if a != b { return a > b }
            if $0.rank != $1.rank { return $0.rank < $1.rank }
            return $0.entity.start < $1.entity.start
        }
        var taken: [Entity] = []
        for (entity, _) in ordered where entity.end > entity.start && entity.start >= 0 {
            if !occupied[entity.start..<entity.end].contains(true) {
                taken.append(entity)
                for i in entity.start..<entity.end { occupied[i] = true }
            }
        }
        return taken.sorted { $0.start < $1.start }
    }
}
