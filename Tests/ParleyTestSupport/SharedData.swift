public import Foundation

/// Locates `../shared/datasets` beside the repository, which developers and CI
/// have and users do not: tests that need it skip when it is absent.
public enum SharedData {
    /// The datasets folder, or nil when this machine has no `../shared`.
    public static let datasets: URL? = {
        var folder = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { folder.deleteLastPathComponent() }  // Tests/ParleyTestSupport/SharedData.swift
        let datasets = folder.deletingLastPathComponent().appendingPathComponent("shared/datasets")
        return FileManager.default.fileExists(atPath: datasets.path) ? datasets : nil
    }()

    /// The file at `path` inside the datasets folder, or nil when it is not there.
    public static func file(_ path: String) -> URL? {
        guard let url = datasets?.appendingPathComponent(path),
            FileManager.default.fileExists(atPath: url.path)
        else { return nil }
        return url
    }
}
