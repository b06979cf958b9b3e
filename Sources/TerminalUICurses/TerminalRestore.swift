import CNcurses
#if canImport(Glibc)
import Glibc
#endif

/// Puts the terminal back however the process ends while curses is active.
///
/// `CursesTerminal.shutdown()` covers normal exits and thrown errors. This covers the rest:
/// termination signals restore the terminal and exit with 128 + signal (Ctrl-C gives 130);
/// crash signals restore it, write a report (the runtime's fatal-error line, the signal and the
/// stack) to a file, say so in one line and end the process with the signal's default action:
/// Swift's own backtracer is not called, because it would hold a user over SSH for 30 s in an
/// interactive prompt with registers and memory on the screen. `exit()` from anywhere restores
/// the terminal too.
enum TerminalRestore {
    private static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    private static let crashing: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT]

    /// Call before `newterm`: curses then leaves these signals to us instead of installing
    /// its own SIGINT/SIGTERM handler (which would exit with status 1).
    static func install(crashReport: String?) {
        if let crashReport {
            crm_prepare_crash_report(crashReport, """
                \r\ncrm stopped on an internal error. What you saved is safe (a save is all or nothing); \
                what you were typing is lost.\r\nA report for your administrator is in \(crashReport)\r\n
                """)
        }
        _ = registerExitHook
        for signal in terminating { crm_catch_signal(signal, exitAfterRestoring) }
        for signal in crashing { crm_catch_signal(signal, crashAfterRestoring) }
        if !jobControlAvailable { crm_catch_signal(SIGTSTP, SIG_IGN) }
    }

    /// Puts back the handlers `install` replaced, and standard error.
    static func uninstall() {
        crm_end_crash_report()
        for signal in terminating + crashing { crm_release_signal(signal) }
        if !jobControlAvailable { crm_release_signal(SIGTSTP) }
    }

    /// Whether a job-control shell can resume us after Ctrl-Z. Such a shell puts each job in
    /// its own process group; when ours is the session's own group (crm started by sshd as a
    /// forced command, or straight from tmux), nobody would send SIGCONT and the session would
    /// hang, so Ctrl-Z is ignored instead.
    private static var jobControlAvailable: Bool { getpgrp() != getsid(0) }

    private static let registerExitHook: Void = { _ = atexit(restoreTerminal) }()
}

/// Signal handlers and the exit hook: plain C function pointers that touch no Swift state.
private func restoreTerminal() {
    if !isendwin() { endwin() }
}

private func exitAfterRestoring(_ signal: Int32) {
    restoreTerminal()
    _exit(128 + signal)
}

private func crashAfterRestoring(_ signal: Int32) {
    restoreTerminal()
    crm_write_crash_report(signal)
    _ = Glibc.signal(signal, SIG_DFL)
    // A faulting instruction faults again on return and now ends the process; a signal that
    // was sent (abort, a trap, kill) is sent again.
    raise(signal)
}
