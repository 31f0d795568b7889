public import Foundation
public import ParleyNLP

/// Turns an analysis into what the bot does: reply, ask for a missing entity,
/// confirm, fall back, or hand over to a human. A stateless value; each
/// conversation's `ConversationState` carries what must be remembered.
///
/// The policy answers only conversations the bot has: while a person has
/// one, or it waits for one, its owner records messages with `silent`.
/// Order of the rules, first match wins: a VIP customer, a message with sentiment at or below
/// `sentiment_below`, or `negative_streak` negative messages in a row
/// escalate; an answer to a pending question completes it; a message that is
/// an entity alone ("A-10234") is kept and asked about (`entity_only`); an intent marked
/// `handover` escalates; when the message's parts (`Analysis.parts`) hold two
/// distinct intents at or above `fallback_threshold`, both are answered in one
/// reply (`answer_two_intents`); a confidence below `fallback_threshold` falls
/// back (unless one part is confident: that part is answered), and
/// `fallbacks_in_a_row` fallbacks escalate; otherwise the intent's
/// requirements are asked for, its confirmation asked, and its reply given.
/// Outside office hours, escalation becomes an offer to take a message (a
/// ticket); while a ticket is open, an email address the customer gives is
/// acknowledged before any other rule.
public struct DialoguePolicy: Sendable {
    public let configuration: BotConfiguration
    public let responses: BotResponses

    public init(configuration: BotConfiguration, responses: BotResponses) {
        self.configuration = configuration
        self.responses = responses
    }

    /// The opening message of a conversation.
    public func greeting(for customer: CustomerProfile, state: ConversationState) -> String {
        message(\.greeting, for: customer, state: state)
    }

    /// One of the bot's own messages (`bot.yml`'s `messages`), filled in for
    /// this customer and conversation like every reply.
    public func message(
        _ message: KeyPath<BotMessages, ResponseTemplate>, for customer: CustomerProfile, state: ConversationState
    ) -> String {
        configuration.messages[keyPath: message].render(values(state: state, customer: customer))
    }

