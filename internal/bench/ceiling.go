package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/connectlite/connectlite/internal/httpapi"
)

// The reference ceiling is the best a Go HTTP service with SigV4 can do on
// this machine: net/http, connectlite's own SigV4 verification middleware
// and JSON decoding and encoding, but no validation and no store. Each
// figure of connectlite is stated as a ratio to it.

// ceilingAccount is the account id in the ceiling's ARNs.
const ceilingAccount = "123456789012"

// ceilingUser is the canned user DescribeUser answers, shaped like a user
// the load generator creates.
type ceilingUser struct {
	Arn                string
	Id                 string
	Username           string
	IdentityInfo       identityInfo
	PhoneConfig        phoneConfig
	SecurityProfileIds []string
	RoutingProfileId   string
	Tags               map[string]string
	LastModifiedTime   float64
	LastModifiedRegion string
}

// NewCeiling returns the reference ceiling's handler: PUT /users/{InstanceId}
// decodes a CreateUser request and answers a fresh UserId and UserArn, GET
// /users/{InstanceId}/{UserId} answers a canned DescribeUser. Requests must
// be signed with one of secrets (access key id to secret key). A nil logger
// discards.
func NewCeiling(secrets map[string]string, logger *slog.Logger) http.Handler {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	v := &httpapi.Verifier{Secrets: secrets, Service: "connect"}
	mux := http.NewServeMux()
	mux.HandleFunc("PUT /users/{InstanceId}", func(w http.ResponseWriter, r *http.Request) {
		var in createUserBody
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Username == "" {
			ceilingError(w, http.StatusBadRequest, "InvalidParameterException", "the request body is not a CreateUser request")
			return
		}
		id, _ := httpapi.IdentityFrom(r.Context())
		userID := newUUID()
		arn := fmt.Sprintf("arn:aws:connect:%s:%s:instance/%s/agent/%s", id.Region, ceilingAccount, r.PathValue("InstanceId"), userID)
		ceilingJSON(w, logger, createUserOutput{UserId: userID, UserArn: arn})
	})
	mux.HandleFunc("GET /users/{InstanceId}/{UserId}", func(w http.ResponseWriter, r *http.Request) {
		id, _ := httpapi.IdentityFrom(r.Context())
		userID := r.PathValue("UserId")
		u := ceilingUser{
			Arn:                fmt.Sprintf("arn:aws:connect:%s:%s:instance/%s/agent/%s", id.Region, ceilingAccount, r.PathValue("InstanceId"), userID),
			Id:                 userID,
			Username:           "ceiling-user",
			IdentityInfo:       identityInfo{FirstName: "Bench", LastName: "User"},
			PhoneConfig:        phoneConfig{PhoneType: "SOFT_PHONE"},
			SecurityProfileIds: []string{"5f2a6a2e-1c1d-4a57-9d2c-6f7e1f0b9a11"},
			RoutingProfileId:   "0b5c2d39-6f55-4c83-a0f1-3c9d4b1e2f70",
			Tags:               map[string]string{},
			LastModifiedTime:   float64(time.Now().UnixMilli()) / 1000,
			LastModifiedRegion: id.Region,
		}
		ceilingJSON(w, logger, struct{ User ceilingUser }{u})
	})
	// Instrument is the same request-id, panic and log wrapper connectlite
	// serves behind; with a logger below Info it logs nothing.
	return httpapi.Instrument(logger, v.Middleware(mux))
}

func ceilingJSON(w http.ResponseWriter, logger *slog.Logger, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		logger.Error("encode ceiling answer", "err", err)
		ceilingError(w, http.StatusInternalServerError, "InternalServiceException", "encoding failed")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", fmt.Sprint(len(b)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b)
}

func ceilingError(w http.ResponseWriter, status int, errType, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-Errortype", errType)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"Message": msg})
}

// newUUID returns a random lowercase UUID, as connectlite's ids are.
func newUUID() string { return invocationID() }

// ServeCeiling runs the reference ceiling on addr until ctx ends, printing
// "connectlite ceiling listening on http://HOST:PORT" to stderr once it
// accepts connections.
func ServeCeiling(ctx context.Context, addr string, secrets map[string]string, stderr io.Writer, logger *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	srv := &http.Server{Handler: NewCeiling(secrets, logger), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stderr, "connectlite ceiling listening on http://%s\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shut down the ceiling: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
