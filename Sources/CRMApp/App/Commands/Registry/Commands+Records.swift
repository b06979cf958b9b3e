extension CommandID {
    public static let recordOpen = CommandID(rawValue: "record.open")
    public static let recordNew = CommandID(rawValue: "record.new")
    public static let recordEdit = CommandID(rawValue: "record.edit")
    public static let recordDelete = CommandID(rawValue: "record.delete")
    public static let recordFavourite = CommandID(rawValue: "record.favourite")
    public static let recordAnonymize = CommandID(rawValue: "record.anonymize")
    public static let recordAccountOpen = CommandID(rawValue: "record.account.open")
    public static let menuContext = CommandID(rawValue: "menu.context")
    public static let filterSaved = CommandID(rawValue: "filter.saved")
    public static let columnsChoose = CommandID(rawValue: "columns.choose")
    public static let filterDefault = CommandID(rawValue: "filter.default")
    public static let recordMoveUp = CommandID(rawValue: "record.move.up")
    public static let recordMoveDown = CommandID(rawValue: "record.move.down")
    public static let currencyBaseEdit = CommandID(rawValue: "currency.base.edit")
    public static let recordActiveToggle = CommandID(rawValue: "record.active.toggle")
    public static let detailContactNew = CommandID(rawValue: "detail.contact.new")
}

extension CommandRegistry {
    static let records: [CommandSpec] = [
        CommandSpec(.recordOpen, "Open the selected record", .list, label: "Open"),
        CommandSpec(.recordNew, "New record", .list, label: "New"),
        CommandSpec(.recordEdit, "Edit", .list),
        CommandSpec(.recordDelete, "Delete", .list, caution: .destructive),
        CommandSpec(.recordFavourite, "Toggle favourite", .list, label: "Favourite"),
        CommandSpec(.recordAnonymize, "Anonymize (erase personal data)", .list, label: "Anonymize",
                    caution: .destructive),
        CommandSpec(.recordAccountOpen, "Open the account the record belongs to (a contact's employer)", .list,
                    label: "Open account"),
        CommandSpec(.menuContext, "Actions on the selected row", .list, label: "More…"),
        CommandSpec(.filterSaved, "Saved filters: apply, save the current view, manage", .list, label: "Saved filters"),
        CommandSpec(.columnsChoose, "Choose the columns shown", .list, label: "Columns"),
        CommandSpec(.filterDefault, "Make the saved filter a role's default", .settings, label: "Role default"),
        CommandSpec(.recordMoveUp, "Move the selected row up (order)", .settings, label: "Move up"),
        CommandSpec(.recordMoveDown, "Move the selected row down (order)", .settings, label: "Move down"),
        CommandSpec(.currencyBaseEdit, "Change the base currency", .settings, label: "Base currency"),
        CommandSpec(.recordActiveToggle, "Switch the selected rule on or off", .settings, label: "On/off"),
        CommandSpec(.detailContactNew, "New employee (personal contact)", .detail, label: "New employee"),
    ]
}
