import GRDB

extension Row {
    /// The enum stored as text in `column`; an unknown value means the file was damaged or
    /// written by another program, and is reported as a corrupt database.
    func decode<Value: RawRepresentable>(_ column: String) throws -> Value where Value.RawValue == String {
        let raw: String = self[column]
        guard let value = Value(rawValue: raw) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "unknown value \"\(raw)\" in column \(column)")
        }
        return value
    }
}
