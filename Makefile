# liftlog -- configuration is in config.mk.
#
#   make               ./liftlog from every src/*.c
#   make asan          ./liftlog-asan (ASan + UBSan), objects in build/asan/
#   make unit          the C unit tests, build/unit/ and build/unit-asan/
#   make check         deps, liftlog, liftlog-asan, unit tests, tests/run.sh
#   make deps          scripts/install-deps (apt-get when something is missing)
#   make demo          deps, liftlog, then check and report examples/season.journal
#   make bench         performance against a floor, awk, ledger and hledger
#                      (not part of check; BENCH_SIZES="1 100" is shorter)
#   make install       PREFIX (/usr/local), MANPREFIX, DESTDIR honoured;
#                      also the Vim, Emacs, bash and zsh files (config.mk)
#   make uninstall, make clean
#   make DEVELOPER=1   warnings are errors
#
# This Makefile needs GNU make (wildcard, pattern rules): the objects live
# in build/ so that the normal and the sanitizer builds never mix.  Every
# object depends on every header: slightly slower, never wrong.

include config.mk

SRC = $(sort $(wildcard src/*.c))
HDR = $(wildcard src/*.h)
OBJ = $(SRC:src/%.c=build/%.o)
ASAN_OBJ = $(SRC:src/%.c=build/asan/%.o)
# Everything but main.o, for the unit tests to link with.
LIB_OBJ = $(filter-out build/main.o,$(OBJ))
ASAN_LIB_OBJ = $(filter-out build/asan/main.o,$(ASAN_OBJ))

UNIT_SRC = $(sort $(wildcard tests/unit/*.c))
UNIT_HDR = $(wildcard tests/unit/*.h)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/unit/%)
UNIT_ASAN_BIN = $(UNIT_SRC:tests/unit/%.c=build/unit-asan/%)

MAN = man/liftlog.1 man/liftlog.5
# Editor and shell support: editors/vim/DIR/liftlog.vim goes to VIMDIR/DIR.
VIM_DIRS = compiler ftdetect ftplugin syntax

# `make DEVELOPER=1` turns warnings into errors.
DEVELOPER =
WERROR = $(if $(filter 1,$(DEVELOPER)),-Werror)

ALL_CFLAGS = $(CPPFLAGS) $(PCRE2_CFLAGS) $(CFLAGS) $(WERROR)

all: liftlog

liftlog: $(OBJ)
	$(CC) $(CFLAGS) $(LTO) $(LDFLAGS) -o $@ $(OBJ) $(LIBS)

build/%.o: src/%.c $(HDR) config.mk
	@mkdir -p build
	$(CC) $(ALL_CFLAGS) $(LTO) -c -o $@ $<

# The sanitizer build: same flags, then the sanitizers and -O1 (later -O
# wins), into build/asan/.
asan: liftlog-asan

liftlog-asan: $(ASAN_OBJ)
	$(CC) $(CFLAGS) $(ASAN_FLAGS) $(LDFLAGS) -o $@ $(ASAN_OBJ) $(LIBS)

build/asan/%.o: src/%.c $(HDR) config.mk
	@mkdir -p build/asan
	$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) -c -o $@ $<

# Unit tests: tests/unit/NAME.c becomes build/unit/NAME, linked with a
# library of every object but main.o (only the objects a test needs are
# pulled in, so a test of date.c builds while other modules are unfinished),
# and build/unit-asan/NAME, the same with the sanitizers.  A test that
# fails to build leaves no stale binary behind.
unit: $(UNIT_BIN) $(UNIT_ASAN_BIN)

build/libliftlog.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

build/asan/libliftlog.a: $(ASAN_LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(ASAN_LIB_OBJ)

build/unit/%: tests/unit/%.c build/libliftlog.a $(HDR) $(UNIT_HDR) config.mk
	@mkdir -p build/unit
	@rm -f $@
	$(CC) $(ALL_CFLAGS) $(LTO) -Isrc $(LDFLAGS) -o $@ $< build/libliftlog.a \
		$(LIBS)

build/unit-asan/%: tests/unit/%.c build/asan/libliftlog.a $(HDR) $(UNIT_HDR) \
    config.mk
	@mkdir -p build/unit-asan
	@rm -f $@
	$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) -Isrc $(LDFLAGS) -o $@ $< \
		build/asan/libliftlog.a $(LIBS)

# Build and test dependencies (apt-get on Debian; quiet when all present).
deps:
	sh scripts/install-deps

# Runs every test; the last line of tests/run.sh is "N passed, N failed".
# Unit tests are built with -k and without stopping: one that does not
# build is reported by the harness as a failed test.
check: deps
	$(MAKE) all asan
	-$(MAKE) -k unit
	-$(MAKE) fuzz
	-$(MAKE) shim
	sh tests/run.sh

# A shim that refuses sendfile(), for tests/run.sh (LD_PRELOAD).
shim: build/shim/sendfile_refused.so

build/shim/sendfile_refused.so: tests/shim/sendfile_refused.c
	@mkdir -p build/shim
	$(CC) -std=c11 -O2 -Wall -Wextra -shared -fPIC -o $@ \
		tests/shim/sendfile_refused.c -ldl

# Fuzzing (clang's libFuzzer): build/fuzz/fuzz_journal runs arbitrary bytes
# through every stage.  The seed corpus is made from the golden journals;
# new inputs found are kept in build/fuzz/corpus.  fuzz-smoke (part of
# make check) runs for FUZZ_SECONDS; fuzz-long for hours.
# build/fuzz/fuzz_import runs arbitrary bytes through `liftlog import` for
# each app and checks the journal written; its seeds are tests/import/*.csv,
# its corpus build/fuzz/import-corpus; fuzz-import runs it for
# FUZZ_SECONDS.
FUZZ_CC = clang
FUZZ_FLAGS = -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined -O1 -g -DLIFTLOG_FUZZ_CHECKS
FUZZ_OBJ = $(SRC:src/%.c=build/fuzz/%.o)
FUZZ_LIB_OBJ = $(filter-out build/fuzz/main.o,$(FUZZ_OBJ))
FUZZ_SECONDS = 60
FUZZ_LONG_SECONDS = 14400
FUZZ_RUN = ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	build/fuzz/fuzz_journal -dict=tests/fuzz/journal.dict \
	-max_len=4096 -timeout=10 -rss_limit_mb=2048 \
	-artifact_prefix=build/fuzz/ build/fuzz/corpus

build/fuzz/%.o: src/%.c $(HDR) config.mk
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(CPPFLAGS) $(PCRE2_CFLAGS) -std=c11 $(FUZZ_FLAGS) \
		-fsanitize=fuzzer-no-link -c -o $@ $<

build/fuzz/fuzz_journal: tests/fuzz/fuzz_journal.c $(FUZZ_LIB_OBJ) $(HDR)
	$(FUZZ_CC) $(CPPFLAGS) $(PCRE2_CFLAGS) -std=c11 -Isrc $(FUZZ_FLAGS) \
		-o $@ tests/fuzz/fuzz_journal.c $(FUZZ_LIB_OBJ) $(LIBS)

build/fuzz/fuzz_import: tests/fuzz/fuzz_import.c $(FUZZ_LIB_OBJ) $(HDR)
	$(FUZZ_CC) $(CPPFLAGS) $(PCRE2_CFLAGS) -std=c11 -Isrc $(FUZZ_FLAGS) \
		-o $@ tests/fuzz/fuzz_import.c $(FUZZ_LIB_OBJ) $(LIBS)

fuzz: build/fuzz/fuzz_journal build/fuzz/fuzz_import
	@mkdir -p build/fuzz/corpus build/fuzz/import-corpus
	for f in tests/check/*.journal tests/check/inc/*.journal \
	    tests/conformance/*.journal tests/conformance/bad/*.journal \
	    tests/report/*.journal tests/print/*.journal examples/*.journal; do \
		cp "$$f" "build/fuzz/corpus/seed-`echo $$f | tr / -`"; \
	done
	for f in tests/import/*.csv; do \
		cp "$$f" "build/fuzz/import-corpus/seed-`basename $$f`"; \
	done

fuzz-smoke: fuzz
	$(FUZZ_RUN) -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1

fuzz-import: fuzz
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		build/fuzz/fuzz_import -dict=tests/fuzz/import.dict \
		-max_len=4096 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix=build/fuzz/ -max_total_time=$(FUZZ_SECONDS) \
		-print_final_stats=1 build/fuzz/import-corpus

fuzz-long: fuzz
	$(FUZZ_RUN) -max_total_time=$(FUZZ_LONG_SECONDS) -print_final_stats=1 \
		-jobs=2 -workers=2

demo: deps
	$(MAKE) all
	./liftlog check --today=2026-11-25 examples/season.journal
	./liftlog report --today=2026-11-25 examples/season.journal

# Performance, not part of check: tests/bench/bench.py (its header says
# what it does) generates journals of BENCH_SIZES MB and 1,000 small team
# journals into build/bench/, installs hyperfine, ledger, hledger and GNU
# time with apt-get when missing, times everything with several runs and
# prints one table, also written to build/bench/results.md.  About 15
# minutes on 2 cores with the default sizes the first time, 8 afterwards.  BENCH_LIFTLOG times another
# binary.
BENCH_SIZES = 1 100 400
BENCH_LIFTLOG = ./liftlog

bench: liftlog
	CC="$(CC)" python3 tests/bench/bench.py --liftlog "$(BENCH_LIFTLOG)" \
		--sizes "$(BENCH_SIZES)"

install: liftlog $(MAN)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(MANPREFIX)/man5
	cp -f liftlog $(DESTDIR)$(BINDIR)/liftlog
	chmod 755 $(DESTDIR)$(BINDIR)/liftlog
	cp -f man/liftlog.1 $(DESTDIR)$(MANPREFIX)/man1/liftlog.1
	chmod 644 $(DESTDIR)$(MANPREFIX)/man1/liftlog.1
	cp -f man/liftlog.5 $(DESTDIR)$(MANPREFIX)/man5/liftlog.5
	chmod 644 $(DESTDIR)$(MANPREFIX)/man5/liftlog.5
	for d in $(VIM_DIRS); do \
		mkdir -p $(DESTDIR)$(VIMDIR)/$$d && \
		cp -f editors/vim/$$d/liftlog.vim $(DESTDIR)$(VIMDIR)/$$d/ && \
		chmod 644 $(DESTDIR)$(VIMDIR)/$$d/liftlog.vim || exit 1; \
	done
	mkdir -p $(DESTDIR)$(LISPDIR) $(DESTDIR)$(BASHCOMPDIR) \
		$(DESTDIR)$(ZSHCOMPDIR)
	cp -f editors/emacs/liftlog-mode.el $(DESTDIR)$(LISPDIR)/liftlog-mode.el
	chmod 644 $(DESTDIR)$(LISPDIR)/liftlog-mode.el
	cp -f completion/liftlog.bash $(DESTDIR)$(BASHCOMPDIR)/liftlog
	chmod 644 $(DESTDIR)$(BASHCOMPDIR)/liftlog
	cp -f completion/_liftlog $(DESTDIR)$(ZSHCOMPDIR)/_liftlog
	chmod 644 $(DESTDIR)$(ZSHCOMPDIR)/_liftlog

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/liftlog \
		$(DESTDIR)$(MANPREFIX)/man1/liftlog.1 \
		$(DESTDIR)$(MANPREFIX)/man5/liftlog.5 \
		$(DESTDIR)$(LISPDIR)/liftlog-mode.el \
		$(DESTDIR)$(LISPDIR)/liftlog-mode.elc \
		$(DESTDIR)$(BASHCOMPDIR)/liftlog \
		$(DESTDIR)$(ZSHCOMPDIR)/_liftlog
	for d in $(VIM_DIRS); do \
		rm -f $(DESTDIR)$(VIMDIR)/$$d/liftlog.vim; \
	done

clean:
	rm -rf build liftlog liftlog-asan

.PHONY: all asan unit deps check demo bench install uninstall clean fuzz shim \
	fuzz-smoke fuzz-long fuzz-import
