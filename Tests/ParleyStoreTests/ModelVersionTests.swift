import Foundation
import ParleyStore
import ParleyTestSupport
import Testing

/// The versions of the bot that went live, as the store keeps them.
@Suite struct ModelVersionTests {
    @Test func versionsComeBackNewestFirstWithEverythingStored() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.path + "/crm.sqlite")
        let started = try await store.record(
            ModelVersion(
                version: "aaaaaaaaaaaa", repliesVersion: "111111111111", sourceHash: "aaaa", kind: .started,
                loadedAt: Date(timeIntervalSince1970: 1_000), loadedBy: "server", intents: 4, examples: 38,
                files: ["shop.yml"]))
        let reloaded = try await store.record(
            ModelVersion(
                version: "bbbbbbbbbbbb", repliesVersion: "222222222222", sourceHash: "bbbb", kind: .retrained,
                loadedAt: Date(timeIntervalSince1970: 2_000), loadedBy: "token:3f9a02c1", intents: 5, examples: 44,
                files: ["hours.yml", "shop.yml"], macroF1: 0.91, evaluation: #"{"macro_f1_after":0.91}"#))
        #expect(started.id != nil && reloaded.id != nil)
        let versions = try await store.modelVersions(limit: 10)
        #expect(versions == [reloaded, started])
        #expect(try await store.modelVersions(limit: 1) == [reloaded])
    }
}
