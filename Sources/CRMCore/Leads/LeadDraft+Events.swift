extension LeadDraft {
    /// What the lead journal records besides the draft's fields: the steps of its life that
    /// actions take (qualify, disqualify, archive, merge, route, share). Declared like the
    /// fields, so the history names them and shows the records they point at, and the lists
    /// filter on those that have a filter name.
    public enum Event: String, DeclaredField {
        case opportunity, account, contact, qualifiedAt, disqualifyReason, archived, duplicateOf, mergedFrom, mergedInto,
             splitFilter, routing, shares

        public var spec: FieldSpec {
            switch self {
            case .opportunity: FieldSpec("Became opportunity", .reference(.opportunity))
            case .account: FieldSpec("Account", .reference(.account))
            case .contact: FieldSpec("Contact", .reference(.contact))
            case .qualifiedAt: FieldSpec("Qualified", .date, filter: FilterName("qualified"))
            case .disqualifyReason: FieldSpec("Reason", .note, history: "Disqualify reason")
            case .archived: FieldSpec("Archived", .flag, filter: FilterName("archived"))
            case .duplicateOf: FieldSpec("Duplicate of", .reference(.lead), filter: FilterName("duplicate", aliases: ["dup"]))
            // "#3002 Ana Novak": the id and the name the merged lead had, kept as written.
            case .mergedFrom: FieldSpec("Merged from", .line)
            case .mergedInto: FieldSpec("Merged into", .reference(.lead))
            case .splitFilter:
                FieldSpec("Splitter filter", .reference(.splitFilter), filter: FilterName("split", aliases: ["splitter"]))
            case .routing: FieldSpec("Routing", .note)
            case .shares: FieldSpec("Shares", .line, filter: FilterName("shares", aliases: ["share"]))
            }
        }
    }
}
