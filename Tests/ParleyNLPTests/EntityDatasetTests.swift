import Foundation
import ParleyNLP
import ParleyTestSupport
import Testing

/// Entity extraction on Recognizers-Text's English test cases
/// (`../shared/datasets/ner`), compared type by type. Each case runs twice:
/// with only the types it annotates (as the peer's suite runs one model per
/// type), and with every type on, keeping the annotated types' entities (as
/// a server sees them, overlaps resolved).
@Suite struct EntityDatasetTests {
    struct Case {
        var text: String
        var types: [String]
        var gold: [(type: String, start: Int, end: Int)]
    }

    struct Tally {
        var strictTP = 0
        var overlapTP = 0
        var predicted = 0
        var gold = 0

        func f1(_ tp: Int) -> Double {
            let precision = predicted == 0 ? 0 : Double(tp) / Double(predicted)
            let recall = gold == 0 ? 0 : Double(tp) / Double(gold)
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
    }

    static func cases() throws -> [Case] {
        guard let url = SharedData.file("ner/recognizers-text-en.jsonl") else { return [] }
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        return try lines.map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let entities = (object["entities"] as? [[String: Any]] ?? []).map {
                (type: $0["type"] as! String, start: $0["start"] as! Int, end: $0["end"] as! Int)
            }
            return Case(text: object["text"] as! String, types: object["annotated_types"] as! [String], gold: entities)
        }
    }

    @Test(.enabled(if: SharedData.file("ner/recognizers-text-en.jsonl") != nil), arguments: [false, true])
    func recognizersTextEnglish(allTypes: Bool) throws {
        let preprocessor = TextPreprocessor(language: "en")
        var reference = DateComponents()
        (reference.year, reference.month, reference.day, reference.hour) = (2024, 5, 3, 12)
        let referenceDate = Calendar(identifier: .gregorian).date(from: reference)!
        var tallies: [String: Tally] = [:]
        var emptyLines = 0
        var falsePositiveLines = 0
        var failures: [String: [String]] = [:]
        for item in try Self.cases() {
            let types = allTypes ? Set(Entity.builtInTypes) : Set(item.types)
            let extractor = EntityExtractor(builtInTypes: types, timeZone: TimeZone(identifier: "UTC")!)
            let found = extractor.extract(preprocessor.preprocess(item.text), reference: referenceDate)
                .filter { item.types.contains($0.type) }
            if item.gold.isEmpty {
                emptyLines += 1
                if !found.isEmpty {
                    falsePositiveLines += 1
                    failures["false positive", default: []].append(
                        "\(item.text) → \(found.map { "\($0.type):\($0.text)" })")
                }
            }
            for type in item.types {
                let gold = item.gold.filter { $0.type == type }
                let predicted = found.filter { $0.type == type }
                var tally = tallies[type, default: Tally()]
                tally.gold += gold.count
                tally.predicted += predicted.count
                tally.strictTP +=
                    gold.filter { g in predicted.contains { $0.start == g.start && $0.end == g.end } }.count
                var unmatched = predicted
                for g in gold {
                    if let index = unmatched.firstIndex(where: { $0.start < g.end && g.start < $0.end }) {
                        unmatched.remove(at: index)
                        tally.overlapTP += 1
                    }
                }
                if !gold.isEmpty && (gold.count != predicted.count || !unmatched.isEmpty) {
                    let scalars = Array(item.text.unicodeScalars)
                    let expected = gold.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
                    failures[type, default: []].append("\(item.text) → \(predicted.map(\.text)) expected \(expected)")
                }
                tallies[type] = tally
            }
        }
        if let dump = ProcessInfo.processInfo.environment["PARLEY_DUMP_ENTITY_FAILURES"] {
            for (type, lines) in failures where dump == "all" || dump == type {
                print("== \(type) (\(lines.count))")
                for line in lines { print("   \(line)") }
            }
        }
        let falsePositiveRate = Double(falsePositiveLines) / Double(max(emptyLines, 1))
        print("entities with \(allTypes ? "every type on" : "only the annotated types on"):")
        for type in tallies.keys.sorted() {
            let tally = tallies[type]!
            print(
                "entities \(type): strict F1 \(String(format: "%.3f", tally.f1(tally.strictTP))), overlap F1 \(String(format: "%.3f", tally.f1(tally.overlapTP))) (gold \(tally.gold), predicted \(tally.predicted))"
            )
        }
        print(
            "entities: false positives on \(falsePositiveLines) of \(emptyLines) no-entity lines (\(String(format: "%.3f", falsePositiveRate)))"
        )
        func strict(_ type: String) -> Double { tallies[type].map { $0.f1($0.strictTP) } ?? 0 }
        func overlap(_ type: String) -> Double { tallies[type].map { $0.f1($0.overlapTP) } ?? 0 }
        #expect(strict("email") >= 0.90)
        #expect(strict("phone") >= 0.95)
        #expect(strict("url") >= 0.95)
        #expect(overlap("money") >= 0.90)
        #expect(overlap("number") >= 0.90)
        #expect(overlap("ordinal") >= 0.95)
        #expect(overlap("datetime") >= 0.85)
        #expect(falsePositiveRate <= 0.05)
    }
}
