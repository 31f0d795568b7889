/// A small support bot's intents, for tests that train.
public enum ShopFixture {
    public static let intents = """
        intents:
          - intent: order_status
            examples:
              - where is my order
              - has my order shipped yet
              - when will my parcel arrive
              - track my package please
              - my order [A-10234](order_id) has not arrived
              - what is the status of my delivery
              - is my order on its way
              - I am still waiting for my order
          - intent: refund
            examples:
              - I want my money back
              - can I get a refund
              - please refund my purchase
              - how long do refunds take
              - I returned the item but got no refund
              - refund order [B-55555](order_id)
              - give me a refund now
              - when will I be refunded
          - intent: greet
            examples:
              - hi
              - hello
              - hey there
              - good morning
              - hello, anyone there?
              - hi team
          - intent: password_reset
            examples:
              - I forgot my password
              - how do I reset my password
              - can't log in to my account
              - my login is not working
              - reset password link does not work
              - locked out of my account
        entities:
          - entity: order_id
            pattern: '[A-Z]-\\d{5}'
        """
}
