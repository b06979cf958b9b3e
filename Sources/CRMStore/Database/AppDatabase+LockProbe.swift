extension AppDatabase {
    /// How long taking the write lock takes right now: the time an empty IMMEDIATE transaction
    /// waits before it begins (it writes nothing). `crm bench --intake` samples it beside the
    /// intake load to show how long a person's save would wait for the lock.
    public func timeToTakeWriteLock() throws -> Duration {
        let started = ContinuousClock.now
        try write { _ in }
        return .now - started
    }
}
