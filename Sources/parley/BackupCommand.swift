import ArgumentParser
import Foundation
import ParleyStore

/// `parley backup --to PATH`: an online, consistent copy of the store.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the CRM store to another file while it stays in use."
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "The file to write the copy to (must not exist).") var to: String

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: to) else {
            throw ValidationError("\(to) already exists; choose a new file name")
        }
        do {
            try storeOptions.openExisting().backup(to: to)
            print("backed up \(storeOptions.store) to \(to)")
        } catch {
            throw fail(error)
        }
    }
}
