extension CommandID {
    public static let formSave = CommandID(rawValue: "form.save")
    public static let formCancel = CommandID(rawValue: "form.cancel")
    public static let fieldNext = CommandID(rawValue: "field.next")
    public static let fieldPrev = CommandID(rawValue: "field.prev")
    public static let fieldPick = CommandID(rawValue: "field.pick")
    public static let formLineAdd = CommandID(rawValue: "form.line.add")
    public static let formLineRemove = CommandID(rawValue: "form.line.remove")
}

extension CommandRegistry {
    static let forms: [CommandSpec] = [
        CommandSpec(.formSave, "Save", .form, hint: "save"),
        CommandSpec(.formCancel, "Cancel (discard changes)", .form, hint: "cancel", label: "Cancel", caution: .destructive),
        CommandSpec(.fieldNext, "Next field", .form, hint: "next field", inPalette: false),
        CommandSpec(.fieldPrev, "Previous field", .form, inPalette: false),
        CommandSpec(.fieldPick, "Open the picker of this field (calendar, list, search)", .form, label: "Picker"),
        CommandSpec(.formLineAdd, "Add a line (a condition of a lead rule)", .form, label: "Add line"),
        CommandSpec(.formLineRemove, "Remove the focused line", .form, label: "Remove line"),
    ]
}
