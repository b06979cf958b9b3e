/// Where a screen lists a command besides its keys, the palette and the help.
public struct CommandPlacement: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The sidebar's list of actions (SH-2).
    public static let sidebar = CommandPlacement(rawValue: 1 << 0)
    /// The context menu (`m`) of the selected row or the record shown.
    public static let menu = CommandPlacement(rawValue: 1 << 1)
}

/// One thing a screen can do, declared once: which command it is, where it is listed, whether
/// it can run now (and if not, why), and what it does.
///
/// A screen's `commands(app:)` is the only list of what it does: the keys (through the keymap),
/// the sidebar, the context menu, the palette and the help are all derived from it, so a command
/// is added to a screen in one place. The list is built when asked for, from the screen's state
/// of the moment, so reasons are always current; building it must not read the store.
public struct Command {
    public let id: CommandID
    public var placement: CommandPlacement
    /// Why the command cannot run now, as a sentence for the status line ("A qualified lead
    /// cannot be disqualified"); nil when it can.
    public var unavailableReason: String?
    /// The context menu's words for it when they differ from the registry's title ("Qualify…").
    public var menuTitle: String?
    /// The sidebar's words for it when they differ from the registry's label ("Next view").
    public var label: String?
    let action: (AppController) -> Void

    public init(_ id: CommandID, _ placement: CommandPlacement = [], menuTitle: String? = nil, label: String? = nil,
                unavailable reason: String? = nil, action: @escaping (AppController) -> Void) {
        self.id = id
        self.placement = placement
        self.menuTitle = menuTitle
        self.label = label
        unavailableReason = reason
        self.action = action
    }

    /// A command on `subject` — the selected row, the record shown — which is unavailable with
    /// `missing` as its reason while there is none.
    public static func on<Subject>(_ subject: Subject?, _ id: CommandID, _ placement: CommandPlacement = [],
                                   menuTitle: String? = nil, label: String? = nil, missing: String,
                                   unavailable reason: (Subject) -> String? = { _ in nil },
                                   action: @escaping (Subject, AppController) -> Void) -> Command {
        guard let subject else {
            return Command(id, placement, menuTitle: menuTitle, label: label, unavailable: missing) { _ in }
        }
        return Command(id, placement, menuTitle: menuTitle, label: label, unavailable: reason(subject)) { app in
            action(subject, app)
        }
    }

    /// The `m` key: the context menu of the commands placed in `.menu`, titled `title`.
    public static func contextMenu(titled title: String?, _ placement: CommandPlacement = [.sidebar]) -> Command {
        Command(.menuContext, placement, unavailable: title == nil ? "Nothing is selected here" : nil) { app in
            app.openContextMenu(titled: title ?? "")
        }
    }

    /// The same command listed in `placement` instead.
    public func placed(_ placement: CommandPlacement) -> Command {
        var copy = self
        copy.placement = placement
        return copy
    }

    /// Runs it, or says on the status line why it cannot run now.
    func run(app: AppController) {
        if let unavailableReason {
            app.show(error: unavailableReason)
        } else {
            action(app)
        }
    }

    /// The title the context menu shows.
    var titleInMenu: String { menuTitle ?? CommandRegistry.title(id) }
    /// The words the sidebar shows.
    var labelInSidebar: String { label ?? CommandRegistry.label(id) }
}

extension Array where Element == Command {
    /// The command `id` of this list; the first wins when panes of one screen share an id (the
    /// focused pane's commands come first).
    func first(_ id: CommandID) -> Command? { first { $0.id == id } }

    /// The commands placed in `placement`, in declaration order, each id once.
    func placed(in placement: CommandPlacement) -> [Command] {
        var seen = Set<CommandID>()
        return filter { $0.placement.contains(placement) && seen.insert($0.id).inserted }
    }
}

extension Command {
    /// The same command, listed and titled alike, that runs `action` instead.
    private func running(_ action: @escaping (AppController) -> Void) -> Command {
        Command(id, placement, menuTitle: menuTitle, label: label, unavailable: unavailableReason, action: action)
    }

    /// The same action under another id, so that a second command's keys run it too (`n` adds a
    /// consultant where `N` does).
    public func renamed(_ id: CommandID) -> Command {
        Command(id, placement, menuTitle: menuTitle, label: label, unavailable: unavailableReason, action: action)
    }

    /// The same command followed by `after` when it ran.
    public func then(_ after: @escaping (AppController) -> Void) -> Command {
        running { [action] app in
            action(app)
            after(app)
        }
    }
}
