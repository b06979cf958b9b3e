import Foundation
import GRDB

extension AppDatabase {
    /// Copies the database into the new file `path` with SQLite's online backup, from one
    /// consistent read, while everyone keeps working: a backup holds whole transactions only.
    /// The copy is written beside `path` and renamed at the end, so an interrupted backup never
    /// leaves a file that looks complete. `progress` gets the share copied, from 0 to 1.
    public func backup(to path: String, progress: @escaping (Double) -> Void = { _ in }) throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.notEmpty(path) }
        let partial = path + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            let destination = try DatabaseQueue(path: partial)
            try writer.backup(to: destination, pagesPerStep: 4_096) { step in
                progress(step.totalPageCount == 0 ? 1 : Double(step.completedPageCount) / Double(step.totalPageCount))
            }
            try destination.close()
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }
}
