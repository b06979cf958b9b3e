import CRMCore
import TerminalUI

/// What saving a form led to.
public enum SaveOutcome {
    case saved(message: String)
    /// The domain refused some values; each message is shown under its field.
    case invalid([String: String])
    /// Someone else saved first (ST-7): the record as they saved it, as form fields, merged
    /// into the user's input field by field (`FormMerge`).
    case conflict(FormConflict)
    case failed(String)
}

/// A form in the main pane (SH-9): fields with labels, required marks, in-place errors,
/// pickers for dates, selects, multi-selects and records, and Ctrl-S to save.
public final class FormScreen: Screen {
    public let section: Section
    public let breadcrumb: String
    public private(set) var fields: [FormField]
    public private(set) var focus = 0
    private var scroll = 0
    private let onSave: ([String: FormField], AppController) -> SaveOutcome
    private var topMessage: String?
    /// Labels of the fields a merge took from someone else's save, for the saved message.
    private var takenFromOthers: [String] = []
    /// Commands a particular form adds (such as adding a condition line), listed in its sidebar.
    public var extraActions: [(command: CommandID, run: (FormScreen, AppController) -> Void)] = []
    /// Checks run on a field's value as it is typed (by field key), e.g. a filter that does not
    /// compile; the message shows under the field at once instead of at save.
    private let liveChecks: [String: (String) -> String?]

    public init(section: Section, title: String, fields: [FormField], liveChecks: [String: (String) -> String?] = [:],
                onSave: @escaping ([String: FormField], AppController) -> SaveOutcome) {
        self.section = section
        breadcrumb = title
        self.fields = fields
        self.liveChecks = liveChecks
        self.onSave = onSave
    }

    public var contexts: [KeyContext] { [.form] }
    public var isTyping: Bool { true }
    public var isDirty: Bool { fields.contains(where: \.isChanged) }

    public func field(_ key: String) -> FormField? { fields.first { $0.key == key } }

    /// The key of the focused field.
    public var focusedKey: String { fields[focus].key }

    /// Replaces the fields (a form whose lines grow and shrink), keeping what each kept field
    /// holds; the focus goes to `key` when it is among them.
    public func replaceFields(_ newFields: [FormField], focusing key: String?) {
        fields = newFields
        focus = newFields.firstIndex { $0.key == key } ?? min(focus, newFields.count - 1)
    }

    // MARK: - Keys

    public func handleKey(_ event: KeyEvent, app: AppController) -> Bool {
        // The field goes back where it came from, even when the key moved the focus on.
        let index = focus
        var field = fields[index]
        let before = field.value
        defer {
            // Editing a field answers its error (unless its live check still finds one); the
            // next save checks it again. Editing a field both users changed keeps the user's.
            if field.value != before {
                field.error = liveChecks[field.key]?(field.value)
                field.conflict = nil
            }
            fields[index] = field
        }
        if field.conflict != nil, event.key == .enter, event.modifiers.isEmpty {
            chooseBetweenVersions(app: app)
            return true
        }
        switch field.kind {
        case .checkbox:
            guard event.typedCharacter == " " else { return false }
            field.isChecked.toggle()
            return true
        case .select(let choices):
            return cycle(&field, choices: choices, event: event)
        case .multiSelect:
            guard event.typedCharacter == " " || event.key == .enter else { return false }
            openPicker(app: app)
            return true
        case .recordPicker:
            if event.key == .enter { openPicker(app: app); return true }
            if event.key == .backspace || event.key == .delete { field.choice = nil; return true }
            if event.typedCharacter != nil { openPicker(app: app, typed: event); return true }
            return false
        case .date:
            if event.key == .enter { openPicker(app: app); return true }
            return type(event, into: &field, app: app)
        case .multiline:
            return type(event, into: &field, app: app)
        case .text, .number, .money, .time:
            if event.key == .enter, event.modifiers.isEmpty {
                moveFocus(by: 1)
                return true
            }
            return type(event, into: &field, app: app)
        }
    }

    /// Edits a text field with `event`; a character that no longer fits says so, rather than a
    /// paste being cut short without a word.
    private func type(_ event: KeyEvent, into field: inout FormField, app: AppController) -> Bool {
        let wasFull = field.input.text.count >= field.input.maxLength
        let handled = field.input.apply(event)
        if wasFull, event.typedCharacter != nil {
            app.show(error: "\(field.label) takes at most \(field.input.maxLength) characters; the rest was not typed")
        }
        return handled
    }

    private func cycle(_ field: inout FormField, choices: [Choice], event: KeyEvent) -> Bool {
        guard !choices.isEmpty else { return false }
        let index = choices.firstIndex { $0.id == field.choice?.id } ?? -1
        switch event.key {
        case .char(" "), .right: field.choice = choices[(index + 1) % choices.count]
        case .left: field.choice = choices[(index - 1 + choices.count) % choices.count]
        default:
            // A typed letter picks the next choice starting with it, as in a menu, and never
            // reaches the screen's shortcuts while a choice field has the focus.
            guard let typed = event.typedCharacter else { return false }
            let letter = SearchText.fold(String(typed))
            let order = (1...choices.count).map { (index + $0 + choices.count) % choices.count }
            if let next = order.first(where: { SearchText.fold(choices[$0].title).hasPrefix(letter) }) {
                field.choice = choices[next]
            }
        }
        return true
    }

