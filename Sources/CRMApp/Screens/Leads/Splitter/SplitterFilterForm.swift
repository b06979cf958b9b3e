import CRMCore
import CRMStore

/// The form of a splitter filter (LP-6): a name, the lead filter (checked as it is typed, the
/// error naming the token) and lines of a user and a whole percent. Empty lines are ignored;
/// the store's errors land on the line they concern, the "must add up to 100%" one on the last
/// filled percent.
enum SplitterFilterForm {
    typealias Field = LeadSplitFilterDraft.Field

    static func userKey(_ line: Int) -> String { "user.\(line)" }
    static func percentKey(_ line: Int) -> String { "percent.\(line)" }

    static func make(editing filter: LeadSplitFilter?, app: AppController) -> FormScreen {
        let users = (try? app.session.database.users.list()) ?? []
        let choices = [Choice(id: "", title: "—")] + users.map { Choice(id: String($0.id), title: $0.displayName) }
        let draft = filter?.fields ?? LeadSplitFilterDraft()
        let lines = max(4, draft.shares.count + 1)
        let version = filter.map(EditedVersion.init(of:))
        let title = filter.map { "Leads › Splitter › \($0.name)" } ?? "Leads › Splitter › New filter"
        let splitter = app.session.leadSplitter
        let liveChecks: [String: (String) -> String?] = [Field.filter.rawValue: { text in
            text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : (try? splitter.filterProblem(text)) ?? nil
        }]
        return FormScreen(section: .leads, title: title, fields: fields(for: draft, lines: lines, users: choices),
                          liveChecks: liveChecks) { values, _ in
            let (edited, lineOfShare, problems) = read(values, lines: lines)
            let errors = placed(problems + edited.validate(), lineOfShare: lineOfShare)
            guard errors.isEmpty else { return .invalid(errors) }
            return FormConflict.outcome {
                do {
                    guard let filter, let version else {
                        let created = try splitter.create(edited)
                        return "Created the splitter filter “\(created.name)”"
                    }
                    let saved = try version.save({ try splitter.update(id: filter.id, with: edited, expectedVersion: $0) },
                                                 showing: { fields(for: $0.fields, lines: lines, users: choices) })
                    return "Saved the splitter filter “\(saved.name)”"
                } catch let invalid as ValidationError {
                    throw ValidationError(invalid.errors.map { error in
                        FieldError(field: placedKey(error.field, lineOfShare: lineOfShare), message: error.message)
                    })
                }
            }
        }
    }

    static func fields(for draft: LeadSplitFilterDraft, lines: Int, users: [Choice]) -> [FormField] {
        var fields = [
            FormField(key: Field.name.rawValue, label: "Name", kind: .text, required: true, text: draft.name, maxLength: 80),
            FormField(key: Field.filter.rawValue, label: "Leads to take", kind: .text, required: true, text: draft.filter,
                      maxLength: 1_000),
        ]
        for line in 0..<lines {
            let share = draft.shares.indices.contains(line) ? draft.shares[line] : nil
            fields.append(FormField(key: userKey(line), label: "User \(line + 1)", kind: .select(users),
                                    choice: users.first { $0.id == share.map { String($0.userID) } } ?? users.first))
            fields.append(FormField(key: percentKey(line), label: "Share \(line + 1) %", kind: .number,
                                    text: share.map { String($0.percent) } ?? ""))
        }
        return fields
    }

    /// The draft from the form's values, the form line of each share, and the problems: lines
    /// that have a percent but no user, and percents that are not whole numbers.
    private static func read(_ values: [String: FormField], lines: Int)
        -> (LeadSplitFilterDraft, [Int], [FieldError]) {
        let text = { (key: String) in values[key]?.value.trimmingCharacters(in: .whitespaces) ?? "" }
        var draft = LeadSplitFilterDraft(name: text(Field.name.rawValue), filter: text(Field.filter.rawValue))
        var lineOfShare: [Int] = []
        var problems: [FieldError] = []
        var typed = TypedValues(values)
        for line in 0..<lines {
            let percent = text(percentKey(line))
            guard let userID = Int64(text(userKey(line))) else {
                if !percent.isEmpty {
                    problems.append(FieldError(field: userKey(line), message: "Choose who gets this share."))
                }
                continue
            }
            draft.shares.append(LeadShare(userID: userID, percent: typed.whole(percentKey(line)) ?? 0))
            lineOfShare.append(line)
        }
        return (draft, lineOfShare, problems + typed.fieldErrors)
    }

    /// Errors by form key: a share's error on its user line, the total on the last percent.
    private static func placed(_ errors: [FieldError], lineOfShare: [Int]) -> [String: String] {
        FormConflict.byField(errors.map { FieldError(field: placedKey($0.field, lineOfShare: lineOfShare), message: $0.message) })
    }

    private static func placedKey(_ field: String, lineOfShare: [Int]) -> String {
        if field == Field.shares.rawValue { return lineOfShare.last.map(percentKey) ?? userKey(0) }
        let prefix = Field.shares.rawValue + "."
        guard field.hasPrefix(prefix), let index = Int(field.dropFirst(prefix.count)), lineOfShare.indices.contains(index) else {
            return field
        }
        return userKey(lineOfShare[index])
    }
}
