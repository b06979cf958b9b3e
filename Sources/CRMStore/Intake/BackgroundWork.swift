import Foundation

/// Work started on a Dispatch thread now and collected later, so a caller can overlap it with
/// its own (intake screens the next chunk of a batch while the current one is written).
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the work before `done` is signalled; read only after waiting for it.
    private var value: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.value = work()
            self.done.signal()
        }
    }

    /// Waits for the work to end and returns what it made; call it once.
    func result() -> Value {
        done.wait()
        return value!
    }
}
