package httpapi

import (
	"strconv"
	"time"

	"github.com/connectlite/connectlite"
)

// Wire structures shared by several operations. Member names are AWS's;
// pointers mark members whose absence differs from their zero value.

// epochSeconds is a timestamp as rest-json sends it: seconds since the
// epoch as a JSON number, with milliseconds.
type epochSeconds time.Time

// MarshalJSON writes the timestamp as a number, e.g. 1700000000.123.
func (t epochSeconds) MarshalJSON() ([]byte, error) {
	ms := time.Time(t).UnixMilli()
	return strconv.AppendFloat(nil, float64(ms)/1000, 'f', 3, 64), nil
}

// IsZero lets omitzero drop unset timestamps.
func (t epochSeconds) IsZero() bool { return time.Time(t).IsZero() }

type wireIdentityInfo struct {
	FirstName      string `json:"FirstName,omitempty"`
	LastName       string `json:"LastName,omitempty"`
	Email          string `json:"Email,omitempty"`
	SecondaryEmail string `json:"SecondaryEmail,omitempty"`
	Mobile         string `json:"Mobile,omitempty"`
}

func (w *wireIdentityInfo) domain() *connectlite.IdentityInfo {
	if w == nil {
		return nil
	}
	return &connectlite.IdentityInfo{
		FirstName: w.FirstName, LastName: w.LastName, Email: w.Email,
		SecondaryEmail: w.SecondaryEmail, Mobile: w.Mobile,
	}
}

func toWireIdentityInfo(i connectlite.IdentityInfo) *wireIdentityInfo {
	return &wireIdentityInfo{
		FirstName: i.FirstName, LastName: i.LastName, Email: i.Email,
		SecondaryEmail: i.SecondaryEmail, Mobile: i.Mobile,
	}
}

// wirePhoneConfigIn is a UserPhoneConfig as a client sends it.
type wirePhoneConfigIn struct {
	PhoneType                 *string `json:"PhoneType"`
	AutoAccept                *bool   `json:"AutoAccept"`
	AfterContactWorkTimeLimit *int32  `json:"AfterContactWorkTimeLimit"`
	DeskPhoneNumber           *string `json:"DeskPhoneNumber"`
	PersistentConnection      *bool   `json:"PersistentConnection"`
}

func (w *wirePhoneConfigIn) domain() *connectlite.PhoneConfigInput {
	if w == nil {
		return nil
	}
	return &connectlite.PhoneConfigInput{
		PhoneType: w.PhoneType, AutoAccept: w.AutoAccept,
		AfterContactWorkTimeLimit: w.AfterContactWorkTimeLimit,
		DeskPhoneNumber:           w.DeskPhoneNumber, PersistentConnection: w.PersistentConnection,
	}
}

// wirePhoneConfigOut is a UserPhoneConfig as DescribeUser returns it:
// AutoAccept and AfterContactWorkTimeLimit always present.
type wirePhoneConfigOut struct {
	PhoneType                 string `json:"PhoneType,omitempty"`
	AutoAccept                bool   `json:"AutoAccept"`
	AfterContactWorkTimeLimit int32  `json:"AfterContactWorkTimeLimit"`
	DeskPhoneNumber           string `json:"DeskPhoneNumber,omitempty"`
	PersistentConnection      *bool  `json:"PersistentConnection,omitempty"`
}

func toWirePhoneConfig(p connectlite.PhoneConfig) wirePhoneConfigOut {
	return wirePhoneConfigOut{
		PhoneType: p.PhoneType, AutoAccept: p.AutoAccept,
		AfterContactWorkTimeLimit: p.AfterContactWorkTimeLimit,
		DeskPhoneNumber:           p.DeskPhoneNumber, PersistentConnection: p.PersistentConnection,
	}
}

type wireAutoAcceptConfig struct {
	Channel                      string `json:"Channel"`
	AutoAccept                   bool   `json:"AutoAccept"`
	AgentFirstCallbackAutoAccept *bool  `json:"AgentFirstCallbackAutoAccept,omitempty"`
}

type wireAfterContactWorkConfig struct {
	AfterContactWorkTimeLimit *int32 `json:"AfterContactWorkTimeLimit,omitempty"`
}

type wireAfterContactWorkConfigPerChannel struct {
	Channel                                  string                      `json:"Channel"`
	AfterContactWorkConfig                   wireAfterContactWorkConfig  `json:"AfterContactWorkConfig"`
	AgentFirstCallbackAfterContactWorkConfig *wireAfterContactWorkConfig `json:"AgentFirstCallbackAfterContactWorkConfig,omitempty"`
}

type wirePhoneNumberConfig struct {
	Channel     string `json:"Channel"`
	PhoneType   string `json:"PhoneType"`
	PhoneNumber string `json:"PhoneNumber,omitempty"`
}

type wirePersistentConnectionConfig struct {
	Channel              string `json:"Channel"`
	PersistentConnection bool   `json:"PersistentConnection"`
}

type wireVoiceEnhancementConfig struct {
	Channel              string `json:"Channel"`
	VoiceEnhancementMode string `json:"VoiceEnhancementMode"`
}

