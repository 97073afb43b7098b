# The two commands of the README: `make run` and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all deps configure werror build run test clean test-sanitize test-fuzz fuzz-long

all: build

deps:
	@scripts/install-deps

$(BUILD)/CMakeCache.txt:
	@scripts/install-deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

configure: $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# The examples are written to show findings: list them, and succeed.
run: build
	./$(BUILD)/jianfu check --fail-on never examples/
	@echo
	@echo "make run: above are the findings jianfu reports on the shipped example schemes"
	@echo "(examples/README.md says what each shows; most are meant to be found). Build OK: build/jianfu."

# `make test` (and so CI, .ci/run) builds with every warning an error
# (JIANFU_WERROR, docs/contributing.md "Style and warnings"): the g++ Release
# build stays warning-free. `make build` alone leaves the option as it is.
werror: configure
	cmake -S . -B $(BUILD) -DJIANFU_WERROR=ON

# FAST=1 leaves out the browser tests (ctest -L browser); the full run
# requires the browser, so CI cannot skip them silently.
test: werror build
ifdef FAST
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE browser
else
	cd $(BUILD) && JIANFU_REQUIRE_BROWSER=1 ctest --output-on-failure -j $(JOBS)
endif
ifndef FAST
	$(MAKE) test-sanitize test-fuzz
endif

# Reliability (docs/security.md); `make test FAST=1` skips both. One clang
# build serves both: ASan + UBSan on everything, instrumented for libFuzzer.
SAN_BUILD ?= build-sanitize
# 18 targets x 8 s, FUZZ_JOBS fuzzers at a time (each is one process, so one
# per core), keeps CI's fuzzing near a minute; `make fuzz-long` runs each for
# FUZZ_LONG_SECONDS (10 minutes) and records exec/s. On a shared machine
# use FUZZ_JOBS=1.
FUZZ_SECONDS ?= 8
FUZZ_LONG_SECONDS ?= 600
FUZZ_JOBS ?= $(JOBS)
FUZZ_TARGETS = fuzz_assess fuzz_yaml fuzz_rules fuzz_check fuzz_table fuzz_config fuzz_results fuzz_baseline fuzz_document fuzz_lsp_framing fuzz_check_centralization fuzz_check_diff fuzz_check_import fuzz_check_penalty fuzz_check_proof fuzz_check_ranking fuzz_check_structure fuzz_check_volume

$(SAN_BUILD)/CMakeCache.txt:
	@scripts/install-deps
	CXX=clang++ cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=Release -DJIANFU_FUZZ=ON

# The whole test suite under the sanitizers (and the fuzz inputs replayed).
test-sanitize: $(SAN_BUILD)/CMakeCache.txt
	cmake --build $(SAN_BUILD) -j $(JOBS)
	cd $(SAN_BUILD) && ctest --output-on-failure -j $(JOBS) -LE browser

# Each fuzz target for FUZZ_SECONDS; any crash, leak, hang or OOM fails.
test-fuzz: $(SAN_BUILD)/CMakeCache.txt
	cmake --build $(SAN_BUILD) -j $(JOBS) --target jianfu fuzz_all
	@printf '%s\n' $(FUZZ_TARGETS) | \
	  xargs -P $(FUZZ_JOBS) -I{} fuzz/run.sh fuzz $(SAN_BUILD)/fuzz/{} $(SAN_BUILD)/fuzz-work $(FUZZ_SECONDS)

# Each fuzz target for 10 minutes (docs/security.md records a long run).
fuzz-long: $(SAN_BUILD)/CMakeCache.txt
	cmake --build $(SAN_BUILD) -j $(JOBS) --target jianfu fuzz_all
	@printf '%s\n' $(FUZZ_TARGETS) | \
	  xargs -P $(FUZZ_JOBS) -I{} fuzz/run.sh fuzz $(SAN_BUILD)/fuzz/{} $(SAN_BUILD)/fuzz-work $(FUZZ_LONG_SECONDS)

clean:
	rm -rf $(BUILD) $(SAN_BUILD)
