# medchron — run "make help" for the targets.
SHELL := /bin/bash
# Tesseract's OpenMP runtime reads this at load: one thread per OCR worker.
export OMP_THREAD_LIMIT := 1

BIN        := bin/medchron
DEMO_DIR   := demo-output
GOTESTFLAGS ?=

.PHONY: help build demo test bench eval fixtures vet clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

build: ## build bin/medchron
	go build -o $(BIN) ./cmd/medchron

demo: ## install what is missing, build, and process the sample bundles in testdata/
	scripts/setup-debian.sh
	go build -o $(BIN) ./cmd/medchron
	rm -rf $(DEMO_DIR)
	$(BIN) process --db $(DEMO_DIR)/medchron.db --out $(DEMO_DIR)/born-digital --matter demo-born-digital \
		--incident-date 2023-12-06 \
		testdata/bundles/small/born-digital.pdf
	$(BIN) process --db $(DEMO_DIR)/medchron.db --out $(DEMO_DIR)/scanned --matter demo-scanned \
		--incident-date 2023-12-06 \
		testdata/bundles/small/scanned.pdf
	@echo; echo "Open $(DEMO_DIR)/born-digital/chronology.html and $(DEMO_DIR)/scanned/chronology.html in a browser."
	@echo "To review them in the web application: $(BIN) user add admin --role admin --db $(DEMO_DIR)/medchron.db,"
	@echo "then $(BIN) serve --db $(DEMO_DIR)/medchron.db and open http://127.0.0.1:8080/"

test: ## install what is missing (Tesseract, poppler, PostgreSQL + pgvector) and run the whole test suite
	scripts/setup-debian.sh test
	pg="$$(scripts/setup-postgres.sh)" && eval "$$pg" && export MEDCHRON_TEST_DATABASE_URL && \
		export MEDCHRON_REQUIRE_BROWSER=1 && go vet ./... && go test $(GOTESTFLAGS) ./...

bench: ## run the benchmarks (server mode on PostgreSQL, scanned encodings against Tesseract and OCRmyPDF) and write BENCHMARKS.md
	scripts/setup-debian.sh bench
	pg="$$(scripts/setup-postgres.sh)" && eval "$$pg" && export MEDCHRON_TEST_DATABASE_URL && scripts/bench.sh

eval: ## measure accuracy against truth files; writes ACCURACY.md and the Accuracy section of BENCHMARKS.md
	scripts/setup-debian.sh
	scripts/eval.sh

fixtures: ## regenerate the committed test fixtures
	go run ./cmd/genfixtures -out testdata

vet: ## go vet and gofmt check
	go vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }

clean: ## remove build and demo output
	rm -rf bin $(DEMO_DIR)
