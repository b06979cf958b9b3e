import TerminalUI

/// The page of a menu section that is not built yet: says what will be there, never crashes.
final class ComingSoonScreen: Screen {
    let section: Section

    init(section: Section) {
        self.section = section
    }

    var breadcrumb: String { section.title }
    var contexts: [KeyContext] { [] }

    func handle(_ command: CommandID, app: AppController) -> Bool { false }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let theme = app.theme
        buffer.write(section.title, x: rect.x + 2, y: rect.y + 1, style: theme.header)
        buffer.write("Coming in a later release.", x: rect.x + 2, y: rect.y + 3, style: theme.accent)
        let words = section.plannedFeatures.split(separator: " ")
        var line = "", y = rect.y + 5
        for word in words {
            if DisplayWidth.of(line + " " + word) > rect.width - 4 {
                buffer.write(line, x: rect.x + 2, y: y, style: theme.plain)
                y += 1
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        buffer.write(line, x: rect.x + 2, y: y, style: theme.plain)
        let accountsKey = app.bindings.keyLabel(for: "go.accounts", in: []) ?? "g a"
        let contactsKey = app.bindings.keyLabel(for: "go.contacts", in: []) ?? "g p"
        buffer.write("Accounts (\(accountsKey)) and personal contacts (\(contactsKey)) are ready to use.",
                     x: rect.x + 2, y: y + 2, style: theme.dim, maxWidth: rect.width - 4)
    }
}

/// Builds the first screen of each menu section.
enum ScreenFactory {
    static func root(for section: Section, app: AppController) -> Screen {
        switch section {
        case .accounts: return AccountListScreen(app: app)
        case .contacts: return ContactListScreen(app: app)
        case .opportunities: return BoardScreen()
        case .settings: return SettingsScreen(app: app)
        case .leads: return LeadListScreen(app: app)
        case .tasks: return TasksHomeScreen(app: app)
        case .partners: return PartnerListScreen(app: app)
        default: return ComingSoonScreen(section: section)
        }
    }
}
