internal import Foundation
internal import GRDB

/// The dashboard's figures (`DashboardReport`) in one read transaction:
/// conversations by the day they started, messages and escalations by the
/// day they were sent or queued, all of one channel or every channel.
enum DashboardQuery {
    static func report(_ db: Database, from: String, to: String, channel: String?) throws -> DashboardReport {
        let arguments: StatementArguments = [from, to, channel]
        /// Conversations of the channel (`c`); `column` must fall within the days.
        func within(_ column: String) -> String {
            "substr(\(column), 1, 10) BETWEEN ?1 AND ?2 AND (?3 IS NULL OR c.channel = ?3)"
        }
        let customerMessages = "message m JOIN conversation c ON c.id = m.conversationId"
        let inPeriod = "m.sender = 'customer' AND \(within("m.sentAt"))"
        func rows(_ sql: String) throws -> [Row] { try Row.fetchAll(db, sql: sql, arguments: arguments) }
        func counts(_ sql: String) throws -> [DashboardReport.Count] {
            try rows(sql).map { DashboardReport.Count(name: $0[0] ?? "none", count: $0[1]) }
        }

        var days: [String: DashboardReport.Day] = [:]
        func day(_ name: String) -> DashboardReport.Day {
            days[name]
                ?? DashboardReport.Day(
                    day: name, conversations: 0, customerMessages: 0, botAnswers: 0, fallbacks: 0, escalations: 0)
        }
        for row in try rows(
            "SELECT substr(c.startedAt, 1, 10), COUNT(*) FROM conversation c WHERE \(within("c.startedAt")) GROUP BY 1")
        {
            var counts = day(row[0])
            counts.conversations = row[1]
            days[row[0]] = counts
        }
        for row in try rows(
            """
            SELECT substr(m.sentAt, 1, 10), COUNT(*), SUM(m.action IS NOT NULL), SUM(m.action = 'fallback')
            FROM \(customerMessages) WHERE \(inPeriod) GROUP BY 1
            """)
        {
            var counts = day(row[0])
            (counts.customerMessages, counts.botAnswers, counts.fallbacks) = (row[1], row[2], row[3])
            days[row[0]] = counts
        }
        for row in try rows(
            """
            SELECT substr(e.queuedAt, 1, 10), COUNT(*) FROM escalation e JOIN conversation c ON c.id = e.conversationId
            WHERE \(within("e.queuedAt")) GROUP BY 1
            """)
        {
            var counts = day(row[0])
            counts.escalations = row[1]
            days[row[0]] = counts
        }

        let conversations =
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM conversation c WHERE \(within("c.startedAt"))", arguments: arguments)
            ?? 0
        let escalated =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(DISTINCT c.id) FROM conversation c JOIN escalation e ON e.conversationId = c.id
                    WHERE \(within("c.startedAt"))
                    """, arguments: arguments) ?? 0
        var ratings: [String: Int] = [:]
        for row in try rows(
            "SELECT c.rating, COUNT(*) FROM conversation c WHERE c.rating IS NOT NULL AND \(within("c.startedAt")) GROUP BY 1"
        ) {
            ratings[String(row[0] as Int)] = row[1]
        }
        let waits = try Double.fetchAll(
            db,
            sql: """
                SELECT (julianday(e.takenAt) - julianday(e.queuedAt)) * 86400 FROM escalation e
                JOIN conversation c ON c.id = e.conversationId WHERE e.takenAt IS NOT NULL AND \(within("e.queuedAt"))
                ORDER BY 1
                """, arguments: arguments)
        var hours = Array(repeating: 0, count: 24)
        for row in try rows(
            "SELECT CAST(substr(m.sentAt, 12, 2) AS INTEGER), COUNT(*) FROM \(customerMessages) WHERE \(inPeriod) GROUP BY 1"
        ) {
            let hour: Int = row[0]
            if hours.indices.contains(hour) { hours[hour] = row[1] }
        }
        let versions = try ModelVersion.filter(sql: "substr(loadedAt, 1, 10) BETWEEN ? AND ?", arguments: [from, to])
            .order(Column("id")).fetchAll(db)
        return DashboardReport(
            from: from, to: to, channel: channel, days: days.values.sorted { $0.day < $1.day },
            topIntents: try counts(
                """
                SELECT m.intent, COUNT(*) FROM \(customerMessages)
                WHERE IFNULL(json_extract(m.scores, '$.in_scope'), m.confidence) >= json_extract(m.scores, '$.threshold')
                    AND IFNULL(m.rule, '') NOT IN \(MessageRules.answersToTheBot) AND \(inPeriod)
                GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10
                """),
            escalationRate: conversations == 0 ? nil : Double(escalated) / Double(conversations),
            escalationReasons: try counts(
                """
                SELECT e.reason, COUNT(*) FROM escalation e JOIN conversation c ON c.id = e.conversationId
                WHERE \(within("e.queuedAt")) GROUP BY 1 ORDER BY 2 DESC, 1
                """),
            tickets: try Int.fetchOne(
                db,
                sql: "SELECT COUNT(*) FROM conversation c WHERE c.ticketAt IS NOT NULL AND \(within("c.ticketAt"))",
                arguments: arguments) ?? 0,
            averageSentiment: try Double.fetchOne(
                db, sql: "SELECT AVG(m.sentimentScore) FROM \(customerMessages) WHERE \(inPeriod)", arguments: arguments
            ),
            ratings: ratings,
            medianSecondsToAgent: waits.isEmpty
                ? nil
                : waits.count % 2 == 1
                    ? waits[waits.count / 2] : (waits[waits.count / 2 - 1] + waits[waits.count / 2]) / 2,
            busiestHours: hours, modelVersions: versions.map(DashboardReport.Version.init))
    }
}
