extension EntityKind {
    /// The declaration of the field the journal of this kind of record names `key`, or `nil`
    /// for a key no record declares (the history then shows the key itself).
    public func field(journalKey key: String) -> FieldSpec? {
        switch self {
        case .account: AccountDraft.Field(rawValue: key)?.spec
        case .lead: (LeadDraft.Field(rawValue: key)?.spec ?? LeadDraft.Event(rawValue: key)?.spec)
        default: nil
        }
    }
}