    /// Decides what to do with one customer message, updating `state`.
    public func decide(
        _ analysis: Analysis, state: inout ConversationState, customer: CustomerProfile, now: Date = Date()
    ) -> DialogueDecision {
        state.turns += 1
        let context = Context(analysis: analysis, customer: customer, now: now, scores: scores(of: analysis))
        let slotsBefore = state.slots
        for entity in analysis.entities { state.slots[entity.type] = entity }
        state.negativeInARow = analysis.sentiment.label == .negative ? state.negativeInARow + 1 : 0
        if state.ticketOpen, analysis.entities.contains(where: { $0.type == "email" }) {
            // The address a ticket asked for, whatever else the message looks like.
            return DialogueDecision(
                action: .reply,
                text: configuration.messages.ticketEmail.render(values(state: state, customer: customer)),
                quickReplies: [], intent: analysis.intent?.name, rule: .ticketEmail, scores: context.scores)
        }
        let rules = configuration.escalation
        if rules.vip && customer.vip { return escalate(.vipCustomer, &state, context) }
        if analysis.sentiment.score <= rules.sentimentBelow { return escalate(.negativeSentiment, &state, context) }
        if rules.negativeStreak > 0 && state.negativeInARow >= rules.negativeStreak {
            return escalate(.negativeStreak, &state, context)
        }
        // Numbers alone ("10234") name no intent: their digits resemble some intent's weakly
        // ("10234" was a Chinese bot's goodbye at 0.15, its examples having "88啦", bye-bye). A
        // short one can be a word the classifier is sure of ("88" is that goodbye at 0.73).
        let onlyNumbers =
            analysis.tokens.contains { $0.kind == .number }
            && analysis.tokens.allSatisfy { $0.kind == .number || $0.kind == .punctuation }
        let aWord =
            analysis.tokens.allSatisfy { $0.kind != .number || $0.text.count <= Self.digitsOfANumberWord }
            && (analysis.intent?.confidence ?? 0) >= Self.sureOfNumbersAlone
        let numbersAlone = onlyNumbers && !aWord
        let top =
            numbersAlone
            ? nil : analysis.intent.flatMap { $0.fallbackScore >= configuration.fallbackThreshold ? $0 : nil }
        let wasAsking = state.pendingIntent != nil
        if let pending = state.pendingIntent, let awaiting = state.awaiting {
            if awaiting == Self.confirmation {
                // The customer named another value than the question did ("A-77001", "no, I mean
                // A-77001"): whatever else they said, ask again about that one, never act on it unasked.
                let asked = responses[pending]?.requires.map(\.entity) ?? []
                if asked.contains(where: { state.slots[$0]?.value != slotsBefore[$0]?.value }) {
                    return reply(pending, &state, context, confirmed: false)
                }
                switch top?.name {
                case Self.affirm:
                    return reply(pending, &state, context, confirmed: true)
                case Self.deny:
                    state.pendingIntent = nil
                    state.awaiting = nil
                    return reply(Self.deny, &state, context, confirmed: true)
                case .some(let other):
                    state.pendingIntent = nil
                    state.awaiting = nil
                    return understood(other, &state, context)
                case .none:
                    return DialogueDecision(
                        action: .confirm,
                        text: configuration.messages.confirmAgain.render(values(state: state, customer: customer)),
                        quickReplies: BotMessages.confirmationButtons(for: configuration.language), intent: pending,
                        rule: .confirmationUnclear,
                        scores: context.scores)
                }
            }
            // The entity asked for answers the question, unless the message also asks for a person
            // ("I want to talk to a person, A-10234"): that is never put off by an order status.
            let asksForAPerson = top.map { $0.name != pending && responses[$0.name]?.handover == true } ?? false
            if analysis.entities.contains(where: { $0.type == awaiting }) && !asksForAPerson {
                return reply(pending, &state, context, confirmed: false, rule: .slotFilled)
            }
            // A number said as the answer ("10234", "it's 10234", "no. 10234" for an order number
            // A-10234) tries to answer the question, whatever intent its words resemble.
            if top == nil || top?.name == pending || givesANumber(analysis, for: awaiting) {
                // Neither the entity nor a new request: ask again, counting it as a fallback.
                state.fallbacksInARow += 1
                if rules.fallbacksInARow > 0 && state.fallbacksInARow >= rules.fallbacksInARow {
                    return escalate(.repeatedFallback, &state, context)
                }
                return reply(pending, &state, context, confirmed: false, rule: .slotStillMissing)
            }
            state.pendingIntent = nil
            state.awaiting = nil
        }
        if let entity = requiredEntityAlone(in: analysis) {
            // "A-10234" alone asks for nothing, however sure the classifier is of its characters (an
            // example's order number is a feature too): kept as a slot (above), the request comes next.
            var values = values(state: state, customer: customer)
            values["entity"] = entity.text
            return DialogueDecision(
                action: .ask, text: configuration.messages.entityOnly.render(values), quickReplies: [],
                intent: nil, rule: .entityOnly, scores: context.scores)
        }
        let partIntents = confidentPartIntents(of: analysis)
        if partIntents.count == 2 || (top == nil && partIntents.count == 1) {
            return understood(partIntents, &state, context)
        }
        guard let intent = top?.name else {
            state.fallbacksInARow += 1
            if rules.fallbacksInARow > 0 && state.fallbacksInARow >= rules.fallbacksInARow {
                return escalate(.repeatedFallback, &state, context)
            }
            // A message the bot cannot read gets told which language it speaks, not asked to rephrase.
            if WritingScripts.isInAnotherScript(analysis.text, language: configuration.language) {
                let message =
                    configuration.messages.otherLanguage ?? BotMessages.otherLanguage(for: configuration.language)
                return DialogueDecision(
                    action: .fallback, text: message.render(values(state: state, customer: customer)),
                    quickReplies: [], intent: analysis.intent?.name, rule: .otherLanguage, scores: context.scores)
            }
            return DialogueDecision(
                action: .fallback,
                text: configuration.messages.fallback.render(values(state: state, customer: customer)),
                quickReplies: [], intent: analysis.intent?.name,
                rule: analysis.intent == nil || numbersAlone ? .noIntent : .confidenceBelowThreshold,
                scores: context.scores)
        }
        // "no" to "anything else?" declines nothing: it ends the conversation with the goodbye
        // reply, not the deny reply's "I've left everything as it was" again and again.
        if intent == Self.deny && !wasAsking && responses[Self.goodbye] != nil {
            return understood(Self.goodbye, &state, context)
        }
        return understood(intent, &state, context)
    }

