// Package storecodec holds the column encodings both SQL stores share: the
// JSON of a user's per-channel configs, of a security profile's lists, of a
// routing profile's media concurrencies, of the days of an hours of
// operation and of tags. It also holds the other storage-independent pieces
// the stores have in common (the embedded migration files' reading, the
// check of a new hierarchy structure). It knows no SQL dialect and no
// driver: SQLite reads and writes its JSON columns as TEXT (string),
// PostgreSQL its jsonb columns as []byte, and every function here serves
// both through the Text constraint.
package storecodec

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/connectlite/connectlite"
)

// Text is how a store holds a JSON column's value: string for SQLite's
// TEXT, []byte for PostgreSQL's jsonb.
type Text interface{ ~string | ~[]byte }

// The JSON columns are encoded from these structs, never from the domain
// types directly, so renaming a Go field cannot change what is stored. Both
// stores use the same shapes, so data can move between them.

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

type applicationJSON struct {
	Namespace   string   `json:"namespace"`
	Permissions []string `json:"permissions"`
	Type        string   `json:"type,omitempty"`
}

type flowModuleJSON struct {
	Type string `json:"type,omitempty"`
	ID   string `json:"id"`
}

type primaryAttributeValueJSON struct {
	AccessType    string   `json:"access_type,omitempty"`
	AttributeName string   `json:"attribute_name"`
	Values        []string `json:"values"`
}

// encodeList maps a list to its JSON form; an empty list is "[]".
func encodeList[S Text, T, J any](in []T, f func(T) J) (S, error) {
	out := make([]J, 0, len(in))
	for _, v := range in {
		out = append(out, f(v))
	}
	b, err := json.Marshal(out)
	if err != nil {
		var zero S
		return zero, fmt.Errorf("encode list: %w", err)
	}
	return S(b), nil
}

// decodeList is the inverse of encodeList; "[]" gives nil.
func decodeList[S Text, T, J any](s S, f func(J) T) ([]T, error) {
	if string(s) == "[]" {
		return nil, nil // most lists of most rows: skip the decoder
	}
	var in []J
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return nil, fmt.Errorf("decode list: %w", err)
	}
	return fromList(in, f), nil
}

// fromList maps a decoded list to its domain values; empty gives nil.
func fromList[T, J any](in []J, f func(J) T) []T {
	if len(in) == 0 {
		return nil
	}
	out := make([]T, 0, len(in))
	for _, v := range in {
		out = append(out, f(v))
	}
	return out
}

func same[T any](v T) T { return v }

// EncodeTags returns the JSON object of tags; no tags is "{}".
func EncodeTags[S Text](tags map[string]string) (S, error) {
	if len(tags) == 0 {
		return S("{}"), nil
	}
	b, err := json.Marshal(tags)
	if err != nil {
		var zero S
		return zero, fmt.Errorf("encode tags: %w", err)
	}
	return S(b), nil
}

