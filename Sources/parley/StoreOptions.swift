import ArgumentParser
import Foundation
import ParleyStore

/// Where a command finds the CRM store.
struct StoreOptions: ParsableArguments {
    @Option(help: "The CRM store's SQLite file.")
    var store = "parley.sqlite"

    /// The store, created when missing: for commands that set one up (`users add`, `tokens create`).
    func open() throws -> SQLiteCRMStore {
        try SQLiteCRMStore(path: store)
    }

    /// The store that exists at `store`; throws `MissingStore` rather than create an
    /// empty one, for commands that read or change what a server stored.
    func openExisting() throws -> SQLiteCRMStore {
        guard FileManager.default.fileExists(atPath: store) else { throw MissingStore(path: store) }
        return try SQLiteCRMStore(path: store)
    }
}

/// No CRM store where a command looked: an empty one would answer as if nothing had happened.
struct MissingStore: Error, CustomStringConvertible {
    var path: String

    var description: String {
        "no CRM store at \(path): give --store the file parley serve writes (its --store; parley.sqlite in the "
            + "folder it was started from by default); nothing was created"
    }
}