    /// The confidence at which a short number alone names an intent ("88", bye-bye in Chinese
    /// chat; "520", "666"), and the most digits such a word has: a longer number is an
    /// identifier, whatever a trainer's examples teach the classifier of digits.
    static let sureOfNumbersAlone = 0.5
    static let digitsOfANumberWord = 3

    /// The customer asked for a person outright (a `/human` command or a
    /// button), so no text needs understanding: escalate, or offer to take a
    /// message out of office hours.
    public func requestHuman(
        _ analysis: Analysis, state: inout ConversationState, customer: CustomerProfile, now: Date = Date()
    ) -> DialogueDecision {
        state.turns += 1
        let context = Context(analysis: analysis, customer: customer, now: now)
        return escalate(.humanRequest, &state, context)
    }

    /// A customer message while a person has the conversation
    /// (`agentHasConversation`) or it waits for one (`waitingForAgent`): the
    /// bot says nothing, and the message is recorded with its analysis.
    public func silent(_ analysis: Analysis, state: inout ConversationState, because rule: DialogueRule)
        -> DialogueDecision
    {
        state.turns += 1
        return DialogueDecision(
            action: .silent, text: nil, quickReplies: [], intent: analysis.intent?.name, rule: rule,
            scores: scores(of: analysis))
    }

    /// The numbers behind a decision on `analysis`: sentiment, threshold, the top confidence and,
    /// when the threshold was fitted, the in-scope score it applies to.
    private func scores(of analysis: Analysis) -> [String: Double] {
        var scores = ["sentiment": analysis.sentiment.score, "threshold": configuration.fallbackThreshold]
        if let top = analysis.intent {
            scores["confidence"] = top.confidence
            scores["in_scope"] = top.inScope
        }
        return scores
    }

    // MARK: Steps

    /// What a customer needs from the bot for one message and its surroundings.
    struct Context {
        var analysis: Analysis
        var customer: CustomerProfile
        var now: Date
        var scores: [String: Double] = [:]
    }

    static let confirmation = "confirmation"
    static let affirm = "affirm"
    static let goodbye = "goodbye"
    static let deny = "deny"

    /// The distinct intents of the message's parts at or above the threshold, in
    /// order, at most two; none when `answer_two_intents` is off.
    private func confidentPartIntents(of analysis: Analysis) -> [String] {
        guard configuration.answersTwoIntents else { return [] }
        var intents: [String] = []
        for part in analysis.parts {
            guard let intent = part.intent, intent.fallbackScore >= configuration.fallbackThreshold,
                !intents.contains(intent.name)
            else { continue }
            intents.append(intent.name)
            if intents.count == 2 { break }
        }
        return intents
    }

