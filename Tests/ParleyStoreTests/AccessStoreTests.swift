import Foundation
import GRDB
import ParleyTestSupport
import Testing

@testable import ParleyStore

@Suite struct AccessStoreTests {
    @Test func agentsOfAnOlderStoreBecomeUsersWithTheAgentRole() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("crm.sqlite")
        let queue = try DatabaseQueue(path: path)
        try CRMSchema.migrator.migrate(queue, upTo: "v4")
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO agent (id, name, passwordHash, salt, status, capacity)
                    VALUES ('ana', 'Ana', 'h', 's', 'offline', 4)
                    """)
        }
        try queue.close()
        let store = try SQLiteCRMStore(path: path)
        #expect(
            try await store.users()
                == [User(id: "ana", name: "Ana", passwordHash: "h", salt: "s", role: .agent, capacity: 4)])
    }

    @Test func usersAreAddedChangedAndRemoved() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        var bo = User(id: "bo", name: "Bo", passwordHash: "h", salt: "s", role: .trainer)
        try await store.save(bo)
        bo.role = .admin
        try await store.save(bo)
        #expect(try await store.user(id: "bo")?.role == .admin)
        #expect(try await store.removeUser(id: "bo"))
        #expect(try await store.removeUser(id: "bo") == false)
        #expect(try await store.users().isEmpty)
    }

    @Test func tokensAreFoundByTheirHashAndKeepTheirLastUse() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let created = Date(timeIntervalSince1970: 1_800_000_000)
        let token = AccessToken(id: "t1", name: "crm-sync", role: .agent, secretHash: "abc", createdAt: created)
        try await store.save(token)
        #expect(try await store.accessToken(secretHash: "abc") == token)
        #expect(try await store.accessToken(secretHash: "abd") == nil)
        try await store.markUsed(tokenId: "t1", at: created.addingTimeInterval(60))
        #expect(try await store.accessTokens().first?.lastUsedAt == created.addingTimeInterval(60))
    }

    @Test func theAuditLogOutlivesAnErasedCustomer() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let conversation = Conversation(customerId: "c-1", channel: "web")
        _ = try await store.record(
            .start(
                conversation, customer: Customer(id: "c-1", name: "Cy"),
                greeting: StoredMessage(conversationId: conversation.id, sender: .bot, text: "Hi")))
        try await store.audit(AuditEntry(actor: "user:ana", action: .takeOver, target: conversation.id, address: "::1"))
        _ = try await store.erase(customerId: "c-1")
        try await store.audit(AuditEntry(actor: "cli:root", action: .erase, target: "c-1", address: "local"))
        let log = try await store.auditLog(since: nil, limit: 10)
        #expect(log.map(\.action) == [.erase, .takeOver])
        #expect(log.last?.target == conversation.id)
        #expect(try await store.auditLog(since: Date().addingTimeInterval(3600), limit: 10).isEmpty)
    }
}
