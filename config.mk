# liftlog build configuration: edit here or override on the command line,
# e.g. `make CC=clang`, `make install PREFIX=/usr DESTDIR=/tmp/pkg`.

# Where `make install` puts things (DESTDIR is prepended to every path).
PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANPREFIX = $(PREFIX)/share/man
# Editor and shell support (see README, "Editors and shells"); Vim does
# not look in /usr/local/share/vim/vimfiles by itself: VIMDIR=$(HOME)/.vim
# puts the Vim files where it does.
VIMDIR = $(PREFIX)/share/vim/vimfiles
LISPDIR = $(PREFIX)/share/emacs/site-lisp
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/site-functions
DESTDIR =

CC = cc
PKG_CONFIG = pkg-config

# PCRE2 from pkg-config; libcsv and libunistring ship no .pc file on
# Debian, so they are plain overridable variables.
PCRE2_CFLAGS = `$(PKG_CONFIG) --cflags libpcre2-8`
PCRE2_LIBS = `$(PKG_CONFIG) --libs libpcre2-8`
CSV_LIBS = -lcsv
UNISTRING_LIBS = -lunistring

CPPFLAGS = -D_POSIX_C_SOURCE=200809L -DPCRE2_CODE_UNIT_WIDTH=8

# Strict, and warning-free under gcc 12 and clang 14.  -Wconversion is left
# out on purpose: it is mostly noise for this code.
WARNINGS = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wmissing-declarations -Wold-style-definition \
	-Wformat=2 -Wvla -Wcast-qual -Wwrite-strings -Wundef -Wpointer-arith \
	-Wredundant-decls -Wnested-externs

# -O3: the parser's byte loops are most of the time, and -O3 makes
# `liftlog check` about 11% faster than -O2 (make bench, 2026-12-06; the
# same code, warning-free at both levels).
CFLAGS = -std=c11 -O3 -g $(WARNINGS)
# Link-time optimisation, for ./liftlog and the unit tests (not the
# sanitizer build): the hottest calls cross modules (the renderer asks
# table.c for each cell and util.c for each figure, the parser asks
# grammar.c for each token), and whole-program inlining takes about 5%
# of the instructions of `check` and of every report (callgrind, a 10 MB
# journal, gcc 12; clang 14 builds it too, and its unit tests pass).
# `make LTO=` builds without it.
LTO = -flto=auto
LDFLAGS =
LIBS = $(PCRE2_LIBS) $(CSV_LIBS) $(UNISTRING_LIBS) -lm

# `make asan`: ./liftlog-asan, objects in build/asan/.
ASAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -O1
