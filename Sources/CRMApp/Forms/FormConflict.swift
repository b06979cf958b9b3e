import CRMCore

/// Thrown by a form's save closure when the record changed meanwhile (ST-7); carries the
/// fresh record as form fields so the form can show it beside the user's own input.
struct FormConflict: Error {
    let fresh: [FormField]
    let message: String

    /// Runs a save and turns its result or error into what the form shows.
    static func outcome(_ body: () throws -> String) -> SaveOutcome {
        do {
            return .saved(message: try body())
        } catch let conflict as FormConflict {
            return .conflict(fresh: conflict.fresh, message: conflict.message)
        } catch let invalid as ValidationError {
            return .invalid(byField(invalid.errors))
        } catch {
            return .failed(ErrorText.describe(error))
        }
    }

    static func byField(_ errors: [FieldError]) -> [String: String] {
        Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
    }

    /// The sentence shown on a conflict.
    static func message(_ stale: CustomStringConvertible) -> String {
        stale.description + " Save again to keep your version."
    }
}
