// What Swift needs from ncursesw but cannot import directly: macros, and C globals that
// Swift 6 rejects as "not concurrency-safe". Everything else is imported from the headers.
#ifndef CRM_CNCURSES_SHIM_H
#define CRM_CNCURSES_SHIM_H

// Without these two the wide-character API (cchar_t, wget_wch, setcchar) is missing.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>

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

#endif
