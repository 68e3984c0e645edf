package awscli

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/config"
)

// newClient resolves the profile, region, credentials and endpoint as the
// aws CLI does, using aws-sdk-go-v2's config loader for the standard
// environment variables and shared config files.
func (c *Command) newClient(ctx context.Context, op *opCommand, g *globals) (*client, error) {
	var opts []func(*config.LoadOptions) error
	if g.profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(g.profile))
	}
	if g.region != "" {
		opts = append(opts, config.WithRegion(g.region))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		var pe config.SharedConfigProfileNotExistError
		if errors.As(err, &pe) {
			return nil, exception("The config profile (%s) could not be found", pe.Profile)
		}
		return nil, exception("%v", err)
	}
	if cfg.Region == "" {
		return nil, &cliError{msg: `You must specify a region. You can also configure your region by running "aws configure".`, code: 255, style: "plain"}
	}
	endpoint, err := c.resolveEndpoint(g, cfg)
	if err != nil {
		return nil, err
	}
	httpClient, err := c.httpClient(g)
	if err != nil {
		return nil, err
	}
	cl := &client{
		http:       httpClient,
		endpoint:   endpoint,
		region:     cfg.Region,
		signer:     v4.NewSigner(),
		signing:    op.model.Metadata.SigningName,
		retryMode:  string(cfg.RetryMode),
		maxAttempt: cfg.RetryMaxAttempts,
		userAgent:  "connectlite/" + strings.TrimPrefix(strings.Fields(versionString())[0], "connectlite/") + " aws-cli-compatible",
	}
	if cl.signing == "" {
		cl.signing = op.model.Metadata.EndpointPrefix
	}
	if g.signRequest {
		cl.creds = cfg.Credentials
	}
	if g.debug {
		cl.log = slog.New(slog.NewTextHandler(c.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return cl, nil
}

// resolveEndpoint picks the endpoint: --endpoint-url, then
// AWS_ENDPOINT_URL_CONNECT, then the profile's services section, then
// AWS_ENDPOINT_URL or the profile's endpoint_url, then DefaultEndpoint.
// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true skips the configured ones.
func (c *Command) resolveEndpoint(g *globals, cfg aws.Config) (*url.URL, error) {
	raw := g.endpointURL
	if raw == "" && !strings.EqualFold(c.getenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true") {
		raw = c.getenv("AWS_ENDPOINT_URL_CONNECT")
		if raw == "" {
			for _, src := range cfg.ConfigSources {
				if sc, ok := src.(config.SharedConfig); ok {
					if ignore := sc.IgnoreConfiguredEndpoints; ignore != nil && *ignore {
						break
					}
					if v := sc.Services.ServiceValues["connect"]["endpoint_url"]; v != "" {
						raw = v
					}
				}
			}
		}
		if raw == "" && cfg.BaseEndpoint != nil {
			raw = *cfg.BaseEndpoint
		}
	}
	if raw == "" {
		raw = DefaultEndpoint
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return nil, exception("Invalid endpoint: %s", raw)
	}
	return u, nil
}

// httpClient applies --no-verify-ssl, --ca-bundle (or AWS_CA_BUNDLE) and
// the --cli-connect-timeout / --cli-read-timeout settings (60 seconds by
// default, 0 for none).
func (c *Command) httpClient(g *globals) (*http.Client, error) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tlsCfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if !g.verifySSL {
		tlsCfg.InsecureSkipVerify = true // the user asked for it with --no-verify-ssl
	}
	bundle := g.caBundle
	if bundle == "" {
		bundle = c.getenv("AWS_CA_BUNDLE")
	}
	if bundle != "" {
		pem, err := os.ReadFile(expandUser(bundle))
		if err != nil {
			return nil, exception("Could not find the TLS certificate file, invalid path: %s", bundle)
		}
		pool := x509.NewCertPool()
		pool.AppendCertsFromPEM(pem)
		tlsCfg.RootCAs = pool
	}
	tr.TLSClientConfig = tlsCfg
	connect, read := 60*time.Second, 60*time.Second
	if g.connectTimeout != nil {
		connect = time.Duration(*g.connectTimeout) * time.Second
	}
	if g.readTimeout != nil {
		read = time.Duration(*g.readTimeout) * time.Second
	}
	tr.DialContext = (&net.Dialer{Timeout: connect, KeepAlive: 30 * time.Second}).DialContext
	tr.ResponseHeaderTimeout = read
	tr.Proxy = http.ProxyFromEnvironment
	return &http.Client{Transport: tr}, nil
}

// outputFormat is --output, else AWS_DEFAULT_OUTPUT, else the profile's
// output setting, else json.
func (c *Command) outputFormat(g *globals) string {
	if g.output != "" {
		return g.output
	}
	if v := c.getenv("AWS_DEFAULT_OUTPUT"); v != "" {
		return v
	}
	if v := c.profileSetting(g, "output"); v != "" {
		return v
	}
	return "json"
}

// profileSetting reads a key of the active profile from the shared config
// file (the settings the SDK's loader does not keep, like output).
func (c *Command) profileSetting(g *globals, key string) string {
	profile := g.profile
	if profile == "" {
		profile = c.getenv("AWS_PROFILE")
	}
	if profile == "" {
		profile = c.getenv("AWS_DEFAULT_PROFILE")
	}
	if profile == "" {
		profile = "default"
	}
	path := c.getenv("AWS_CONFIG_FILE")
	if path == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		path = filepath.Join(home, ".aws", "config")
	}
	f, err := os.Open(expandUser(path))
	if err != nil {
		return ""
	}
	defer f.Close()
	section := ""
	value := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = strings.Join(strings.Fields(line[1:len(line)-1]), " ")
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok || strings.TrimSpace(k) != key {
			continue
		}
		if section == "profile "+profile || (profile == "default" && section == "default") {
			value = strings.TrimSpace(v)
		}
	}
	return value
}
