import Testing

@testable import ParleyNLP

@Suite struct MessagePartsTests {
    func parts(_ text: String, language: String) -> [String] {
        let tokens = TextPreprocessor(language: language).preprocess(text).tokens
        let scalars = Array(text.unicodeScalars)
        return MessageParts.ranges(of: text, tokens: tokens, limit: 7).map {
            String(String.UnicodeScalarView(scalars[$0]))
        }
    }

    @Test func aChineseCommaBeforeAQuestionOrARequestStartsAPart() {
        #expect(parts("我要退货，发票怎么开？", language: "zh") == ["我要退货", "发票怎么开？"])
        #expect(parts("我要退货，还有发票怎么开", language: "zh") == ["我要退货", "还有发票怎么开"])
        #expect(parts("您好，请问一下，我的快递怎么还没到啊", language: "zh") == ["您好，请问一下", "我的快递怎么还没到啊"])
        #expect(parts("订单A-10234，我想换个地址", language: "zh") == ["订单A-10234", "我想换个地址"])
        // A comma inside one request is no break.
        #expect(parts("东西收到了，但是坏了", language: "zh").count <= 1)
        // English commas are left to the sentence breaks and conjunctions.
        #expect(parts("Hi, where is my order?", language: "en").count <= 1)
    }
}
