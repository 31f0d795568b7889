import ArgumentParser
import Foundation
import ParleyTestSupport
import Testing

@testable import parley

/// Commands that read what a server stored refuse a store that is not there,
/// rather than create an empty one and answer as if nothing had happened.
@Suite struct StoreOptionsTests {
    @Test func aMissingStoreIsAnErrorAndNothingIsCreated() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("nowhere.sqlite")
        let options = try StoreOptions.parse(["--store", path])
        #expect(throws: MissingStore.self) { try options.openExisting() }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(MissingStore(path: path).description.hasPrefix("no CRM store at \(path): give --store"))
        // Setting one up creates it; then it is there for the readers.
        _ = try options.open()
        #expect(FileManager.default.fileExists(atPath: path))
        _ = try options.openExisting()
    }
}
