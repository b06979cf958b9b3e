import CRMCore
import CRMStore

/// The form of a lead routing rule (LP-3, LP-4): name, condition lines (field, operator,
/// value; Ctrl-O adds a line, Ctrl-R removes the focused one), the catch-all checkbox, where
/// matching leads go and the priority they get. Lines are read with `LeadConditionSyntax`, so a
/// wrong operator or amount is reported under its own line with the input kept.
enum LeadRuleForm {
    private static let outcomes = [Choice(id: "user", title: "a user"), Choice(id: "partner", title: "a partner"),
                                   Choice(id: "distribution", title: "a distribution among users"),
                                   Choice(id: "freePool", title: "the free pool")]
    private static let priorities = [Choice(id: "", title: "keep the lead's own")]
        + LeadDraft.Priority.allCases.map { Choice(id: $0.rawValue, title: $0.rawValue) }
    private static let subjects = LeadConditionSyntax.subjects.map { Choice(id: $0.name, title: $0.name) }
    private static let operators = ["is", "contains", "in", "<", "<=", "=", ">=", ">"].map { Choice(id: $0, title: $0) }

    /// The keys of the fields only the form has: the catch-all box, the outcome's target, and
    /// the three fields of each condition line.
    private enum Key {
        static let matchesEveryLead = "matchesEveryLead"
        static let user = "outcome.user"
        static let partner = "outcome.partner"
        static let distribution = "outcome.distribution"
        static let linePrefix = "condition."

        static func subject(_ line: Int) -> String { "\(linePrefix)\(line).subject" }
        static func `operator`(_ line: Int) -> String { "\(linePrefix)\(line).operator" }
        static func value(_ line: Int) -> String { "\(linePrefix)\(line).value" }
    }
    private typealias Field = LeadRule.Field

    static func make(editing stored: StoredLeadRule?, app: AppController) -> FormScreen {
        let users = (try? app.session.database.users.list()) ?? []
        let context = Context(session: app.session, users: users)
        let rule = stored?.rule ?? LeadRule(name: "", outcome: .freePool)
        let version = stored.map(EditedVersion.init(of:))
        let title = stored.map { "Settings › Lead rules › \($0.rule.name)" } ?? "Settings › New lead rule"
        let form = FormScreen(section: .settings, title: title, fields: fields(for: rule, context)) { values, app in
            // Lines and outcome that cannot be read are reported together with the rule's own
            // checks; a line that cannot be read is not also reported as a missing condition.
            let (edited, unreadable) = read(values, context)
            let lineUnreadable = unreadable.keys.contains { $0.hasPrefix(Key.linePrefix) }
            let checks = edited.validate().filter { !lineUnreadable || $0.field != Field.conditions.rawValue }
            let problems = placed(checks, values).merging(unreadable) { _, unreadable in unreadable }
            guard problems.isEmpty else { return .invalid(problems) }
            let rules = app.session.leadRules
            do {
                guard let stored, let version else {
                    return .saved(message: "Created the lead rule “\(try rules.create(edited).rule.name)”")
                }
                let saved = try version.save({ try rules.update(id: stored.id, with: edited, expectedVersion: $0) },
                                             showing: { fields(for: $0.rule, context) })
                return .saved(message: "Saved the lead rule “\(saved.rule.name)”")
            } catch let invalid as ValidationError {
                return .invalid(placed(invalid.errors, values))
            } catch let conflict as FormConflict {
                return .conflict(conflict)
            } catch {
                return .failed(ErrorText.describe(error))
            }
        }
        form.extraActions = [(.formLineAdd, addLine), (.formLineRemove, removeLine)]
        return form
    }

    /// What the form needs to show and read users by name and login.
    private struct Context {
        let session: AppSession
        let users: [User]

        func login(_ id: Int64) -> String { users.first { $0.id == id }?.login ?? "#\(id)" }
        func userID(_ login: String) -> Int64? { users.first { $0.login.lowercased() == login.lowercased() }?.id }
    }

    // MARK: - Fields

    private static func fields(for rule: LeadRule, _ context: Context) -> [FormField] {
        let session = context.session
        var fields = [FormField(Field.name, required: true, text: rule.name)]
        let lines = rule.conditions.isEmpty && !rule.matchesEveryLead ? [nil] : rule.conditions.map { Optional($0) }
        for (index, condition) in lines.enumerated() {
            fields += line(index + 1, condition.map(LeadConditionSyntax.parts(of:)))
        }
        fields.append(FormField(key: Key.matchesEveryLead, label: "Or: match every lead", kind: .checkbox,
                                checked: rule.matchesEveryLead))
        var userChoice: Choice?, partnerChoice: Choice?, distribution = ""
        let kind: String
        switch rule.outcome {
        case .assignee(let id):
            kind = "user"
            userChoice = Choice(id: String(id), title: session.userName(id))
        case .partner(let id):
            kind = "partner"
            partnerChoice = Choice(id: String(id), title: (try? session.database.names.name(.partners, id: id)) ?? "#\(id)")
        case .distribution(let shares):
            kind = "distribution"
            distribution = SellerShareSyntax.format(shares, login: context.login)
        case .freePool:
            kind = "freePool"
        }
        let partners = { (query: String) in
            ((try? session.database.names.find(.partners, matching: query)) ?? []).map { Choice(id: String($0.id), title: $0.name) }
        }
        fields += [
            FormField(Field.outcome, kind: .select(outcomes), required: true, choice: outcomes.first { $0.id == kind }),
            FormField(key: Key.user, label: "  User", kind: .recordPicker(search: session.userChoices(matching:)),
                      choice: userChoice),
            FormField(key: Key.partner, label: "  Partner", kind: .recordPicker(search: partners), choice: partnerChoice),
            FormField(key: Key.distribution, label: "  Shares (login=weight)", kind: .text, text: distribution),
            FormField(Field.priority, kind: .select(priorities), choice: priorities.first { $0.id == (rule.priority?.rawValue ?? "") }),
        ]
        return fields
    }

