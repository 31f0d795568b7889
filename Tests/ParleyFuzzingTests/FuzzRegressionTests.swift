import Foundation
import ParleyFuzzing
import Testing

/// Every saved fuzzing input runs through its target in an ordinary test:
/// the seeds (`Fuzz/Corpus/TARGET/`) and each input that once crashed a
/// target (`Fuzz/Regressions/TARGET/`, named after what it found).
@Suite(.timeLimit(.minutes(10))) struct FuzzRegressionTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func inputs(_ target: FuzzTarget) -> [URL] {
        ["Corpus", "Regressions"].flatMap { kind in
            let folder = fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().map { folder.appendingPathComponent($0) }
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func everySavedInputRunsThroughItsTarget(_ target: FuzzTarget) throws {
        let inputs = Self.inputs(target)
        #expect(!inputs.isEmpty, "every target has seeds in Fuzz/Corpus/\(target.rawValue)")
        for input in inputs {
            target.run(try Data(contentsOf: input))
        }
    }
}
