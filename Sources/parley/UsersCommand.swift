import ArgumentParser
import Foundation
import ParleyServer
import ParleyStore

/// `parley users add|remove|passwd|list|check`: who signs in — agents, trainers and admins.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Manage who signs in: agents answer customers, trainers teach the bot, admins run the server.",
        subcommands: [Add.self, Remove.self, Passwd.self, List.self, Check.self]
    )

    /// The first line of standard input: the password, never a flag (flags end up in shell histories).
    static func readPassword() throws -> String {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError(
                "give the password on standard input, e.g. `read -s P; echo \"$P\" | parley users …`")
        }
        return line
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user, or set an existing user's name, role, capacity and password.",
            discussion: "The password is read from standard input and stored only as a salted scrypt hash.")

        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The sign-in name.") var id: String
        @Option(help: "The name customers see (default: the sign-in name).") var name: String?
        @Option(help: "agent, trainer or admin.", transform: parseRole) var role = Role.agent
        @Option(help: "Conversations the user handles at once at the desk.") var capacity = 3

        func validate() throws {
            guard (1...50).contains(capacity) else { throw ValidationError("--capacity must be from 1 to 50") }
            guard !id.isEmpty, !id.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "\u{0}" }) else {
                throw ValidationError("the sign-in name must not be empty or contain spaces")
            }
        }

        func run() async throws {
            let password = try UsersCommand.readPassword()
            do {
                let store = try storeOptions.open()
                let (hash, salt) = try AgentPassword.hash(password)
                let known = try await store.user(id: id)
                try await store.save(
                    User(
                        id: id, name: name ?? known?.name ?? id, passwordHash: hash, salt: salt, role: role,
                        status: known?.status ?? .offline, capacity: capacity))
                try await CommandLineAudit.record(
                    known == nil ? .userAdded : .userChanged, target: id, detail: "role \(role.rawValue)", in: store)
                print(known == nil ? "added \(role.rawValue) \(id)" : "updated \(role.rawValue) \(id)")
            } catch {
                throw fail(error)
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a user: they can no longer sign in (their past messages keep their name).")

        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The sign-in name.") var id: String

        func run() async throws {
            do {
                let store = try storeOptions.openExisting()
                guard try await store.removeUser(id: id) else {
                    throw ValidationError("no user \(id); `parley users list` shows them")
                }
                try await CommandLineAudit.record(.userRemoved, target: id, in: store)
                print("removed user \(id)")
            } catch {
                throw fail(error)
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a user's password (read from standard input).")

        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The sign-in name.") var id: String

        func run() async throws {
            let password = try UsersCommand.readPassword()
            do {
                let store = try storeOptions.openExisting()
                guard var user = try await store.user(id: id) else {
                    throw ValidationError("no user \(id); add them with `parley users add`")
                }
                (user.passwordHash, user.salt) = try AgentPassword.hash(password)
                try await store.save(user)
                try await CommandLineAudit.record(.userChanged, target: id, detail: "password", in: store)
                print("changed \(id)'s password")
            } catch {
                throw fail(error)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The users: sign-in name, name, role, desk status, capacity.")

        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "Output format: text or json.") var format = OutputFormat.text

        func run() async throws {
            do {
                let users = try await storeOptions.openExisting().users()
                if format == .json {
                    struct Line: Encodable {
                        var id, name, role, status: String
                        var capacity: Int
                    }
                    return try printJSON(
                        users.map {
                            Line(
                                id: $0.id, name: $0.name, role: $0.role.rawValue, status: $0.status.rawValue,
                                capacity: $0.capacity)
                        })
                }
                for user in users {
                    print(
                        "\(user.id)  \(user.name)  \(user.role.rawValue)  \(user.status.rawValue)  capacity \(user.capacity)"
                    )
                }
            } catch {
                throw fail(error)
            }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a user's password (read from standard input); exits 1 when it does not match.")

        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The sign-in name.") var id: String

        func run() async throws {
            let password = try UsersCommand.readPassword()
            let user: User?
            do {
                user = try await storeOptions.openExisting().user(id: id)
            } catch {
                throw fail(error)
            }
            guard let user, AgentPassword.verify(password, hash: user.passwordHash, salt: user.salt) else {
                throw fail(ValidationError("no user \(id) with that password"))
            }
            print("the password is \(id)'s")
        }
    }
}

/// `--role`'s value: agent, trainer or admin.
func parseRole(_ text: String) throws -> Role {
    guard let role = Role(rawValue: text) else {
        throw ValidationError("the role is agent, trainer or admin, not '\(text)'")
    }
    return role
}