    /// The three fields of condition line `number`: subject, operator and value.
    private static func line(_ number: Int, _ parts: (subject: LeadConditionSyntax.Subject, operator: String, value: String)?)
        -> [FormField] {
        [FormField(key: Key.subject(number), label: number == 1 ? "When" : "and", kind: .select(subjects),
                   choice: subjects.first { $0.id == parts?.subject.name } ?? subjects.first),
         FormField(key: Key.operator(number), label: "  operator", kind: .select(operators),
                   choice: operators.first { $0.id == parts?.operator } ?? operators.first),
         FormField(key: Key.value(number), label: "  value", kind: .text, text: parts?.value ?? "")]
    }

    /// The numbers of the condition lines, in form order.
    private static func lineNumbers(_ keys: [String]) -> [Int] {
        keys.compactMap { key in
            let parts = key.split(separator: ".")
            return parts.count == 3 && key.hasPrefix(Key.linePrefix) && parts[2] == "subject" ? Int(parts[1]) : nil
        }
    }

    private static func addLine(_ form: FormScreen, _ app: AppController) {
        let numbers = lineNumbers(form.fields.map(\.key))
        let number = (numbers.max() ?? 0) + 1
        var fields = form.fields
        let insertAt = (fields.lastIndex { $0.key.hasPrefix(Key.linePrefix) } ?? 0) + 1
        fields.insert(contentsOf: line(number, nil), at: insertAt)
        form.replaceFields(fields, focusing: Key.subject(number))
    }

    private static func removeLine(_ form: FormScreen, _ app: AppController) {
        let parts = form.focusedKey.split(separator: ".")
        guard parts.count == 3, form.focusedKey.hasPrefix(Key.linePrefix) else {
            app.show(error: "Move to a condition line to remove it")
            return
        }
        let prefix = "\(Key.linePrefix)\(parts[1])."
        form.replaceFields(form.fields.filter { !$0.key.hasPrefix(prefix) }, focusing: nil)
    }

    // MARK: - Reading

    /// The rule as far as it can be read, and the problems of the fields that could not be read
    /// (a line left out, the outcome taken as the free pool meanwhile).
    private static func read(_ values: [String: FormField], _ context: Context) -> (LeadRule, [String: String]) {
        var errors: [String: String] = [:]
        let text = { (key: String) in values[key]?.value.trimmingCharacters(in: .whitespaces) ?? "" }
        var conditions: [LeadCondition] = []
        for number in lineNumbers(Array(values.keys)).sorted() where !text(Key.value(number)).isEmpty {
            do {
                conditions.append(try LeadConditionSyntax.parse(
                    subject: text(Key.subject(number)), operator: text(Key.operator(number)), value: text(Key.value(number))))
            } catch {
                errors[Key.value(number)] = error.message
            }
        }
        var outcome = LeadOutcome.freePool
        switch text(Field.outcome.rawValue) {
        case "user":
            if let id = Int64(text(Key.user)) { outcome = .assignee(id) } else { errors[Key.user] = "Choose the user." }
        case "partner":
            if let id = Int64(text(Key.partner)) { outcome = .partner(id) } else { errors[Key.partner] = "Choose the partner." }
        case "distribution":
            do {
                outcome = .distribution(try SellerShareSyntax.parse(text(Key.distribution), userID: context.userID))
            } catch {
                errors[Key.distribution] = error.message
            }
        default: break
        }
        let rule = LeadRule(name: text(Field.name.rawValue), conditions: conditions,
                            matchesEveryLead: text(Key.matchesEveryLead) == "true", outcome: outcome,
                            priority: LeadDraft.Priority(rawValue: text(Field.priority.rawValue)))
        return (rule, errors)
    }

    /// The rule's field errors put under the form fields they are about.
    private static func placed(_ errors: [FieldError], _ values: [String: FormField]) -> [String: String] {
        let firstLine = lineNumbers(Array(values.keys)).min().map(Key.subject) ?? Key.matchesEveryLead
        let outcomeField = switch values[Field.outcome]?.value {
        case "distribution": Key.distribution
        case "user": Key.user
        case "partner": Key.partner
        default: Field.outcome.rawValue
        }
        return FormConflict.byField(errors.map { error in
            switch error.field {
            case Field.conditions.rawValue: FieldError(field: firstLine, message: error.message)
            case Field.outcome.rawValue: FieldError(field: outcomeField, message: error.message)
            default: error
            }
        })
    }
}