    /// One or two requests of one message. With two, the one that can be
    /// answered at once is answered first, and the other's reply, question or
    /// confirmation follows in the same message; if it hands over, that wins.
    /// When neither can be answered at once, the first is handled alone.
    private func understood(_ intents: [String], _ state: inout ConversationState, _ context: Context)
        -> DialogueDecision
    {
        guard intents.count == 2 else { return understood(intents[0], &state, context) }
        let before = state
        for order in [intents, intents.reversed()] {
            state = before
            let first = understood(order[0], &state, context)
            // A reply that waits for an action's answer is no reply yet: it is not combined.
            guard first.action == .reply, first.call == nil else { continue }
            let second = understood(order[1], &state, context)
            guard second.call == nil else { continue }
            guard [.reply, .ask, .confirm].contains(second.action) else { return second }
            return DialogueDecision(
                action: second.action, text: [first.text, second.text].compactMap { $0 }.joined(separator: "\n\n"),
                quickReplies: second.quickReplies.isEmpty ? first.quickReplies : second.quickReplies,
                intent: second.action == .reply ? order[0] : order[1],
                rule: second.action == .reply ? .twoIntents : second.rule, scores: context.scores)
        }
        state = before
        return understood(intents[0], &state, context)
    }

    private func understood(_ intent: String, _ state: inout ConversationState, _ context: Context) -> DialogueDecision
    {
        state.fallbacksInARow = 0
        if responses[intent]?.handover == true {
            return escalate(.handoverIntent, &state, context, intent: intent)
        }
        return reply(intent, &state, context, confirmed: false)
    }

    private func reply(
        _ intent: String, _ state: inout ConversationState, _ context: Context, confirmed: Bool,
        rule: DialogueRule = .intent
    ) -> DialogueDecision {
        let values = values(state: state, customer: context.customer)
        guard let response = responses[intent] else {
            state.pendingIntent = nil
            state.awaiting = nil
            return DialogueDecision(
                action: .fallback, text: configuration.messages.fallback.render(values), quickReplies: [],
                intent: intent,
                rule: .noResponseForIntent, scores: context.scores)
        }
        if let missing = response.requires.first(where: { state.slots[$0.entity] == nil }) {
            state.pendingIntent = intent
            state.awaiting = missing.entity
            return DialogueDecision(
                action: .ask, text: missing.question.render(values), quickReplies: [], intent: intent,
                rule: .missing(entity: missing.entity), scores: context.scores)
        }
        if let confirm = response.confirm, !confirmed {
            state.pendingIntent = intent
            state.awaiting = Self.confirmation
            return DialogueDecision(
                action: .confirm, text: confirm.render(values),
                quickReplies: BotMessages.confirmationButtons(for: configuration.language), intent: intent,
                rule: .confirmationNeeded, scores: context.scores)
        }
        state.pendingIntent = nil
        state.awaiting = nil
        state.fallbacksInARow = 0
        if let action = response.action {
            // Nothing is said before the action has answered: the owner calls it, then `complete`.
            return DialogueDecision(
                action: .reply, text: nil, quickReplies: response.buttons, intent: intent, rule: rule,
                scores: context.scores,
                call: ActionCall(
                    name: action, intent: intent,
                    request: request(action, intent: intent, state: state, context: context)))
        }
        let variant = response.replies.isEmpty ? nil : response.replies[(state.turns - 1) % response.replies.count]
        return DialogueDecision(
            action: .reply, text: variant?.render(values) ?? configuration.messages.fallback.render(values),
            quickReplies: response.buttons, intent: intent, rule: rule, scores: context.scores)
    }

    private func escalate(
        _ reason: EscalationReason, _ state: inout ConversationState, _ context: Context, intent: String? = nil
    ) -> DialogueDecision {
        let values = values(state: state, customer: context.customer)
        state.pendingIntent = nil
        state.awaiting = nil
        if let hours = configuration.officeHours, !hours.isOpen(at: context.now) {
            // Nobody can answer: the conversation becomes a ticket, and an email address given is for it.
            state.ticketOpen = true
            return DialogueDecision(
                action: .outOfHours, text: configuration.messages.outOfHours.render(values), quickReplies: [],
                intent: intent ?? context.analysis.intent?.name, rule: .escalation(reason), scores: context.scores)
        }
        state.ticketOpen = false
        var text = configuration.messages.handover.render(values)
        if let intent, let reply = responses[intent]?.replies.first { text = reply.render(values) }
        return DialogueDecision(
            action: .escalate, text: text, quickReplies: [], intent: intent ?? context.analysis.intent?.name,
            rule: .escalation(reason), scores: context.scores)
    }

