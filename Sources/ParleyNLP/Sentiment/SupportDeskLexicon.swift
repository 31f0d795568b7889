/// Words and phrases of customer support that a general sentiment lexicon
/// misses or misjudges, with VADER-scale valences (-4 to 4).
enum SupportDeskLexicon {
    /// Single words, added to or overriding the VADER lexicon.
    static let words: [String: Double] = [
        "ridiculous": -2.2, "unacceptable": -2.6, "useless": -2.2, "incompetent": -2.4, "scam": -2.8,
        "scammed": -2.8, "ripoff": -2.6, "refund": 0, "refunded": 0.6, "broken": -1.8, "damaged": -1.8,
        "defective": -2.0, "faulty": -1.9, "late": -1.0, "delayed": -1.2, "missing": -1.3, "lost": -1.3,
        "wrong": -1.6, "again": 0, "waiting": -0.6, "waited": -0.8, "cancel": 0, "fraud": -2.8, "overcharged": -2.2,
        "charged": -0.3, "nobody": -0.8, "ignored": -1.9, "ignoring": -1.8, "rude": -2.1, "worst": -3.1,
        "disappointed": -2.0, "disappointing": -2.2, "frustrated": -2.1, "frustrating": -2.1, "annoyed": -1.9,
        "furious": -3.0, "sorted": 1.2, "resolved": 1.3, "helpful": 1.9, "quick": 1.0, "fast": 0.9, "smooth": 1.2,
        "perfect": 2.7, "works": 0.8, "worked": 0.8, "recommend": 1.5, "lawyer": -1.2, "complaint": -1.6,
        "hopeless": -2.4, "joke": -0.6, "garbage": -2.2, "junk": -2.0, "crap": -2.3, "waste": -1.8,
        "overpriced": -1.8, "unreliable": -1.9, "slow": -1.2, "spotty": -1.3, "flimsy": -1.6, "cheap": -0.6,
        "rocks": 1.6, "sturdy": 1.4, "reliable": 1.6, "phenomenal": 3.0, "superb": 3.0, "superlative": 2.6,
        "unusable": -2.3, "unrecommended": -2.0, "buy": 0.6, "recommended": 1.6, "disappointment": -2.3,
        "nightmare": -2.6, "hassle": -1.7, "mess": -1.6, "headache": -1.5, "awful": -2.8, "horrible": -2.6,
        "fantastic": 3.0, "excellent": 3.0, "awesome": 3.0, "brilliant": 2.8, "lovely": 2.6, "delicious": 2.7,
        "tasty": 2.0, "comfortable": 1.8, "crisp": 1.0, "clear": 1.0, "bland": -1.4, "stale": -1.6, "cold": -0.4,
        "tasteless": -1.8, "mediocre": -1.5, "overcooked": -1.5, "undercooked": -1.5, "greasy": -1.2,
        "dirty": -1.9, "filthy": -2.3, "poorly": -1.8, "returned": 0, "return": 0, "fails": -1.7, "failed": -1.7,
        "crashes": -1.8, "crashed": -1.8, "freezes": -1.5, "died": -1.6, "dies": -1.5, "static": -0.8,
        "prompt": 1.6, "promptly": 1.6, "timely": 1.5, "flavorful": 2.0, "delish": 2.2, "lukewarm": -1.0,
        "cheaply": -1.5, "trash": -2.2, "incredible": 2.6, "unbelievable": 1.0, "tremendous": 2.2,
        "exceptional": 2.6, "outstanding": 3.0, "flawless": 2.8, "seamless": 2.0, "speedy": 1.6, "courteous": 2.2,
        "knowledgeable": 1.8, "professional": 1.4, "unprofessional": -2.2, "shoddy": -2.2, "defect": -1.8,
        "want": 0, "wants": 0, "wanted": 0, "please": 0, "ok": 0, "okay": 0,
    ]

    /// Emoji customers use, where VADER's description words miss the feeling.
    static let emoji: [Unicode.Scalar: Double] = [
        "😡": -2.6, "😠": -2.3, "🤬": -3.0, "😤": -1.9, "😞": -1.9, "😢": -1.8, "😭": -2.0, "😩": -1.9, "😫": -1.9,
        "🙄": -1.4, "😒": -1.5, "👎": -1.9, "💩": -2.0, "👍": 1.9, "🙂": 1.2, "😊": 2.0, "😀": 2.0, "😃": 2.1,
        "😍": 2.6, "🥰": 2.6, "❤": 2.5, "💯": 2.0, "🙏": 1.2, "🎉": 2.2, "👏": 1.9, "😂": 1.4,
    ]

    /// Phrases, scored as one unit.
    static let phrases: [String: Double] = [
        "still waiting": -2.0, "still not": -1.5, "still no": -1.5, "third time": -1.8, "second time": -1.2,
        "fourth time": -2.2, "cancel my account": -2.2, "cancel my subscription": -1.4, "never again": -2.5,
        "never arrived": -2.2, "never received": -2.2, "not received": -1.8, "no response": -1.9,
        "no reply": -1.9, "no one": -1.0, "waste of money": -2.6, "waste of time": -2.4, "rip off": -2.6,
        "fed up": -2.3, "sick of": -2.2, "had enough": -2.0, "not working": -1.8, "doesn't work": -1.8,
        "does not work": -1.8, "stopped working": -2.0, "money back": -0.8, "speak to a manager": -1.5,
        "thank you": 1.8, "thanks a lot": 1.6, "works great": 2.4, "well done": 2.0, "five stars": 2.6,
        "one star": -2.0, "piece of junk": -2.6, "piece of crap": -2.8, "not happy": -2.0, "not good": -1.8,
        "not great": -1.4, "not impressed": -1.8, "thumbs up": 2.2, "thumbs down": -2.2, "send it back": -1.6,
        "sending it back": -1.6, "sent it back": -1.6, "return it": -0.4, "returned it": -0.6, "coming back": 1.2,
        "come back": 0.9, "could not be happier": 3.0, "couldn't be happier": 3.0, "could not be better": 3.0,
        "couldn't be better": 3.0, "can't complain": 1.6, "cannot complain": 1.6, "no complaints": 2.0,
        "no problems": 1.6, "no issues": 1.6, "no problem": 1.2, "nothing bad": 1.8, "not disappointed": 1.8,
        "highly recommend": 3.0, "would recommend": 2.2, "for nothing": -1.0,
        "out of luck": -1.8, "works fine": 1.8, "works well": 2.2, "worked great": 2.4, "works perfectly": 2.8,
        "fell apart": -2.2, "broke after": -2.0, "went wrong": -1.8, "no good": -2.0,
        "what a joke": -2.2, "ten out of ten": 3.0, "10 out of 10": 3.0, "one of the best": 3.0,
        "one of the worst": -3.0, "5 stars": 2.6, "4 stars": 1.8, "1 star": -2.2, "zero stars": -2.6,
        "0 stars": -2.6, "gets the job done": 1.6, "does the job": 1.4, "above and beyond": 2.6, "must visit": 2.0,
        "must have": 2.0, "must buy": 2.2, "waste your money": -2.6, "waste your time": -2.4, "piece of trash": -2.8,
    ]
}
