package cli

import (
	"fmt"

	"github.com/medchron/medchron/extract/llm"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/internal/fixture"
	"github.com/medchron/medchron/internal/oracle"
)

// useOracle points cfg's LLM extractor at an oracle server answering with
// truth, so that what the run scores below 1 is lost after extraction. The
// returned stop ends the server and reports on stderr the true facts the
// oracle could not quote from the pages it received.
func useOracle(env *Env, cfg *app.Config, truth fixture.Truth, name string) (stop func(), err error) {
	srv := oracle.New(truth)
	url, end, err := srv.Start()
	if err != nil {
		return nil, err
	}
	cfg.Extractor, cfg.LLM = "llm", &llm.Config{BaseURL: url, Model: oracle.Model, Logger: env.Log}
	return func() {
		end()
		if m := srv.Misses(); len(m) > 0 {
			fmt.Fprintf(env.Stderr, "%s: the oracle could not quote %d true facts from the pages it received (left out)\n", name, len(m))
		}
	}, nil
}
