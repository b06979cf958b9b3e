/// A stable command id such as `cursor.down`; keymaps bind keys to these names.
///
/// Code names commands only through the constants in `CommandID+Known.swift` (there is no string
/// literal form), so an id cannot be misspelt, built by concatenation or matched by its suffix;
/// keymap files name them by their raw value.
public struct CommandID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

extension CommandID {
    /// Ids that an earlier release had for commands that now have one id in every context
    /// (`detail.edit` and `record.edit` both edit), and what they are called now. Keymap files
    /// that still use them keep working; `crm keys --check` notes the new name.
    public static let renamed: [String: CommandID] = [
        "detail.edit": .recordEdit,
        "detail.delete": .recordDelete,
        "detail.favourite": .recordFavourite,
        "detail.anonymize": .recordAnonymize,
        "detail.open": .recordOpen,
        "detail.menu": .menuContext,
        "detail.tab.next": .tabNext,
        "detail.tab.prev": .tabPrev,
        "detail.down": .cursorDown,
        "detail.up": .cursorUp,
        "detail.page.down": .cursorPageDown,
        "detail.page.up": .cursorPageUp,
        "popup.down": .cursorDown,
        "popup.up": .cursorUp,
    ]
}
