extension LeadDraft.Field {
    /// The field as rule explanations name it, mid-sentence: its declared label with a lower-case
    /// first letter ("country", "e-mail"), abbreviations kept ("UTM source").
    public var ruleLabel: String {
        let label = spec.label
        guard let first = label.first, label.dropFirst().first?.isUppercase != true else { return label }
        return first.lowercased() + label.dropFirst()
    }
}
