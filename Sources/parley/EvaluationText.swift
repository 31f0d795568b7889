import Foundation
import ParleyBot

/// The readable table of an evaluation report.
enum EvaluationText {
    static func render(_ report: EvaluationReport) -> String {
        func number(_ value: Double) -> String { String(format: "%.3f", value) }
        var lines: [String] = []
        let how = report.mode == "test" ? "train → test" : "\(report.folds ?? 0)-fold cross-validation"
        lines.append("Evaluation (\(how)): \(report.trainExamples) training, \(report.testExamples) test messages")
        lines.append(
            "accuracy  \(number(report.accuracy))    macro F1  \(number(report.macroF1))    train  \(number(report.trainSeconds)) s"
        )
        let fit = report.thresholdFit
        var fitted =
            "fallback threshold  \(number(report.threshold))    fitted on training data (out of fold): in-scope accuracy "
            + "\(number(fit.noFallbackAccuracy)) → \(number(fit.chosen.inScopeAccuracy)) (at most \(fit.accuracyLoss) points lost)"
        if let recall = fit.chosen.outOfScopeRecall {
            fitted += ", out-of-scope recall \(number(recall)) on \(fit.outOfScopeMessages) messages"
        }
        lines.append(fitted)
        if let inScope = report.inScopeAccuracy, let recall = report.oosRecall, let precision = report.oosPrecision {
            lines.append(
                "in-scope accuracy  \(number(inScope))    out-of-scope recall  \(number(recall))    precision  \(number(precision))"
            )
        }
        if let curve = report.outOfScopeCurve {
            lines.append("")
            lines.append("out-of-scope curve (\(report.mode == "test" ? "test messages" : "out of fold")):")
            lines.append("threshold  in-scope accuracy  out-of-scope recall")
            for point in curve
            where Int((point.threshold * 100).rounded()) % 5 == 0 || point.threshold == report.threshold {
                let chosen = point.threshold == report.threshold
                lines.append(
                    (chosen ? "*" : " ")
                        + String(
                            format: " %5.2f  %17.3f  %19.3f", point.threshold, point.inScopeAccuracy,
                            point.outOfScopeRecall ?? 0) + (chosen ? "   (chosen)" : ""))
            }
        }
        lines.append("")
        lines.append("intent".padding(toLength: 36, withPad: " ", startingAt: 0) + "precision  recall     f1  support")
        for (name, scores) in report.perIntent.sorted(by: { ($0.value.f1, $0.key) < ($1.value.f1, $1.key) }) {
            lines.append(
                name.padding(toLength: 36, withPad: " ", startingAt: 0)
                    + "    \(number(scores.precision))   \(number(scores.recall))  \(number(scores.f1))"
                    + String(format: "%9d", scores.support))
        }
        if let entities = report.entities {
            lines.append("")
            lines.append(
                "entity".padding(toLength: 36, withPad: " ", startingAt: 0) + "precision  recall     f1  support")
            for (name, scores) in entities.sorted(by: { $0.key < $1.key }) {
                lines.append(
                    name.padding(toLength: 36, withPad: " ", startingAt: 0)
                        + "    \(number(scores.precision))   \(number(scores.recall))  \(number(scores.f1))"
                        + String(format: "%9d", scores.support))
            }
        }
        if !report.confusedPairs.isEmpty {
            lines.append("")
            lines.append("most confused (expected → predicted):")
            for pair in report.confusedPairs {
                lines.append(String(format: "%5d  ", pair.count) + "\(pair.expected) → \(pair.predicted)")
            }
        }
        if !report.mistakes.isEmpty {
            lines.append("")
            lines.append("most confident mistakes (expected → predicted):")
            for mistake in report.mistakes.prefix(15) {
                lines.append(
                    String(format: "%6.3f  ", mistake.confidence)
                        + "\(mistake.text)  (\(mistake.expected) → \(mistake.predicted))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