    /// Save, cancel (also Esc, asking first when something was typed), the field picker, the
    /// form's own additions, and moving between fields.
    public func commands(app: AppController) -> [Command] {
        let cancel = { [unowned self] (app: AppController) in
            if isDirty {
                app.confirm("Discard your changes?", detail: "What you typed in this form will be lost.") { app in app.pop() }
            } else {
                app.pop()
            }
        }
        return [
            Command(.formSave, [.sidebar]) { [unowned self] app in save(app: app) },
            Command(.formCancel, [.sidebar], action: cancel),
            Command(.fieldPick, [.sidebar]) { [unowned self] app in
                if fields[focus].conflict != nil { chooseBetweenVersions(app: app) } else { openPicker(app: app) }
            },
        ] + extraActions.map { extra in Command(extra.command, [.sidebar]) { [unowned self] app in extra.run(self, app) } } + [
            Command(.fieldNext) { [unowned self] _ in moveFocus(by: 1) },
            Command(.fieldPrev) { [unowned self] _ in moveFocus(by: -1) },
            Command(.screenBack, action: cancel),
        ]
    }

    private func moveFocus(by step: Int) {
        focus = (focus + step + fields.count) % fields.count
    }

    private func openPicker(app: AppController, typed: KeyEvent? = nil) {
        let index = focus
        switch fields[index].kind {
        case .date:
            let start = try? DateInput.day(fields[index].input.text, today: app.session.database.today)
            app.present(CalendarPopup(start: start) { [weak self] date, _ in
                self?.fields[index].input.set(date.description)
                self?.fields[index].error = nil
            })
        case .select(let choices):
            let current = choices.firstIndex { $0.id == fields[index].choice?.id } ?? 0
            app.present(MenuPopup(title: fields[index].label, items: choices.map { choice in
                MenuItem(title: choice.title) { [weak self] _ in self?.fields[index].choice = choice }
            }, selected: current))
        case .multiSelect(let choices):
            app.present(ChecklistPopup(title: fields[index].label, choices: choices, chosen: fields[index].chosen) {
                [weak self] chosen in
                self?.fields[index].chosen = chosen
                self?.fields[index].error = nil
            })
        case .recordPicker(let search):
            let popup = MenuPopup(title: fields[index].label, emptyText: "Type to search") { query in
                search(query).map { choice in
                    MenuItem(title: choice.title) { [weak self] _ in
                        self?.fields[index].choice = choice
                        self?.fields[index].error = nil
                    }
                }
            }
            if let typed { popup.handleKey(typed, command: nil, app: app) }
            app.present(popup)
        default:
            app.show(message: "\(fields[index].label) has no picker")
        }
    }

    /// Offers the user's and the other user's value of the focused field, which both changed.
    private func chooseBetweenVersions(app: AppController) {
        let index = focus
        guard let conflict = fields[index].conflict else { return }
        func shown(_ field: FormField) -> String { field.displayValue.isEmpty ? "(empty)" : field.displayValue }
        app.present(MenuPopup(title: fields[index].label, items: [
            MenuItem(title: "Keep yours: " + shown(fields[index])) { [weak self] _ in self?.fields[index].conflict = nil },
            MenuItem(title: "Take theirs: " + shown(conflict.theirs)) { [weak self] _ in
                self?.fields[index].adopt(conflict.theirs)
                self?.fields[index].conflict = nil
            },
        ]))
    }

    // MARK: - Saving