// DecodeTags is the inverse of EncodeTags. It returns nil for no tags: "{}"
// or an empty value (SQL NULL, as PostgreSQL's jsonb_object_agg gives for no
// rows).
func DecodeTags[S Text](s S) (map[string]string, error) {
	if len(s) == 0 || string(s) == "{}" {
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

// EncodeStrings returns the JSON array of ss; an empty list is "[]".
func EncodeStrings[S Text](ss []string) (S, error) {
	return encodeList[S](ss, same[string])
}

// DecodeStrings is the inverse of EncodeStrings; "[]" gives nil.
func DecodeStrings[S Text](s S) ([]string, error) {
	return decodeList(s, same[string])
}

// UserJSON holds the JSON columns of a user: its per-channel configs.
type UserJSON[S Text] struct {
	AutoAcceptConfigs           S
	AfterContactWorkConfigs     S
	PhoneNumberConfigs          S
	PersistentConnectionConfigs S
	VoiceEnhancementConfigs     S
}

// EncodeUser returns the JSON columns of u.
func EncodeUser[S Text](u *connectlite.User) (UserJSON[S], error) {
	var j UserJSON[S]
	var err error
	if j.AutoAcceptConfigs, err = encodeList[S](u.AutoAcceptConfigs, toAutoAccept); err != nil {
		return j, err
	}
	if j.AfterContactWorkConfigs, err = encodeList[S](u.AfterContactWorkConfigs, toACW); err != nil {
		return j, err
	}
	if j.PhoneNumberConfigs, err = encodeList[S](u.PhoneNumberConfigs, toPhoneNumber); err != nil {
		return j, err
	}
	if j.PersistentConnectionConfigs, err = encodeList[S](u.PersistentConnectionConfigs, toPersistentConnection); err != nil {
		return j, err
	}
	if j.VoiceEnhancementConfigs, err = encodeList[S](u.VoiceEnhancementConfigs, toVoiceEnhancement); err != nil {
		return j, err
	}
	return j, nil
}

// Decode sets u's per-channel configs from j; errors name u.ID.
func (j *UserJSON[S]) Decode(u *connectlite.User) error { return j.DecodeCached(u, nil) }

// DecodeCached is Decode through c, which remembers decoded lists (nil: no
// cache).
func (j *UserJSON[S]) DecodeCached(u *connectlite.User, c *ListCache) error {
	var err error
	if u.AutoAcceptConfigs, err = decodeListCached(c, listAutoAccept, j.AutoAcceptConfigs, fromAutoAccept); err != nil {
		return fmt.Errorf("user %s auto accept configs: %w", u.ID, err)
	}
	if u.AfterContactWorkConfigs, err = decodeListCached(c, listACW, j.AfterContactWorkConfigs, fromACW); err != nil {
		return fmt.Errorf("user %s after contact work configs: %w", u.ID, err)
	}
	if u.PhoneNumberConfigs, err = decodeListCached(c, listPhoneNumber, j.PhoneNumberConfigs, fromPhoneNumber); err != nil {
		return fmt.Errorf("user %s phone number configs: %w", u.ID, err)
	}
	if u.PersistentConnectionConfigs, err = decodeListCached(c, listPersistentConnection, j.PersistentConnectionConfigs, fromPersistentConnection); err != nil {
		return fmt.Errorf("user %s persistent connection configs: %w", u.ID, err)
	}
	if u.VoiceEnhancementConfigs, err = decodeListCached(c, listVoiceEnhancement, j.VoiceEnhancementConfigs, fromVoiceEnhancement); err != nil {
		return fmt.Errorf("user %s voice enhancement configs: %w", u.ID, err)
	}
	return nil
}

// SecurityProfileJSON holds the JSON columns of a security profile.
type SecurityProfileJSON[S Text] struct {
	Permissions                     S
	Tags                            S
	AllowedAccessControlTags        S
	TagRestrictedResources          S
	HierarchyRestrictedResources    S
	Applications                    S
	AllowedFlowModules              S
	DataTablePrimaryAttributeValues S
}

// EncodeSecurityProfile returns the JSON columns of p; an error names p.ID
// and joins the errors of every column.
func EncodeSecurityProfile[S Text](p *connectlite.SecurityProfile) (SecurityProfileJSON[S], error) {
	var j SecurityProfileJSON[S]
	var errs [8]error
	j.Permissions, errs[0] = EncodeStrings[S](p.Permissions)
	j.Tags, errs[1] = EncodeTags[S](p.Tags)
	j.AllowedAccessControlTags, errs[2] = EncodeTags[S](p.AllowedAccessControlTags)
	j.TagRestrictedResources, errs[3] = EncodeStrings[S](p.TagRestrictedResources)
	j.HierarchyRestrictedResources, errs[4] = EncodeStrings[S](p.HierarchyRestrictedResources)
	j.Applications, errs[5] = encodeList[S](p.Applications, toApplication)
	j.AllowedFlowModules, errs[6] = encodeList[S](p.AllowedFlowModules, toFlowModule)
	j.DataTablePrimaryAttributeValues, errs[7] = encodeList[S](p.DataTablePrimaryAttributeValues, toPrimaryAttributeValue)
	if err := errors.Join(errs[:]...); err != nil {
		return j, fmt.Errorf("security profile %s: %w", p.ID, err)
	}
	return j, nil
}

// Decode sets p's lists and tags from j; an error names p.ID and joins the
// errors of every column.
func (j *SecurityProfileJSON[S]) Decode(p *connectlite.SecurityProfile) error {
	var errs [8]error
	p.Permissions, errs[0] = DecodeStrings(j.Permissions)
	p.Tags, errs[1] = DecodeTags(j.Tags)
	p.AllowedAccessControlTags, errs[2] = DecodeTags(j.AllowedAccessControlTags)
	p.TagRestrictedResources, errs[3] = DecodeStrings(j.TagRestrictedResources)
	p.HierarchyRestrictedResources, errs[4] = DecodeStrings(j.HierarchyRestrictedResources)
	p.Applications, errs[5] = decodeList(j.Applications, fromApplication)
	p.AllowedFlowModules, errs[6] = decodeList(j.AllowedFlowModules, fromFlowModule)
	p.DataTablePrimaryAttributeValues, errs[7] = decodeList(j.DataTablePrimaryAttributeValues, fromPrimaryAttributeValue)
	if err := errors.Join(errs[:]...); err != nil {
		return fmt.Errorf("security profile %s: %w", p.ID, err)
	}
	return nil
}

// RoutingProfileJSON holds the JSON columns of a routing profile.
type RoutingProfileJSON[S Text] struct {
	MediaConcurrencies S
	Tags               S
}

// EncodeRoutingProfile returns the JSON columns of p.
func EncodeRoutingProfile[S Text](p *connectlite.RoutingProfile) (RoutingProfileJSON[S], error) {
	var j RoutingProfileJSON[S]
	var err error
	if j.MediaConcurrencies, err = encodeList[S](p.MediaConcurrencies, toMediaConcurrency); err != nil {
		return j, err
	}
	j.Tags, err = EncodeTags[S](p.Tags)
	return j, err
}

// Decode sets p's media concurrencies and tags from j; errors name p.ID.
func (j *RoutingProfileJSON[S]) Decode(p *connectlite.RoutingProfile) error {
	var err error
	if p.MediaConcurrencies, err = decodeList(j.MediaConcurrencies, fromMediaConcurrency); err != nil {
		return fmt.Errorf("routing profile %s media concurrencies: %w", p.ID, err)
	}
	if p.Tags, err = DecodeTags(j.Tags); err != nil {
		return fmt.Errorf("routing profile %s: %w", p.ID, err)
	}
	return nil
}

// HoursJSON holds the JSON columns of an hours of operation.
type HoursJSON[S Text] struct {
	Config S
	Tags   S
}

// EncodeHours returns the JSON columns of h.
func EncodeHours[S Text](h *connectlite.HoursOfOperation) (HoursJSON[S], error) {
	var j HoursJSON[S]
	var err error
	if j.Config, err = encodeList[S](h.Config, toHoursConfig); err != nil {
		return j, err
	}
	j.Tags, err = EncodeTags[S](h.Tags)
	return j, err
}

// Decode sets h's config and tags from j; errors name h.ID.
func (j *HoursJSON[S]) Decode(h *connectlite.HoursOfOperation) error {
	var err error
	if h.Config, err = decodeList(j.Config, fromHoursConfig); err != nil {
		return fmt.Errorf("hours of operation %s config: %w", h.ID, err)
	}
	if h.Tags, err = DecodeTags(j.Tags); err != nil {
		return fmt.Errorf("hours of operation %s: %w", h.ID, err)
	}
	return nil
}

func toAutoAccept(c connectlite.AutoAcceptConfig) autoAcceptJSON {
	return autoAcceptJSON{c.Channel, c.AutoAccept, c.AgentFirstCallbackAutoAccept}
}

// fromAutoAccept and fromACW copy what j's pointers point to: a ListCache
// hands the same j to every caller.
func fromAutoAccept(j autoAcceptJSON) connectlite.AutoAcceptConfig {
	return connectlite.AutoAcceptConfig{Channel: j.Channel, AutoAccept: j.AutoAccept, AgentFirstCallbackAutoAccept: clonePtr(j.AgentFirstCallbackAutoAccept)}
}

// clonePtr returns a pointer to a copy of *p, or nil.
func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
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
		AfterContactWorkConfig: connectlite.AfterContactWorkConfig{AfterContactWorkTimeLimit: clonePtr(j.Config.Limit)},
	}
	if j.AgentFirstCallback != nil {
		c.AgentFirstCallbackAfterContactWorkConfig = &connectlite.AfterContactWorkConfig{AfterContactWorkTimeLimit: clonePtr(j.AgentFirstCallback.Limit)}
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

func fromHoursConfig(j hoursConfigJSON) connectlite.HoursOfOperationConfig {
	return connectlite.HoursOfOperationConfig{
		Day: j.Day, StartHours: j.StartHours, StartMinutes: j.StartMinutes, EndHours: j.EndHours, EndMinutes: j.EndMinutes,
	}
}

func toApplication(a connectlite.Application) applicationJSON {
	return applicationJSON{a.Namespace, a.ApplicationPermissions, a.Type}
}

func fromApplication(j applicationJSON) connectlite.Application {
	return connectlite.Application{Namespace: j.Namespace, ApplicationPermissions: j.Permissions, Type: j.Type}
}

func toFlowModule(m connectlite.FlowModule) flowModuleJSON {
	return flowModuleJSON{m.Type, m.FlowModuleID}
}

func fromFlowModule(j flowModuleJSON) connectlite.FlowModule {
	return connectlite.FlowModule{Type: j.Type, FlowModuleID: j.ID}
}

func toPrimaryAttributeValue(v connectlite.PrimaryAttributeValue) primaryAttributeValueJSON {
	return primaryAttributeValueJSON{v.AccessType, v.AttributeName, v.Values}
}

func fromPrimaryAttributeValue(j primaryAttributeValueJSON) connectlite.PrimaryAttributeValue {
	return connectlite.PrimaryAttributeValue{AccessType: j.AccessType, AttributeName: j.AttributeName, Values: j.Values}
}
