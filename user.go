package connectlite

import "time"

// Phone types of the model's PhoneType enum.
const (
	PhoneTypeSoft = "SOFT_PHONE"
	PhoneTypeDesk = "DESK_PHONE"
)

// ChannelVoice is the channel the legacy PhoneConfig describes.
const ChannelVoice = "VOICE"

// IdentityInfo is who the user is. Every member is optional on the wire.
type IdentityInfo struct {
	FirstName      string
	LastName       string
	Email          string
	SecondaryEmail string
	Mobile         string
}

// PhoneConfig is the legacy, voice-only phone configuration of a user.
type PhoneConfig struct {
	PhoneType                 string
	AutoAccept                bool
	AfterContactWorkTimeLimit int32
	DeskPhoneNumber           string
	PersistentConnection      *bool
}

// AutoAcceptConfig is the auto-accept setting of one channel.
type AutoAcceptConfig struct {
	Channel                      string
	AutoAccept                   bool
	AgentFirstCallbackAutoAccept *bool
}

// AfterContactWorkConfig is an after-contact-work timeout in seconds; a nil
// limit was not given.
type AfterContactWorkConfig struct {
	AfterContactWorkTimeLimit *int32
}

// AfterContactWorkConfigPerChannel is the after-contact-work timeout of one
// channel, and optionally of its agent-first callbacks.
type AfterContactWorkConfigPerChannel struct {
	Channel                                  string
	AfterContactWorkConfig                   AfterContactWorkConfig
	AgentFirstCallbackAfterContactWorkConfig *AfterContactWorkConfig
}

// PhoneNumberConfig is the phone type and number of one channel.
type PhoneNumberConfig struct {
	Channel     string
	PhoneType   string
	PhoneNumber string
}

// PersistentConnectionConfig is the persistent-connection setting of one channel.
type PersistentConnectionConfig struct {
	Channel              string
	PersistentConnection bool
}

// VoiceEnhancementConfig is the voice enhancement mode of one channel.
type VoiceEnhancementConfig struct {
	Channel              string
	VoiceEnhancementMode string
}

// User is an agent of an instance. It never holds the password or its hash.
type User struct {
	InstanceID                  string
	ID                          string
	ARN                         string // derived from the instance, not stored
	Username                    string
	IdentityInfo                IdentityInfo
	PhoneConfig                 PhoneConfig
	AutoAcceptConfigs           []AutoAcceptConfig
	AfterContactWorkConfigs     []AfterContactWorkConfigPerChannel
	PhoneNumberConfigs          []PhoneNumberConfig
	PersistentConnectionConfigs []PersistentConnectionConfig
	VoiceEnhancementConfigs     []VoiceEnhancementConfig
	DirectoryUserID             string
	SecurityProfileIDs          []string
	RoutingProfileID            string
	HierarchyGroupID            string
	Tags                        map[string]string
	LastModifiedTime            time.Time
	LastModifiedRegion          string
}
