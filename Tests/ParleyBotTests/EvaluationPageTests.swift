import Foundation
import ParleyBot
import ParleyTestSupport
import Testing

/// The evaluation report as a page: self-contained, charts as SVG, nothing of the data read as HTML.
@Suite struct EvaluationPageTests {
    @Test func thePageHasEveryChartNoScriptAndEscapesTheData() throws {
        let folder = try TemporaryFolder()
        try folder.write("intents/shop.yml", ShopFixture.intents)
        var data = try IntentFiles.load(folder: folder.path + "/intents").examples
        data.append(
            LabeledExample(
                text: "<b>where</b> is my refund & order", intent: "order_status",
                location: SourceLocation(file: "x", line: 1)))
        let report = try Evaluator(folds: 3).crossValidate(data)
        #expect(report.confidenceHistogram.count == 20)
        #expect(report.confidenceHistogram.map { $0.correct + $0.wrong }.reduce(0, +) == data.count)
        #expect(
            report.confusions.map(\.count).reduce(0, +) == data.count
                - Int((report.accuracy * Double(data.count)).rounded()))
        let page = EvaluationPage.html(report, title: "shop <fixture>")
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(!page.lowercased().contains("<script"))
        #expect(!page.contains("src=") && !page.contains("<link"))
        #expect(page.contains("Evaluation: shop &lt;fixture&gt;"))
        #expect(!page.contains("<b>where</b>"))
        #expect(page.contains(String(format: "fallback below %.2f", report.threshold)))
        #expect(page.contains("@media print"))
        for intent in ["order_status", "refund", "greet", "password_reset"] { #expect(page.contains(intent)) }
    }
}
