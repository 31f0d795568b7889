import ArgumentParser
import ParleyStore

/// Where a command finds the CRM store.
struct StoreOptions: ParsableArguments {
    @Option(help: "The CRM store's SQLite file.")
    var store = "parley.sqlite"

    func open() throws -> SQLiteCRMStore {
        try SQLiteCRMStore(path: store)
    }
}
