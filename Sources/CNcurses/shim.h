// What Swift needs from ncursesw but cannot import directly: macros, and C globals that
// Swift 6 rejects as "not concurrency-safe". Everything else is imported from the headers.
#ifndef CRM_CNCURSES_SHIM_H
#define CRM_CNCURSES_SHIM_H

// Without these two the wide-character API (cchar_t, wget_wch, setcchar) is missing.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <locale.h>
#include <execinfo.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// MARK: Globals

static inline WINDOW *crm_stdscr(void) { return stdscr; }
static inline int crm_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *crm_stdin(void) { return stdin; }
static inline FILE *crm_stdout(void) { return stdout; }

// MARK: Macros

static inline int crm_columns(WINDOW *window) {
    int rows, columns;
    getmaxyx(window, rows, columns);
    (void)rows;
    return columns;
}

static inline int crm_rows(WINDOW *window) {
    int rows, columns;
    getmaxyx(window, rows, columns);
    (void)columns;
    return rows;
}

static inline attr_t crm_attr_normal(void) { return WA_NORMAL; }
static inline attr_t crm_attr_bold(void) { return WA_BOLD; }
static inline attr_t crm_attr_underline(void) { return WA_UNDERLINE; }
static inline attr_t crm_attr_reverse(void) { return WA_REVERSE; }
static inline attr_t crm_attr_dim(void) { return WA_DIM; }

// MARK: Cells with extended (int) colour pairs, passed through the `opts` pointer

static inline int crm_setcchar(cchar_t *cell, const wchar_t *text, attr_t attributes, int pair) {
    return setcchar(cell, text, attributes, 0, &pair);
}

static inline int crm_getcchar(const cchar_t *cell, wchar_t *text, attr_t *attributes, int *pair) {
    short narrow_pair;
    return getcchar(cell, text, attributes, &narrow_pair, pair);
}

// MARK: Signals
// The previous disposition of each caught signal lives here, in C, so that a signal handler
// can put it back without touching Swift state.

static inline struct sigaction *crm_saved_signal_action(int sig) {
    static struct sigaction saved[NSIG];
    return &saved[sig];
}

/// Installs `handler` for `sig`, remembering what was there before.
static inline int crm_catch_signal(int sig, void (*handler)(int)) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = handler;
    return sigaction(sig, &action, crm_saved_signal_action(sig));
}

/// Puts back what `crm_catch_signal` replaced.
static inline int crm_release_signal(int sig) {
    return sigaction(sig, crm_saved_signal_action(sig), NULL);
}

// MARK: Crash reports
// The report file and the line the user sees, kept in C so a crash handler can use them without
// touching Swift state. Call these from one Swift file only: each object file that uses a static
// inline function gets its own copy of its static variables.

static inline char **crm_crash_report_slot(int which) {
    static char *slots[2];
    return &slots[which];
}

static inline int *crm_saved_stderr(void) {
    static int saved = -1;
    return &saved;
}

/// Remembers the report file and the notice, and sends standard error to the report file while
/// the screen is in use: the runtime's "Fatal error: …" line then lands in the report instead of
/// on the screen. The first `backtrace` call loads what it needs, so it is made here, not in a
/// crash.
static inline void crm_prepare_crash_report(const char *path, const char *notice) {
    *crm_crash_report_slot(0) = strdup(path);
    *crm_crash_report_slot(1) = strdup(notice);
    void *warm[1];
    (void)backtrace(warm, 1);
    int report = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (report < 0) return;
    *crm_saved_stderr() = dup(2);
    dup2(report, 2);
    close(report);
}

/// Gives standard error back to the terminal (a normal exit).
static inline void crm_end_crash_report(void) {
    int *saved = crm_saved_stderr();
    if (*saved < 0) return;
    dup2(*saved, 2);
    close(*saved);
    *saved = -1;
}

static inline void crm_write_text(int fd, const char *text) {
    ssize_t written = write(fd, text, strlen(text));
    (void)written;
}

/// In a crash handler, after the terminal is restored: appends the signal and the stack to the
/// report, then prints the notice on the terminal. Only async-signal-safe calls.
static inline void crm_write_crash_report(int sig) {
    const char *path = *crm_crash_report_slot(0), *notice = *crm_crash_report_slot(1);
    if (path == NULL) return;
    int report = open(path, O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (report >= 0) {
        char number[16];
        int length = 0, value = sig;
        do { number[length++] = (char)('0' + value % 10); value /= 10; } while (value > 0 && length < 15);
        crm_write_text(report, "--- crm stopped on signal ");
        while (length > 0) { ssize_t written = write(report, &number[--length], 1); (void)written; }
        crm_write_text(report, "; stack (addresses resolve with: addr2line -f -C -e /path/to/crm ADDRESS):\n");
        void *frames[64];
        backtrace_symbols_fd(frames, backtrace(frames, 64), report);
        close(report);
    }
    crm_end_crash_report();
    if (notice != NULL) crm_write_text(2, notice);
}

#endif
