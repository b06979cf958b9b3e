import GRDB

/// The `lead_rules` table: its name and its columns, named once for writes and reads.
enum LeadRuleTable {
    static let name = "lead_rules"

    /// 1 for the rule tried first, without gaps.
    static let position = Column("position")
    static let ruleName = Column("name")
    /// The rule's conditions and outcome as JSON (`LeadRuleJSON`).
    static let definition = Column("definition")
    static let isActive = Column("is_active")
    /// Where a distribution rule's dealing stands, as JSON; NULL for other rules.
    static let distributionState = Column("distribution_state")
}
