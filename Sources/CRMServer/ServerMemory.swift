#if canImport(Glibc)
import Glibc

/// Keeps `crm serve`'s memory near what it uses. glibc's allocator gives each thread that
/// allocates its own arena and keeps freed memory for reuse, so a server whose Dispatch threads
/// take turns reading batches of several megabytes sits at the sum of their peaks. Two arenas
/// and handing freed memory back after each batch keep it near one batch's worth.
///
/// Swift's Glibc module does not import `malloc.h`, so both calls are looked up by name.
enum ServerMemory {
    /// Limits the allocator to two arenas; call before the server starts its threads.
    static func limitArenas() {
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mArenaMax: Int32 = -8  // M_ARENA_MAX in malloc.h
        _ = unsafeBitCast(symbol, to: Mallopt.self)(mArenaMax, 2)
    }

    /// Gives memory freed since the last call back to the system.
    static func returnFreedMemory() {
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    }
}
#else
enum ServerMemory {
    static func limitArenas() {}
    static func returnFreedMemory() {}
}
#endif