    // MARK: Actions

    /// Finishes a decision that called an action (`decision.call`) with what
    /// came of the call: the reply for the answer's outcome, filled with the
    /// answer (`{{result.…}}`), its `reply`, a handover when it asks for one,
    /// or the response's `on_error` when the call failed. Never says the
    /// action happened when it did not.
    /// The customer's message keeps its own rule when it answered the bot's question (`messageRule`).
    public func complete(
        _ decision: DialogueDecision, with outcome: ActionOutcome, analysis: Analysis, state: inout ConversationState,
        customer: CustomerProfile, now: Date = Date()
    ) -> DialogueDecision {
        var completed = completed(
            decision, with: outcome, analysis: analysis, state: &state, customer: customer, now: now)
        if decision.rule == .slotFilled && completed.rule != .slotFilled { completed.messageRule = .slotFilled }
        return completed
    }

    private func completed(
        _ decision: DialogueDecision, with outcome: ActionOutcome, analysis: Analysis, state: inout ConversationState,
        customer: CustomerProfile, now: Date
    ) -> DialogueDecision {
        guard let call = decision.call, let response = responses[call.intent] else { return decision }
        let context = Context(analysis: analysis, customer: customer, now: now, scores: decision.scores)
        var finished = decision
        finished.call = nil
        finished.performed = call.name
        let answer: JSONValue
        switch outcome {
        case .failed:
            if case .escalate = response.onError {
                var escalated = escalate(.actionFailed, &state, context, intent: nil)
                escalated.intent = call.intent
                escalated.performed = call.name
                return escalated
            }
            let template: ResponseTemplate
            if case .reply(let own) = response.onError {
                template = own
            } else {
                template = configuration.messages.actionError
            }
            finished.text = template.render(values(state: state, customer: customer))
            finished.rule = .actionFailed
            finished.quickReplies = []
            return finished
        case .answered(let json):
            answer = json
        }
        if case .object(let slots)? = answer["slots"] {
            for (type, value) in slots {
                guard let text = value.text else { continue }
                state.slots[type] = Entity(type: type, value: text, text: text, start: 0, end: 0)
            }
        }
        let values = values(state: state, customer: customer)
        let said = answer["reply"]?.text.flatMap { $0.trimmingSpaces().isEmpty ? nil : $0 }
        if answer["handover"]?.bool == true {
            var escalated = escalate(.actionHandover, &state, context, intent: nil)
            escalated.intent = call.intent
            escalated.performed = call.name
            if let said, escalated.action == .escalate { escalated.text = said }
            return escalated
        }
        if let name = answer["outcome"]?.text {
            if let variants = response.outcomes[name], !variants.isEmpty {
                finished.text = variants[(state.turns - 1) % variants.count].render(values, result: answer)
                finished.rule = .actionOutcome(name)
                if let entity = response.outcomeAsks[name] {
                    // The reply asked for the entity again ("Could you check the number?"): the next
                    // one given answers the same intent.
                    state.slots[entity] = nil
                    state.pendingIntent = call.intent
                    state.awaiting = entity
                }
                return finished
            }
            if let said {
                finished.text = said
                finished.rule = .actionOutcome(name)
                return finished
            }
            // An outcome nobody wrote a reply for: the default reply might claim what did not happen.
            return completed(
                decision, with: .failed(.unknownOutcome(name)), analysis: analysis, state: &state, customer: customer,
                now: now)
        }
        if let said {
            finished.text = said
            return finished
        }
        let variant = response.replies.isEmpty ? nil : response.replies[(state.turns - 1) % response.replies.count]
        finished.text = variant?.render(values, result: answer) ?? configuration.messages.fallback.render(values)
        return finished
    }

