import Foundation
import ParleyNLP
import ParleyTestSupport
import Testing

/// Sentiment on the UCI review sentences (`../shared/datasets/sentiment`):
/// the score's sign against the negative/positive label.
@Suite struct SentimentDatasetTests {
    @Test(.enabled(if: SharedData.file("sentiment/uci-sentences.jsonl") != nil))
    func uciSentences() throws {
        let url = try #require(SharedData.file("sentiment/uci-sentences.jsonl"))
        let analyzer = SentimentAnalyzer()
        var correct = 0
        var total = 0
        var neutral = 0
        var mistakes: [String] = []
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let text = object["text"] as! String
            let positive = (object["label"] as! String) == "positive"
            let score = analyzer.analyze(text).score
            total += 1
            if score == 0 { neutral += 1 }
            if (positive && score > 0) || (!positive && score < 0) {
                correct += 1
            } else {
                mistakes.append("\(positive ? "+" : "-") \(String(format: "%.2f", score)) \(text)")
            }
        }
        if ProcessInfo.processInfo.environment["PARLEY_DUMP_SENTIMENT_MISTAKES"] != nil {
            for mistake in mistakes { print("   \(mistake)") }
        }
        let accuracy = Double(correct) / Double(total)
        print("sentiment: accuracy \(String(format: "%.3f", accuracy)) on \(total) UCI sentences (\(neutral) scored 0)")
        #expect(accuracy >= 0.78)
    }
}
