import ParleyNLP
import Testing

@Suite struct WritingScriptsTests {
    @Test func aMessageInAnotherScriptIsToldApart() {
        #expect(WritingScripts.isInAnotherScript("where is my order?", language: "zh"))
        #expect(WritingScripts.isInAnotherScript("我的订单在哪", language: "en"))
        #expect(WritingScripts.isInAnotherScript("где мой заказ", language: "en-GB"))
        #expect(WritingScripts.isInAnotherScript("ｈｅｌｌｏ", language: "zh-CN"))
    }

    @Test func aMessageWithAnyLetterOfTheBotsScriptsIsNot() {
        #expect(!WritingScripts.isInAnotherScript("我的order在哪", language: "zh"))
        #expect(!WritingScripts.isInAnotherScript("我的order在哪", language: "en"))
        #expect(!WritingScripts.isInAnotherScript("注文はどこですか", language: "ja"))
        #expect(!WritingScripts.isInAnotherScript("ｶﾀｶﾅ", language: "ja"))
        #expect(!WritingScripts.isInAnotherScript("訂單在哪", language: "zh-TW"))
    }

    @Test func messagesWithoutLettersAndUnknownLanguagesNeverAre() {
        #expect(!WritingScripts.isInAnotherScript("A-10234", language: "zh"))
        #expect(!WritingScripts.isInAnotherScript("138 1234 5678 👍", language: "en"))
        #expect(!WritingScripts.isInAnotherScript("我的订单在哪", language: "xx"))
    }
}
