/// Where a binding applies. The focused screen builds a stack of these, most specific first.
public enum KeyContext: String, CaseIterable, Sendable {
    case popup, form, board, opportunity, partner, lead, merge, splitter, settings, list, detail, global

    public var title: String {
        switch self {
        case .popup: return "Popups and menus"
        case .form: return "Forms"
        case .board: return "Kanban board"
        case .opportunity: return "Opportunities (list, board and detail)"
        case .partner: return "Partners (list and detail)"
        case .lead: return "Leads"
        case .merge: return "Merging duplicate leads"
        case .splitter: return "Splitter control"
        case .settings: return "Settings and saved filters (ordering, defaults)"
        case .list: return "Lists"
        case .detail: return "Record details"
        case .global: return "Everywhere"
        }
    }

    /// Keys the app itself runs whatever the screen (global ones, and popups'); the others are
    /// the screen's, which says which of them it acts on (`Screen.offers`).
    public var isAppWide: Bool { self == .global || self == .popup }
}

/// How careful the command palette is with a command, so that Enter on a palette opened by
/// mistake does no harm.
public enum CommandCaution: Sendable {
    /// Harmless to run by accident.
    case none
    /// Deletes, erases or discards (after asking): never the first entry before anything is typed.
    case destructive
    /// Leaves the app: listed only once its name (or a synonym) is typed, three letters at least.
    case exit
}

/// One command: its id, what it does (shown in help, palette and sidebar) and where it applies.
public struct CommandSpec: Sendable {
    public let id: CommandID
    public let title: String
    public let context: KeyContext
    /// Whether the command palette offers it (cursor motions are not worth listing there).
    public let inPalette: Bool
    /// A few words for the narrow sidebar ("New", "Filter"); the title when not given.
    public let label: String
    public let caution: CommandCaution
    /// A word or two for the status-line hints ("save"); only the commands hinted there have one.
    public let hint: String?

    public init(_ id: CommandID, _ title: String, _ context: KeyContext, hint: String? = nil, inPalette: Bool = true,
                label: String? = nil, caution: CommandCaution = .none) {
        self.id = id
        self.title = title
        self.context = context
        self.inPalette = inPalette
        self.label = label ?? title
        self.caution = caution
        self.hint = hint
    }
}
