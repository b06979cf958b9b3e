import CRMCore

/// Thrown by a form's save closure when the record changed meanwhile (ST-7); carries the
/// fresh record as form fields so the form can merge it with the user's input (`FormMerge`).
/// Unchecked: it is thrown and caught on the main loop only, and form fields hold pickers'
/// search closures, which are not `Sendable`.
public struct FormConflict: Error, @unchecked Sendable {
    let fresh: [FormField]
    /// What the record is called in messages ("account", "lead").
    let noun: String
    /// Set when the conflict asks the user to decide even where no field is disputed (someone
    /// else moved a card this form moves): what to tell them. The form then never saves by itself.
    let decision: String?

    init(fresh: [FormField], noun: String, decision: String? = nil) {
        self.fresh = fresh
        self.noun = noun
        self.decision = decision
    }

    /// Runs a save and turns its result or error into what the form shows.
    static func outcome(_ body: () throws -> String) -> SaveOutcome {
        do {
            return .saved(message: try body())
        } catch let conflict as FormConflict {
            return .conflict(conflict)
        } catch let invalid as ValidationError {
            return .invalid(byField(invalid.errors))
        } catch {
            return .failed(ErrorText.describe(error))
        }
    }

    static func byField(_ errors: [FieldError]) -> [String: String] {
        Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
    }
}
