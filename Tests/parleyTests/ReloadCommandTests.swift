import Foundation
import ParleyBot
import Testing

@testable import parley

/// What `parley reload` prints of a refused reload's comparison.
@Suite struct ReloadCommandTests {
    @Test func aCutShortListOfChangedPredictionsSaysSo() throws {
        let changed = (1...ModelComparison.changedLimit).map {
            #"{"text":"example \#($0)","intent":"refund","before":"refund","after":"order_status"}"#
        }
        let json = """
            {"macroF1Before":0.92,"macroF1After":0.90,"perIntent":[],"changedPredictions":[\(changed.joined(separator: ","))],
             "changedCount":66,"sharedMacroF1Before":0.92,"sharedMacroF1After":0.90}
            """
        let comparison = try JSONDecoder().decode(ModelComparison.self, from: Data(json.utf8))
        let lines = ReloadCommand.comparisonLines(comparison)
        #expect(lines.contains("66 example(s) changed prediction; the first 50, those that became wrong first:"))
        #expect(lines.filter { $0.hasPrefix("  [refund]") }.count == 50)
    }
}
