public import Foundation
public import ParleyNLP

extension EntityExtractor {
    /// An extractor for the built-in types and the trainers' entity types.
    public init(
        records: [ModelArtifact.EntityRecord], timeZone: TimeZone = .current, language: String = "en",
        dateOrder: DateOrder = .monthFirst
    ) throws {
        var patterns: [EntityPattern] = []
        var catalogues: [EntityCatalogue] = []
        for record in records {
            if let list = record.patterns { patterns.append(try EntityPattern(name: record.name, patterns: list)) }
            if let values = record.values {
                catalogues.append(
                    EntityCatalogue(
                        name: record.name, entries: values.map { .init(value: $0.value, synonyms: $0.synonyms) }))
            }
        }
        self.init(
            patterns: patterns, catalogues: catalogues, timeZone: timeZone, language: language, dateOrder: dateOrder)
    }
}