// channelConfigs are the five per-channel lists of CreateUser and User.
type channelConfigs struct {
	AutoAcceptConfigs           []wireAutoAcceptConfig                 `json:"AutoAcceptConfigs,omitempty"`
	AfterContactWorkConfigs     []wireAfterContactWorkConfigPerChannel `json:"AfterContactWorkConfigs,omitempty"`
	PhoneNumberConfigs          []wirePhoneNumberConfig                `json:"PhoneNumberConfigs,omitempty"`
	PersistentConnectionConfigs []wirePersistentConnectionConfig       `json:"PersistentConnectionConfigs,omitempty"`
	VoiceEnhancementConfigs     []wireVoiceEnhancementConfig           `json:"VoiceEnhancementConfigs,omitempty"`
}

// domainChannelConfigs converts the lists a client sent; a list the client
// did not send stays nil.
func (c *channelConfigs) domain() (
	aa []connectlite.AutoAcceptConfig,
	acw []connectlite.AfterContactWorkConfigPerChannel,
	pn []connectlite.PhoneNumberConfig,
	pc []connectlite.PersistentConnectionConfig,
	ve []connectlite.VoiceEnhancementConfig,
) {
	if c.AutoAcceptConfigs != nil {
		aa = make([]connectlite.AutoAcceptConfig, len(c.AutoAcceptConfigs))
		for i, x := range c.AutoAcceptConfigs {
			aa[i] = connectlite.AutoAcceptConfig{Channel: x.Channel, AutoAccept: x.AutoAccept, AgentFirstCallbackAutoAccept: x.AgentFirstCallbackAutoAccept}
		}
	}
	if c.AfterContactWorkConfigs != nil {
		acw = make([]connectlite.AfterContactWorkConfigPerChannel, len(c.AfterContactWorkConfigs))
		for i, x := range c.AfterContactWorkConfigs {
			acw[i] = connectlite.AfterContactWorkConfigPerChannel{
				Channel:                x.Channel,
				AfterContactWorkConfig: connectlite.AfterContactWorkConfig{AfterContactWorkTimeLimit: x.AfterContactWorkConfig.AfterContactWorkTimeLimit},
			}
			if f := x.AgentFirstCallbackAfterContactWorkConfig; f != nil {
				acw[i].AgentFirstCallbackAfterContactWorkConfig = &connectlite.AfterContactWorkConfig{AfterContactWorkTimeLimit: f.AfterContactWorkTimeLimit}
			}
		}
	}
	if c.PhoneNumberConfigs != nil {
		pn = make([]connectlite.PhoneNumberConfig, len(c.PhoneNumberConfigs))
		for i, x := range c.PhoneNumberConfigs {
			pn[i] = connectlite.PhoneNumberConfig{Channel: x.Channel, PhoneType: x.PhoneType, PhoneNumber: x.PhoneNumber}
		}
	}
	if c.PersistentConnectionConfigs != nil {
		pc = make([]connectlite.PersistentConnectionConfig, len(c.PersistentConnectionConfigs))
		for i, x := range c.PersistentConnectionConfigs {
			pc[i] = connectlite.PersistentConnectionConfig{Channel: x.Channel, PersistentConnection: x.PersistentConnection}
		}
	}
	if c.VoiceEnhancementConfigs != nil {
		ve = make([]connectlite.VoiceEnhancementConfig, len(c.VoiceEnhancementConfigs))
		for i, x := range c.VoiceEnhancementConfigs {
			ve[i] = connectlite.VoiceEnhancementConfig{Channel: x.Channel, VoiceEnhancementMode: x.VoiceEnhancementMode}
		}
	}
	return aa, acw, pn, pc, ve
}

// toWireChannelConfigs converts a user's per-channel lists.
func toWireChannelConfigs(u *connectlite.User) channelConfigs {
	var c channelConfigs
	for _, x := range u.AutoAcceptConfigs {
		c.AutoAcceptConfigs = append(c.AutoAcceptConfigs, wireAutoAcceptConfig{Channel: x.Channel, AutoAccept: x.AutoAccept, AgentFirstCallbackAutoAccept: x.AgentFirstCallbackAutoAccept})
	}
	for _, x := range u.AfterContactWorkConfigs {
		w := wireAfterContactWorkConfigPerChannel{
			Channel:                x.Channel,
			AfterContactWorkConfig: wireAfterContactWorkConfig{AfterContactWorkTimeLimit: x.AfterContactWorkConfig.AfterContactWorkTimeLimit},
		}
		if f := x.AgentFirstCallbackAfterContactWorkConfig; f != nil {
			w.AgentFirstCallbackAfterContactWorkConfig = &wireAfterContactWorkConfig{AfterContactWorkTimeLimit: f.AfterContactWorkTimeLimit}
		}
		c.AfterContactWorkConfigs = append(c.AfterContactWorkConfigs, w)
	}
	for _, x := range u.PhoneNumberConfigs {
		c.PhoneNumberConfigs = append(c.PhoneNumberConfigs, wirePhoneNumberConfig{Channel: x.Channel, PhoneType: x.PhoneType, PhoneNumber: x.PhoneNumber})
	}
	for _, x := range u.PersistentConnectionConfigs {
		c.PersistentConnectionConfigs = append(c.PersistentConnectionConfigs, wirePersistentConnectionConfig{Channel: x.Channel, PersistentConnection: x.PersistentConnection})
	}
	for _, x := range u.VoiceEnhancementConfigs {
		c.VoiceEnhancementConfigs = append(c.VoiceEnhancementConfigs, wireVoiceEnhancementConfig{Channel: x.Channel, VoiceEnhancementMode: x.VoiceEnhancementMode})
	}
	return c
}

// emptyToNil drops an empty tag map so omitempty leaves it out.
func emptyToNil(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	return m
}