    private func save(app: AppController, retryingAfterMerge: Bool = true) {
        if let disputed = fields.firstIndex(where: { $0.conflict != nil }) {
            focus = disputed
            app.show(error: "You and someone else both changed \(fields[disputed].label): press Enter on it to keep yours or take theirs")
            return
        }
        var firstError: Int?
        let today = app.session.database.today
        for index in fields.indices {
            fields[index].error = fields[index].localError(today: today)
            if fields[index].error != nil, firstError == nil { firstError = index }
        }
        if let firstError {
            focus = firstError
            app.show(error: "Please correct the marked fields")
            return
        }
        let byKey = Dictionary(fields.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        switch onSave(byKey, app) {
        case .saved(let message):
            app.pop()
            app.show(message: takenFromOthers.isEmpty ? message
                : message + " — with someone else's change to " + takenFromOthers.joined(separator: ", ") + " kept")
        case .invalid(let errors):
            for index in fields.indices { fields[index].error = errors[fields[index].key] }
            focus = fields.firstIndex { $0.error != nil } ?? focus
            app.show(error: "Please correct the marked fields")
        case .conflict(let conflict):
            var merge = FormMerge()
            merge.merge(&fields, with: conflict.fresh)
            takenFromOthers += merge.taken
            topMessage = conflict.decision ?? merge.message(noun: conflict.noun)
            if let decision = conflict.decision {
                app.show(error: decision)
                return
            }
            if merge.disputed.isEmpty, retryingAfterMerge {
                // Nothing to decide: the user's changes go on top of theirs at once.
                save(app: app, retryingAfterMerge: false)
                return
            }
            focus = fields.firstIndex { $0.conflict != nil } ?? focus
            app.show(error: merge.statusText)
        case .failed(let message):
            app.show(error: message)
        }
    }

    // MARK: - Drawing

    public func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let theme = app.theme
        var y = rect.y + 1
        if let topMessage {
            for line in TextWrap.lines(topMessage, width: rect.width - 2).prefix(3) {
                buffer.write(line, x: rect.x + 1, y: y, style: theme.error, maxWidth: rect.width - 2)
                y += 1
            }
            y += 1
        }
        let labelWidth = min(26, max(12, (fields.map { DisplayWidth.of($0.label) + ($0.required ? 2 : 0) }.max() ?? 10) + 3))
        let valueWidth = max(10, rect.width - labelWidth - 3)
        let heights = fields.map { $0.rowCount + ($0.error != nil || $0.conflict != nil ? 1 : 0) }
        let available = rect.maxY - y
        if focus < scroll { scroll = focus }
        while scroll < focus, heights[scroll...focus].reduce(0, +) > available { scroll += 1 }
        if scroll > 0 { buffer.write("↑ more", x: rect.maxX - 8, y: rect.y, style: theme.dim) }
        for index in scroll..<fields.count {
            let field = fields[index]
            guard y + field.rowCount <= rect.maxY else {
                buffer.write("↓ more", x: rect.maxX - 8, y: rect.maxY - 1, style: theme.dim)
                break
            }
            let focused = index == focus
            let label = field.label + (field.required ? " *" : "")
            buffer.write(label, x: rect.x + 1, y: y, style: focused ? theme.accent : theme.plain, maxWidth: labelWidth - 1)
            renderValue(field, focused: focused, into: &buffer, x: rect.x + labelWidth, y: y, width: valueWidth, theme: theme)
            y += field.rowCount
            if let error = field.error {
                buffer.write("✗ " + error, x: rect.x + labelWidth, y: y, style: theme.error, maxWidth: valueWidth)
                y += 1
            } else if let conflict = field.conflict {
                let theirs = conflict.theirs.displayValue.isEmpty ? "(empty)" : conflict.theirs.displayValue
                buffer.write("≠ someone else saved: " + theirs + " · Enter to choose",
                             x: rect.x + labelWidth, y: y, style: theme.error, maxWidth: valueWidth)
                y += 1
            }
        }
    }

    private func renderValue(_ field: FormField, focused: Bool, into buffer: inout ScreenBuffer,
                             x: Int, y: Int, width: Int, theme: Theme) {
        let style = focused ? theme.input : theme.plain
        switch field.kind {
        case .multiline:
            let lines = field.input.text.split(separator: "\n", omittingEmptySubsequences: false)
            for row in 0..<field.rowCount {
                buffer.fill(Rect(x: x, y: y + row, width: width, height: 1), style: style)
                if row < lines.count { buffer.write(String(lines[row]), x: x, y: y + row, style: style, maxWidth: width) }
            }
            if focused {
                field.input.render(into: &buffer, x: x, y: y + field.rowCount - 1, width: width, style: theme.input, showCursor: true)
            }
        case .text, .number, .date, .time, .money:
            var width = width
            if case .money(let currencyField) = field.kind {
                // The currency as picked now, not as the form opened.
                buffer.write(self.field(currencyField)?.value ?? "", x: x + width - 3, y: y, style: theme.dim, maxWidth: 3)
                width -= 4
            }
            if case .date = field.kind, focused { width -= 12 }
            field.input.render(into: &buffer, x: x, y: y, width: width, style: style, showCursor: focused)
            if case .date = field.kind, focused { buffer.write(" ⏎ calendar", x: x + width, y: y, style: theme.dim) }
        case .select, .multiSelect, .recordPicker, .checkbox:
            buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
            var shown = field.displayValue
            if case .multiSelect = field.kind {
                if shown.isEmpty { shown = "none" }
                if focused { shown += "  (Space to choose)" }
            }
            if case .recordPicker = field.kind, focused { shown += shown.isEmpty ? "(Enter to search)" : "  (Enter to change)" }
            if case .select = field.kind, focused { shown = "‹ " + shown + " ›" }
            var used = 0
            if field.displayValue.isEmpty, let placeholder = field.placeholder {
                // What an empty value means ("by the lead rules"), dimmed, before the hint.
                used = buffer.write(placeholder, x: x, y: y, style: style.with(.dim), maxWidth: width) + 2
            }
            buffer.write(shown, x: x + used, y: y, style: style, maxWidth: max(0, width - used))
        }
    }

    public func reload(app: AppController) {}
}
