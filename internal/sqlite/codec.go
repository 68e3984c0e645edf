package sqlite

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/connectlite/connectlite"
)

// The JSON columns are encoded from these structs, never from the domain
// types directly, so renaming a Go field cannot change what is on disk.

type autoAcceptJSON struct {
	Channel                      string `json:"channel"`
	AutoAccept                   bool   `json:"auto_accept"`
	AgentFirstCallbackAutoAccept *bool  `json:"agent_first_callback_auto_accept,omitempty"`
}

type acwLimitJSON struct {
	Limit *int32 `json:"limit,omitempty"`
}

type acwJSON struct {
	Channel            string        `json:"channel"`
	Config             acwLimitJSON  `json:"config"`
	AgentFirstCallback *acwLimitJSON `json:"agent_first_callback,omitempty"`
}

type phoneNumberJSON struct {
	Channel     string `json:"channel"`
	PhoneType   string `json:"phone_type"`
	PhoneNumber string `json:"phone_number,omitempty"`
}

type persistentConnectionJSON struct {
	Channel              string `json:"channel"`
	PersistentConnection bool   `json:"persistent_connection"`
}

type voiceEnhancementJSON struct {
	Channel string `json:"channel"`
	Mode    string `json:"mode"`
}

type mediaConcurrencyJSON struct {
	Channel              string `json:"channel"`
	Concurrency          int32  `json:"concurrency"`
	CrossChannelBehavior string `json:"cross_channel_behavior,omitempty"`
}

type hoursConfigJSON struct {
	Day          string `json:"day"`
	StartHours   int32  `json:"start_hours"`
	StartMinutes int32  `json:"start_minutes"`
	EndHours     int32  `json:"end_hours"`
	EndMinutes   int32  `json:"end_minutes"`
}

// encodeList maps a list to its JSON form; an empty list is "[]".
func encodeList[T, J any](in []T, f func(T) J) (string, error) {
	out := make([]J, 0, len(in))
	for _, v := range in {
		out = append(out, f(v))
	}
	b, err := json.Marshal(out)
	if err != nil {
		return "", fmt.Errorf("encode list: %w", err)
	}
	return string(b), nil
}

// decodeList is the inverse of encodeList; "[]" gives nil.
func decodeList[T, J any](s string, f func(J) T) ([]T, error) {
	if s == "[]" {
		return nil, nil // the common case, without the JSON decoder
	}
	var in []J
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return nil, fmt.Errorf("decode list: %w", err)
	}
	if len(in) == 0 {
		return nil, nil
	}
	out := make([]T, 0, len(in))
	for _, v := range in {
		out = append(out, f(v))
	}
	return out, nil
}

func encodeTags(tags map[string]string) (string, error) {
	if len(tags) == 0 {
		return "{}", nil
	}
	b, err := json.Marshal(tags)
	if err != nil {
		return "", fmt.Errorf("encode tags: %w", err)
	}
	return string(b), nil
}

// decodeTags returns nil for no tags.
func decodeTags(s string) (map[string]string, error) {
	if s == "{}" {
		return nil, nil
	}
	var tags map[string]string
	if err := json.Unmarshal([]byte(s), &tags); err != nil {
		return nil, fmt.Errorf("decode tags: %w", err)
	}
	if len(tags) == 0 {
		return nil, nil
	}
	return tags, nil
}

func encodeStrings(ss []string) (string, error) {
	return encodeList(ss, func(s string) string { return s })
}

func decodeStrings(s string) ([]string, error) {
	return decodeList(s, func(s string) string { return s })
}

func toAutoAccept(c connectlite.AutoAcceptConfig) autoAcceptJSON {
	return autoAcceptJSON{c.Channel, c.AutoAccept, c.AgentFirstCallbackAutoAccept}
}

func fromAutoAccept(j autoAcceptJSON) connectlite.AutoAcceptConfig {
	return connectlite.AutoAcceptConfig{Channel: j.Channel, AutoAccept: j.AutoAccept, AgentFirstCallbackAutoAccept: j.AgentFirstCallbackAutoAccept}
}

func toACW(c connectlite.AfterContactWorkConfigPerChannel) acwJSON {
	j := acwJSON{Channel: c.Channel, Config: acwLimitJSON{c.AfterContactWorkConfig.AfterContactWorkTimeLimit}}
	if c.AgentFirstCallbackAfterContactWorkConfig != nil {
		j.AgentFirstCallback = &acwLimitJSON{c.AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit}
	}
	return j
}

func fromACW(j acwJSON) connectlite.AfterContactWorkConfigPerChannel {
	c := connectlite.AfterContactWorkConfigPerChannel{
		Channel:                j.Channel,
		AfterContactWorkConfig: connectlite.AfterContactWorkConfig{AfterContactWorkTimeLimit: j.Config.Limit},
	}
	if j.AgentFirstCallback != nil {
		c.AgentFirstCallbackAfterContactWorkConfig = &connectlite.AfterContactWorkConfig{AfterContactWorkTimeLimit: j.AgentFirstCallback.Limit}
	}
	return c
}

func toPhoneNumber(c connectlite.PhoneNumberConfig) phoneNumberJSON {
	return phoneNumberJSON{c.Channel, c.PhoneType, c.PhoneNumber}
}

func fromPhoneNumber(j phoneNumberJSON) connectlite.PhoneNumberConfig {
	return connectlite.PhoneNumberConfig{Channel: j.Channel, PhoneType: j.PhoneType, PhoneNumber: j.PhoneNumber}
}

func toPersistentConnection(c connectlite.PersistentConnectionConfig) persistentConnectionJSON {
	return persistentConnectionJSON{c.Channel, c.PersistentConnection}
}

func fromPersistentConnection(j persistentConnectionJSON) connectlite.PersistentConnectionConfig {
	return connectlite.PersistentConnectionConfig{Channel: j.Channel, PersistentConnection: j.PersistentConnection}
}

func toVoiceEnhancement(c connectlite.VoiceEnhancementConfig) voiceEnhancementJSON {
	return voiceEnhancementJSON{c.Channel, c.VoiceEnhancementMode}
}

func fromVoiceEnhancement(j voiceEnhancementJSON) connectlite.VoiceEnhancementConfig {
	return connectlite.VoiceEnhancementConfig{Channel: j.Channel, VoiceEnhancementMode: j.Mode}
}

func toMediaConcurrency(c connectlite.MediaConcurrency) mediaConcurrencyJSON {
	return mediaConcurrencyJSON{c.Channel, c.Concurrency, c.CrossChannelBehavior}
}

func fromMediaConcurrency(j mediaConcurrencyJSON) connectlite.MediaConcurrency {
	return connectlite.MediaConcurrency{Channel: j.Channel, Concurrency: j.Concurrency, CrossChannelBehavior: j.CrossChannelBehavior}
}

func toHoursConfig(c connectlite.HoursOfOperationConfig) hoursConfigJSON {
	return hoursConfigJSON{c.Day, c.StartHours, c.StartMinutes, c.EndHours, c.EndMinutes}
}

// timeToDB stores t as nanoseconds since the epoch; the zero time is 0.
func timeToDB(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// timeFromDB returns a UTC time; 0 is the zero time.
func timeFromDB(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

func boolToDB(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// nullable stores "" as NULL.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
