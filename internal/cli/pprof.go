package cli

import (
	"net/http"
	"net/http/pprof"
)

// withPprof serves Go's runtime profiles under /debug/pprof/ beside api,
// without authentication: it exists for `connectlite bench run
// --profile-dir` and is off unless serve is given --pprof.
func withPprof(api http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	mux.Handle("/", api)
	return mux
}
