import ArgumentParser
import Foundation
import ParleyServer
import ParleyStore

/// `parley agents add|list|check`: the human agents' accounts.
struct AgentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agents",
        abstract: "Manage the human agents' accounts in the CRM store.",
        subcommands: [Add.self, List.self, Check.self]
    )

    /// The first line of standard input: the password, never a flag (flags end up in shell histories).
    static func readPassword() throws -> String {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError(
                "give the password on standard input, e.g. `read -s P; echo \"$P\" | parley agents …`")
        }
        return line
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an agent, or set an existing agent's name, capacity and password.",
            discussion: "The password is read from standard input and stored only as a salted scrypt hash.")

        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The agent's sign-in name.") var id: String
        @Option(help: "The name customers see (default: the sign-in name).") var name: String?
        @Option(help: "Conversations the agent handles at once.") var capacity = 3

        func validate() throws {
            guard (1...50).contains(capacity) else { throw ValidationError("--capacity must be from 1 to 50") }
            guard !id.isEmpty, !id.contains(where: \.isWhitespace) else {
                throw ValidationError("the sign-in name must not be empty or contain spaces")
            }
        }

        func run() async throws {
            let password = try AgentsCommand.readPassword()
            do {
                let store = try storeOptions.open()
                let (hash, salt) = try AgentPassword.hash(password)
                let known = try await store.agent(id: id)
                try await store.save(
                    Agent(
                        id: id, name: name ?? known?.name ?? id, passwordHash: hash, salt: salt,
                        status: known?.status ?? .offline, capacity: capacity))
                print(known == nil ? "added agent \(id)" : "updated agent \(id)")
            } catch {
                throw fail(error)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The agents: sign-in name, name, status, capacity.")

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            do {
                for agent in try await storeOptions.open().agents() {
                    print("\(agent.id)  \(agent.name)  \(agent.status.rawValue)  capacity \(agent.capacity)")
                }
            } catch {
                throw fail(error)
            }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check an agent's password (read from standard input); exits 1 when it does not match.")

        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The agent's sign-in name.") var id: String

        func run() async throws {
            let password = try AgentsCommand.readPassword()
            let agent: Agent?
            do {
                agent = try await storeOptions.open().agent(id: id)
            } catch {
                throw fail(error)
            }
            guard let agent, AgentPassword.verify(password, hash: agent.passwordHash, salt: agent.salt) else {
                throw fail(ValidationError("no agent \(id) with that password"))
            }
            print("the password is agent \(id)'s")
        }
    }
}
