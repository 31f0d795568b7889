import ArgumentParser
import Foundation
import ParleyServer
import ParleyStore

/// `parley tokens create|list|revoke`: bearer tokens for the HTTP API.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Manage API tokens: each has a name and a role, and is sent as 'Authorization: Bearer TOKEN'.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token; prints it alone on standard output, once (only its hash is stored).")

        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "agent, trainer or admin.", transform: parseRole) var role: Role
        @Option(help: "What the token is for, e.g. crm-sync.") var name: String

        func validate() throws {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty, !name.contains(where: \.isNewline) else {
                throw ValidationError("--name must not be empty")
            }
        }

        func run() async throws {
            do {
                let store = try storeOptions.open()
                let (secret, token) = AccessTokenSecret.issue(name: name, role: role)
                try await store.save(token)
                try await CommandLineAudit.record(
                    .tokenCreated, target: token.id, detail: "\(name), role \(role.rawValue)", in: store)
                note("created token \(token.id) (\(name), \(role.rawValue)); it is shown once, keep it safe")
                print(secret)
            } catch {
                throw fail(error)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The tokens: id, name, role, created, last used, revoked (never the secrets).")

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            do {
                let formatter = ISO8601DateFormatter()
                for token in try await storeOptions.openExisting().accessTokens() {
                    let used = token.lastUsedAt.map(formatter.string) ?? "never used"
                    let revoked = token.revokedAt.map { "  revoked " + formatter.string(from: $0) } ?? ""
                    print(
                        "\(token.id)  \(token.name)  \(token.role.rawValue)  created \(formatter.string(from: token.createdAt))  last used \(used)\(revoked)"
                    )
                }
            } catch {
                throw fail(error)
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a token by its id: it stops working at once, also in a running server.")

        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The token's id (`parley tokens list`).") var id: String

        func run() async throws {
            do {
                let store = try storeOptions.openExisting()
                guard var token = try await store.accessTokens().first(where: { $0.id == id }) else {
                    throw ValidationError("no token \(id); `parley tokens list` shows them")
                }
                guard token.revokedAt == nil else { return print("token \(id) was already revoked") }
                token.revokedAt = Date()
                try await store.save(token)
                try await CommandLineAudit.record(.tokenRevoked, target: id, detail: token.name, in: store)
                print("revoked token \(id) (\(token.name))")
            } catch {
                throw fail(error)
            }
        }
    }
}
