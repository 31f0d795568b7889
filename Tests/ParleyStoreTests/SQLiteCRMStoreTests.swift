import Foundation
import GRDB
import ParleyTestSupport
import Testing

@testable import ParleyStore

@Suite struct SQLiteCRMStoreTests {
    /// Stores a new customer and a conversation of theirs.
    func openConversation(in store: SQLiteCRMStore) async throws -> Conversation {
        let customer = Customer()
        try await store.save(customer)
        let conversation = Conversation(customerId: customer.id, channel: "web")
        try await store.save(conversation)
        return conversation
    }

    func message(_ conversation: String, _ text: String, sender: StoredMessage.Sender = .customer) -> StoredMessage {
        StoredMessage(
            conversationId: conversation, sender: sender, text: text, intent: "order_status", confidence: 0.93,
            alternatives: [.init(name: "order_status", confidence: 0.93), .init(name: "refund", confidence: 0.03)],
            entities: [.init(type: "order_id", value: "A-10234", text: "A-10234", start: 9, end: 16)],
            sentimentScore: -0.2, sentimentLabel: "negative", modelVersion: "abc123", action: "reply", rule: "intent",
            scores: ["confidence": 0.93])
    }

    @Test func storesCustomersConversationsAndAnnotatedMessages() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let customer = Customer(
            name: "Ana", email: "ana@example.com", attributes: ["plan": "gold"], tags: ["returning"])
        try await store.save(customer)
        let conversation = Conversation(customerId: customer.id, channel: "web")
        try await store.save(conversation)
        let first = try await store.append(message(conversation.id, "where is A-10234?"))
        let second = try await store.append(message(conversation.id, "It is on its way.", sender: .bot))
        #expect(first.id != nil && second.id! > first.id!)
        let transcript = try await store.transcript(conversationId: conversation.id)
        #expect(transcript.map(\.text) == ["where is A-10234?", "It is on its way."])
        #expect(transcript[0].entities.first?.value == "A-10234")
        #expect(transcript[0].alternatives.count == 2)
        #expect(transcript[0].scores["confidence"] == 0.93)
        let history = try #require(try await store.history(customerId: customer.id, messageLimit: 10))
        #expect(history.customer.attributes == ["plan": "gold"])
        #expect(history.conversations.map(\.id) == [conversation.id])
        #expect(history.recentMessages.first?.sender == .bot)
    }

    @Test func everyCommitIsOnDiskBeforeItReturns() async throws {
        // WAL with synchronous = NORMAL can lose the last commits to a power cut or an operating-system
        // crash; FULL syncs the log at every commit. (GRDB sets NORMAL when it turns WAL on.)
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        #expect(try await store.writerSynchronousSetting() == 2)
    }

    @Test func acknowledgedWritesSurviveReopening() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("crm.sqlite")
        let customer = Customer(name: "Bo")
        let conversation = Conversation(customerId: customer.id, channel: "tcp")
        do {
            let store = try SQLiteCRMStore(path: path)
            try await store.save(customer)
            try await store.save(conversation)
            _ = try await store.append(message(conversation.id, "hello"))
        }
        let reopened = try SQLiteCRMStore(path: path)
        #expect(try await reopened.transcript(conversationId: conversation.id).map(\.text) == ["hello"])
        #expect(try await reopened.integrityCheck() == "ok")
    }

    @Test func concurrentWritesAreAllCommittedInOrderPerConversation() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let customer = Customer()
        try await store.save(customer)
        let conversations = (0..<20).map { _ in Conversation(customerId: customer.id, channel: "web") }
        for conversation in conversations { try await store.save(conversation) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for conversation in conversations {
                group.addTask {
                    for turn in 0..<25 { _ = try await store.append(self.message(conversation.id, "message \(turn)")) }
                }
            }
            try await group.waitForAll()
        }
        for conversation in conversations {
            let texts = try await store.transcript(conversationId: conversation.id).map(\.text)
            #expect(texts == (0..<25).map { "message \($0)" })
        }
    }

    @Test func erasingACustomerRemovesTheirConversationsAndMessages() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let customer = Customer(name: "Cy", email: "cy@example.com")
        let other = Customer(name: "Di")
        try await store.save(customer)
        try await store.save(other)
        let conversation = Conversation(customerId: customer.id, channel: "web")
        let kept = Conversation(customerId: other.id, channel: "web")
        try await store.save(conversation)
        try await store.save(kept)
        _ = try await store.append(message(conversation.id, "my secret address is 1 Elm Street"))
        _ = try await store.escalate(
            Escalation(conversationId: conversation.id, reason: "angry", rule: "negative_sentiment"))
        _ = try await store.append(message(kept.id, "hello"))
        let report = try await store.erase(customerId: customer.id)
        #expect(report == ErasureReport(customers: 1, conversations: 1, messages: 1, escalations: 1))
        #expect(try await store.customer(id: customer.id) == nil)
        #expect(try await store.transcript(conversationId: conversation.id).isEmpty)
        #expect(try await store.transcript(conversationId: kept.id).count == 1)
        #expect(try await store.escalationQueue().isEmpty)
        // No table holds anything of the erased customer's any more.
        let dump = try await store.searchCustomers("cy", limit: 10)
        #expect(dump.isEmpty)
    }

    @Test func theWriteAheadLogIsCopiedIntoTheDatabaseAsItGrows() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("crm.sqlite")
        let store = try SQLiteCRMStore(path: path)
        let conversation = try await openConversation(in: store)
        func size(_ file: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0
        }
        let before = size(path)
        // One commit each: enough for several checkpoints.
        for index in 0..<1_000 {
            _ = try await store.append(
                StoredMessage(conversationId: conversation.id, sender: .customer, text: "message \(index)"))
        }
        for _ in 0..<100 where size(path) <= before {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(size(path) > before)
    }

    @Test func storesAgentsAndFindsThemBySignInName() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("crm.sqlite")
        var ana = User(id: "ana", name: "Ana", passwordHash: "h1", salt: "s1")
        try await SQLiteCRMStore(path: path).save(ana)
        try await SQLiteCRMStore(path: path).save(User(id: "bo", name: "Bo", passwordHash: "h2", salt: "s2"))
        ana.status = .available
        ana.capacity = 5
        let store = try SQLiteCRMStore(path: path)
        try await store.save(ana)
        #expect(try await store.user(id: "ana") == ana)
        #expect(try await store.user(id: "cy") == nil)
        #expect(try await store.users().map(\.id) == ["ana", "bo"])
    }

    @Test func aFileThatIsNoDatabaseIsAClearError() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("crm.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try SQLiteCRMStore(path: path) }
        #expect(error.description.contains(path))
    }

    @Test func findsCustomersConversationsAndTheEscalationQueue() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let ana = Customer(name: "Ana Silva", email: "ana@example.com")
        let bo = Customer(name: "Bo", email: "bo@shop.example")
        try await store.save(ana)
        try await store.save(bo)
        #expect(try await store.searchCustomers("silva", limit: 10).map(\.id) == [ana.id])
        #expect(try await store.searchCustomers("example", limit: 10).count == 2)
        #expect(try await store.searchCustomers("%", limit: 10).isEmpty)
        #expect(try await store.searchCustomers("a_a", limit: 10).isEmpty)
        let open = Conversation(customerId: ana.id, channel: "web", status: .queued)
        let closed = Conversation(customerId: bo.id, channel: "tcp", status: .closed)
        try await store.save(open)
        try await store.save(closed)
        #expect(try await store.conversations(status: .queued, limit: 10).map(\.id) == [open.id])
        let low = try await store.escalate(
            Escalation(conversationId: open.id, reason: "asked", rule: "handover_intent"))
        let high = try await store.escalate(
            Escalation(conversationId: closed.id, reason: "VIP", rule: "vip_customer", priority: 5))
        #expect(try await store.escalationQueue().map(\.id) == [high.id, low.id])
        var taken = try #require(try await store.openEscalation(conversationId: open.id))
        #expect(taken.id == low.id)
        taken.takenBy = "ana"
        taken.takenAt = Date()
        taken.resolvedAt = Date()
        try await store.update(taken)
        #expect(try await store.openEscalation(conversationId: open.id) == nil)
        #expect(try await store.escalationQueue().map(\.id) == [high.id])
    }

    @Test func reportsDailyCounts() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let customer = Customer()
        try await store.save(customer)
        let day = Date(timeIntervalSince1970: 1_764_064_800)  // 2025-11-25 10:00 UTC
        let first = Conversation(customerId: customer.id, channel: "web", startedAt: day, outcome: .resolved)
        let second = Conversation(customerId: customer.id, channel: "tcp", startedAt: day)
        try await store.save(first)
        try await store.save(second)
        _ = try await store.append(message(first.id, "where is my order"))
        var fallback = message(second.id, "Sorry, could you rephrase?", sender: .bot)
        fallback.action = "fallback"
        _ = try await store.append(fallback)
        _ = try await store.escalate(
            Escalation(conversationId: second.id, reason: "asked", rule: "handover_intent", queuedAt: day))
        let today = ISO8601DateFormatter().string(from: Date()).prefix(10)
        let report = try await store.dailyReport(from: "2025-11-25", to: String(today))
        let counts = try #require(report.first { $0.day == "2025-11-25" })
        #expect(counts.conversations == 2)
        #expect(counts.channels == ["web": 1, "tcp": 1])
        #expect(counts.escalations == 1)
        #expect(counts.escalationRate == 0.5)
        #expect(counts.resolved == 1)
        #expect(report.reduce(0) { $0 + $1.customerMessages } == 1)
        #expect(report.reduce(0) { $0 + $1.fallbacks } == 1)
    }

    @Test func backsUpAConsistentCopy() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let customer = Customer(name: "Ed")
        try await store.save(customer)
        try store.backup(to: folder.file("copy.sqlite"))
        let copy = try SQLiteCRMStore(path: folder.file("copy.sqlite"))
        #expect(try await copy.customer(id: customer.id)?.name == "Ed")
    }

    @Test func afterErasureNoTableHoldsAnythingOfTheCustomer() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("crm.sqlite")
        let store = try SQLiteCRMStore(path: path)
        let customer = Customer(
            id: "cust-7e1f", name: "Zelda Quince", email: "zelda.quince@example.com", phone: "+44 20 7946 0001")
        try await store.save(customer)
        let conversation = Conversation(id: "conv-7e1f", customerId: customer.id, channel: "web")
        try await store.save(conversation)
        _ = try await store.append(message(conversation.id, "please ship to Quince Cottage, Marmalade Lane"))
        _ = try await store.escalate(
            Escalation(conversationId: conversation.id, reason: "asked", rule: "handover_intent"))
        _ = try await store.erase(customerId: customer.id)
        // Every byte of the database and its write-ahead log, free pages included.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes.append((try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data())
        let text = String(decoding: bytes, as: UTF8.self)
        for secret in [
            "cust-7e1f", "Zelda Quince", "zelda.quince@example.com", "7946 0001", "conv-7e1f", "Marmalade Lane",
        ] {
            let leaked = text.contains(secret)
            #expect(!leaked, "\(secret) is still in the database")
        }
    }

    @Test func aDatabaseFromANewerParleyIsRefused() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("crm.sqlite")
        do {
            let store = try SQLiteCRMStore(path: path)
            try await store.save(Customer())
        }
        // Pretend a newer Parley migrated the file further.
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
        }
        let error = try #require(throws: StoreError.self) { try SQLiteCRMStore(path: path) }
        #expect(error.description.contains("newer Parley"))
    }

    @Test func aStoreFromBeforeTheFallbackIndexUpgradesWithItsFallbacks() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("crm.sqlite")
        do {
            let store = try SQLiteCRMStore(path: path)
            let conversation = try await openConversation(in: store)
            var missed = message(conversation.id, "blorp")
            missed.action = "fallback"
            _ = try await store.append(missed)
            _ = try await store.append(message(conversation.id, "where is A-10234?"))
        }
        // Put the file back as version 2 left it: the fallback inbox on a full (action, sentAt) index.
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP INDEX message_fallbacks")
            try db.execute(sql: "CREATE INDEX message_on_action ON message(action, sentAt)")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3'")
        }
        let upgraded = try SQLiteCRMStore(path: path)
        #expect(try await upgraded.fallbackInbox(limit: 10).map(\.text) == ["blorp"])
        let indexes = try await DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'message'")
        }
        #expect(indexes.contains("message_fallbacks") && !indexes.contains("message_on_action"), "\(indexes)")
    }

    @Test func messageTimesReadBackAsWrittenToTheMillisecond() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let conversation = try await openConversation(in: store)
        let times = [0, 951_782_400.5, 1_700_000_123.456, 4_102_444_799.999].map { Date(timeIntervalSince1970: $0) }
        for time in times {
            var stored = message(conversation.id, "at \(time)")
            stored.sentAt = time
            _ = try await store.append(stored)
        }
        let read = try await store.transcript(conversationId: conversation.id).map(\.sentAt)
        for (written, back) in zip(times, read) {
            #expect(
                abs(written.timeIntervalSince1970 - back.timeIntervalSince1970) < 0.001,
                "\(written) came back as \(back)")
        }
    }

    @Test func aFullDiskIsAClearErrorAndLosesNothingAlreadyStored() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("crm.sqlite")
        let store = try SQLiteCRMStore(path: path, maximumBytes: 256 * 1024)
        let conversation = try await openConversation(in: store)
        var stored = 0
        var failure: (any Error)?
        let long = String(repeating: "a long message that fills the disk ", count: 30)
        while failure == nil && stored < 10_000 {
            do {
                _ = try await store.append(message(conversation.id, "\(stored) \(long)"))
                stored += 1
            } catch {
                failure = error
            }
        }
        let error = try #require(failure as? StoreError)
        #expect(error.description.contains(path) && error.description.contains("full"))
        // Everything acknowledged before the disk filled is still there, in order.
        let transcript = try await store.transcript(conversationId: conversation.id)
        #expect(transcript.count == stored)
        #expect(try await store.integrityCheck() == "ok")
    }

    @Test func aReadOnlyStoreRefusesWritesClearly() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("crm.sqlite")
        let customer = Customer(name: "Fay")
        do {
            let store = try SQLiteCRMStore(path: path)
            try await store.save(customer)
        }
        let reader = try SQLiteCRMStore(path: path, readOnly: true)
        #expect(try await reader.customer(id: customer.id)?.name == "Fay")
        let error = try await #require(throws: StoreError.self) { try await reader.save(Customer(name: "Gus")) }
        #expect(error.description.contains(path) && error.description.contains("read-only"))
    }

    @Test func annotationsWithAnyTextRoundTrip() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let conversation = try await openConversation(in: store)
        let awkward = "quote \" backslash \\ newline \n tab \t bell \u{07} émoji 😡 中文"
        let written = StoredMessage(
            conversationId: conversation.id, sender: .customer, text: awkward, intent: awkward, confidence: 0.5,
            alternatives: [.init(name: awkward, confidence: 1e-9)],
            entities: [.init(type: "product", value: awkward, text: awkward, start: 0, end: 3)],
            scores: [awkward: -0.25, "threshold": 0.45])
        _ = try await store.append(written)
        let read = try #require(try await store.transcript(conversationId: conversation.id).first)
        #expect(read.text == awkward)
        #expect(read.alternatives == written.alternatives)
        #expect(read.entities == written.entities)
        #expect(read.scores == written.scores)
    }

    @Test func oneBadWriteDoesNotFailTheOthersCommittedWithIt() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let conversation = try await openConversation(in: store)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<50 {
                group.addTask {
                    // Every tenth exchange has a message naming a conversation that does not exist.
                    let target = i % 10 == 0 ? "no-such-conversation" : conversation.id
                    let exchange = ConversationTransition.exchange(
                        conversation, messages: [self.message(target, "message \(i)")])
                    return (try? await store.record(exchange)) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 45)
        #expect(try await store.transcript(conversationId: conversation.id).count == 45)
    }

    @Test func theReviewInboxHasFallbacksUnsureAnswersAndTheLastAnswerBeforeAnAgent() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let first = try await openConversation(in: store)
        var missed = message(first.id, "blorp")
        missed.action = "fallback"
        _ = try await store.append(missed)
        var unsure = message(first.id, "where is it maybe")
        unsure.confidence = 0.41
        _ = try await store.append(unsure)
        _ = try await store.append(message(first.id, "where is my order"))
        let second = try await openConversation(in: store)
        _ = try await store.append(message(second.id, "is my parcel lost"))
        _ = try await store.append(message(second.id, "it says delivered but it is not here"))
        var agent = message(second.id, "Let me look into it.", sender: .agent)
        agent.action = nil
        _ = try await store.append(agent)
        _ = try await store.append(message(second.id, "thanks"))
        let items = try await store.reviewInbox(lowConfidenceBelow: 0.6, limit: 10)
        #expect(items.map(\.message.text) == ["it says delivered but it is not here", "where is it maybe", "blorp"])
        #expect(items.map(\.reason) == [.takenOver, .lowConfidence, .fallback])
        #expect(try await store.reviewInbox(lowConfidenceBelow: 0.4, limit: 1).map(\.reason) == [.takenOver])
        let ids = items.compactMap(\.message.id)
        #expect(try await store.messages(ids: ids + [9999]).map(\.text) == items.map(\.message.text).reversed())
    }

    @Test func answersToTheBotsOwnQuestionsAreNotUnsureAnswers() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let conversation = try await openConversation(in: store)
        // "A-10234" after "Which order?" and an email address after a ticket asked for one: the
        // classifier's low confidence says nothing about them, the bot did what it asked.
        for (text, rule) in [
            ("A-10234", "slot_filled"), ("ana@example.com", "ticket_email"), ("where is it maybe", "intent"),
        ] {
            var answer = message(conversation.id, text)
            answer.confidence = 0.2
            answer.rule = rule
            _ = try await store.append(answer)
        }
        let items = try await store.reviewInbox(lowConfidenceBelow: 0.6, limit: 10)
        #expect(items.map(\.message.text) == ["where is it maybe"])
    }

    @Test func aFallbackThatEscalatesOrAnUnansweredQuestionIsReviewedAsAFallback() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let conversation = try await openConversation(in: store)
        // The second fallback in a row hands over (or, out of hours, offers a ticket); a reply to
        // "Which order?" without one is asked again: each is a message the bot did not understand.
        for (text, action, rule) in [
            ("vrrk snith plum", "escalate", "repeated_fallback"), ("qwpz glorb", "out_of_hours", "repeated_fallback"),
            ("i dont remember it sorry", "ask", "slot_still_missing"), ("A-10234", "ask", "entity_only"),
        ] {
            var missed = message(conversation.id, text)
            missed.action = action
            missed.rule = rule
            _ = try await store.append(missed)
        }
        let items = try await store.reviewInbox(lowConfidenceBelow: 0.6, limit: 10)
        #expect(items.map(\.message.text) == ["i dont remember it sorry", "qwpz glorb", "vrrk snith plum"])
        #expect(items.allSatisfy { $0.reason == .fallback })
    }

    @Test func theFallbackInboxListsOnlyMessagesTheBotFellBackOn() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let conversation = try await openConversation(in: store)
        var missed = message(conversation.id, "blorp")
        missed.action = "fallback"
        _ = try await store.append(message(conversation.id, "where is my order"))
        _ = try await store.append(missed)
        #expect(try await store.fallbackInbox(limit: 10).map(\.text) == ["blorp"])
    }
}