    /// What an action is sent: the conversation, the customer, the intent
    /// with its confidence, the message's entities, the slots and the text.
    private func request(_ action: String, intent: String, state: ConversationState, context: Context) -> JSONValue {
        let customer = context.customer
        var who: [String: JSONValue] = ["vip": .bool(customer.vip)]
        if let id = customer.id { who["id"] = .string(id) }
        if let name = customer.name { who["name"] = .string(name) }
        if let email = customer.email ?? state.slots["email"]?.value { who["email"] = .string(email) }
        if let phone = customer.phone { who["phone"] = .string(phone) }
        let entities = context.analysis.entities.map { entity in
            JSONValue.object([
                "type": .string(entity.type), "value": .string(entity.value), "text": .string(entity.text),
            ])
        }
        return .object([
            "action": .string(action),
            "conversation_id": .string(state.id),
            "channel": .string(state.channel),
            "customer": .object(who),
            "intent": .object([
                "name": .string(intent),
                "confidence": context.analysis.intent.map { .number($0.confidence) } ?? .null,
            ]),
            "entities": .array(entities),
            "slots": .object(state.slots.mapValues { .string($0.value) }),
            "text": .string(context.analysis.text),
        ])
    }

    /// The entity a message is made of, when it has nothing else but punctuation and spaces
    /// ("A-10234", "#A-10234.") and some intent's reply requires its type.
    private func requiredEntityAlone(in analysis: Analysis) -> Entity? {
        guard let entity = analysis.entities.first, analysis.entities.count == 1,
            responses.byIntent.values.contains(where: { $0.requires.contains { $0.entity == entity.type } })
        else { return nil }
        let scalars = Array(analysis.text.unicodeScalars)
        let outside = scalars.indices.filter { !(entity.start..<entity.end).contains($0) }
        return outside.contains { scalars[$0].properties.isAlphabetic || scalars[$0].properties.numericType != nil }
            ? nil : entity
    }

    /// Whether a message is a number and at most three words that only name it: stopwords of the
    /// bot's language, words for a number ("no", "number", "ref", "号", "编号" …), "please" and
    /// "thanks", and the words of the awaited entity's type ("order" and "id" of `order_id`).
    /// "it's 10234", "10234 thanks" and "是10234号订单" are; "cancel 10234" is a request.
    private func givesANumber(_ analysis: Analysis, for entityType: String) -> Bool {
        guard analysis.tokens.contains(where: { $0.kind == .number }) else { return false }
        let stopwords = Stopwords.forLanguage(configuration.language)
        let typeWords = entityType.lowercased().split(separator: "_").map(String.init)
        let words = analysis.tokens.filter { $0.kind != .number && $0.kind != .punctuation }
        return words.count <= 3
            && words.allSatisfy {
                stopwords.contains($0.normalized) || Self.wordsForANumber.contains($0.normalized)
                    || typeWords.contains($0.normalized)
            }
    }

    /// Words that say a number is one, or only ask politely (English and Chinese).
    static let wordsForANumber: Set<String> = [
        "no", "nr", "num", "number", "ref", "reference", "id", "please", "pls", "thanks", "thank", "thx",
        "号", "号码", "编号", "单号", "订单号", "订单", "谢谢", "请",
    ]

    /// What templates can name: remembered entities as the customer wrote
    /// them, customer fields, the conversation and the bot.
    private func values(state: ConversationState, customer: CustomerProfile) -> [String: String] {
        var values: [String: String] = [
            "bot.name": configuration.name, "conversation.id": state.id, "conversation.channel": state.channel,
        ]
        for (type, entity) in state.slots { values[type] = entity.text }
        if let name = customer.name { values["customer.name"] = name }
        if let email = customer.email ?? state.slots["email"]?.text { values["customer.email"] = email }
        if let phone = customer.phone ?? state.slots["phone"]?.text { values["customer.phone"] = phone }
        if let id = customer.id { values["customer.id"] = id }
        return values
    }
}
