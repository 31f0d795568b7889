import Foundation
import ParleyStore
import Testing

@Suite struct TranscriptCSVTests {
    func row(text: String, customerId: String = "shop-1001", sentiment: Double? = -0.25) -> String {
        let conversation = Conversation(id: "c1", customerId: customerId, channel: "web")
        let message = StoredMessage(
            conversationId: "c1", sender: .customer, text: text, sentAt: Date(timeIntervalSince1970: 0),
            intent: "refund", confidence: 0.5, sentimentScore: sentiment)
        return TranscriptCSV.row(message, in: conversation)
    }

    @Test(arguments: ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\r=1"])
    func cellsAFormulaWouldStartWithReadAsText(text: String) {
        let cells = row(text: text)
        #expect(cells.contains(",\"'") || cells.contains(",'"), "\(cells)")
        #expect(!cells.contains(",=") && !cells.contains(",\"="), "\(cells)")
    }

    @Test func aCustomerIdThatIsAFormulaReadsAsText() {
        #expect(row(text: "hi", customerId: "=cmd|'/c calc'!A1").hasPrefix("c1,'=cmd|'/c calc'!A1,web,"))
    }

    @Test func numbersTheServerWroteStayNumbers() {
        #expect(
            row(text: "where is my order, please").hasSuffix(",\"where is my order, please\",refund,0.5000,-0.2500,"))
    }
}
