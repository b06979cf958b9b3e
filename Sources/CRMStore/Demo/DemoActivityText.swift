/// The words of demo activities: per category, typical durations, outcomes and descriptions.
enum DemoActivityText {
    struct Entry {
        let minutes: Int
        let outcome: String
        let description: String
    }

    private static let outcomes: [String: [String]] = [
        "Call": ["Reached the buyer", "Left a voicemail", "Call back next week", "Asked for a quote",
                 "Budget confirmed", "Not interested this year"],
        "Meeting": ["Demo went well", "Agreed next steps", "Met the technical team", "Negotiated the discount",
                    "Signed the letter of intent"],
        "E-mail": ["Sent the proposal", "Sent the price list", "Answered questions", "Sent the contract draft",
                   "Followed up on the offer"],
        "Note": ["Competitor is cheaper", "Decision in Q3", "New procurement contact", "Prefers annual billing"],
    ]

    private static let details = [
        "They compare us with two other vendors.",
        "The purchasing manager joins the next round.",
        "Wants references from their industry.",
        "Delivery dates matter more than price.",
        "Renewal of the current contract is due in autumn.",
        "Asked about training for twenty users.",
        "Legal reviews the terms first.",
    ]

    private static let durations: [String: [Int]] = [
        "Call": [5, 10, 15, 20, 30], "Meeting": [30, 45, 60, 90, 120], "E-mail": [0, 5, 10], "Note": [0],
    ]

    /// An entry for a category; categories other than the seeded four get generic words.
    static func entry(for category: String, random: inout SplitMix64) -> Entry {
        let outcome = random.pick(outcomes[category] ?? ["Done"])
        var description = random.pick(details)
        if random.chance(0.3) { description += "\n" + random.pick(details) }
        return Entry(minutes: random.pick(durations[category] ?? [15]), outcome: outcome, description: description)
    }
}
