package connectlite

import (
	"errors"
	"strings"
	"testing"
)

func TestValidateTimeZone(t *testing.T) {
	tests := []struct {
		tz   string
		want Kind // KindInternal means valid
	}{
		{"America/New_York", KindInternal},
		{"Europe/Lisbon", KindInternal},
		{"Asia/Kolkata", KindInternal},
		{"UTC", KindInternal},
		{"Australia/Lord_Howe", KindInternal},
		{"", KindInvalidParameter},
		{"Local", KindInvalidParameter},
		{"america/new_york", KindInvalidParameter},
		{"Mars/Olympus_Mons", KindInvalidParameter},
		{"EST5EDT,M3.2.0,M11.1.0", KindInvalidParameter},
		{"../../etc/passwd", KindInvalidParameter},
		{"+05:30", KindInvalidParameter},
	}
	for _, tc := range tests {
		t.Run(tc.tz, func(t *testing.T) {
			err := ValidateTimeZone(tc.tz)
			if tc.want == KindInternal {
				if err != nil {
					t.Fatalf("ValidateTimeZone(%q) = %v, want nil", tc.tz, err)
				}
				return
			}
			if got := KindOf(err); got != tc.want || err == nil {
				t.Fatalf("ValidateTimeZone(%q): kind = %v, want %v (err: %v)", tc.tz, got, tc.want, err)
			}
		})
	}
}

func TestValidateHoursOfOperationConfig(t *testing.T) {
	day := func(d string, sh, sm, eh, em int32) HoursOfOperationConfig {
		return HoursOfOperationConfig{Day: d, StartHours: sh, StartMinutes: sm, EndHours: eh, EndMinutes: em}
	}
	many := make([]HoursOfOperationConfig, 101)
	for i := range many {
		many[i] = day("MONDAY", 9, 0, 17, 0)
	}
	tests := []struct {
		name    string
		cfg     []HoursOfOperationConfig
		wantErr string // "" for valid; else a part of the message
	}{
		{"Empty", nil, ""},
		{"AllDay", []HoursOfOperationConfig{day("SUNDAY", 0, 0, 0, 0)}, ""},
		{"OfficeHours", []HoursOfOperationConfig{day("MONDAY", 9, 0, 17, 30)}, ""},
		{"PastMidnight", []HoursOfOperationConfig{day("FRIDAY", 22, 0, 2, 0)}, ""},
		{"TwoSlicesADay", []HoursOfOperationConfig{day("TUESDAY", 8, 0, 12, 0), day("TUESDAY", 13, 0, 17, 0)}, ""},
		{"Extremes", []HoursOfOperationConfig{day("SATURDAY", 0, 0, 23, 59)}, ""},
		{"LowercaseDay", []HoursOfOperationConfig{day("monday", 9, 0, 17, 0)}, "Config[0].Day must be one of"},
		{"UnknownDay", []HoursOfOperationConfig{day("HOLIDAY", 9, 0, 17, 0)}, "Config[0].Day"},
		{"NoDay", []HoursOfOperationConfig{day("", 9, 0, 17, 0)}, "Config[0].Day"},
		{"StartHour24", []HoursOfOperationConfig{day("MONDAY", 24, 0, 17, 0)}, "Config[0].StartTime.Hours must be 0 to 23, got 24"},
		{"EndHourNegative", []HoursOfOperationConfig{day("MONDAY", 9, 0, -1, 0)}, "Config[0].EndTime.Hours"},
		{"StartMinute60", []HoursOfOperationConfig{day("MONDAY", 9, 60, 17, 0)}, "Config[0].StartTime.Minutes must be 0 to 59, got 60"},
		{"SecondEntryEndMinute", []HoursOfOperationConfig{day("MONDAY", 9, 0, 17, 0), day("TUESDAY", 9, 0, 17, 75)}, "Config[1].EndTime.Minutes"},
		{"TooMany", many, "at most 100 entries"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := ValidateHoursOfOperationConfig(tc.cfg)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("err = %v, want nil", err)
				}
				return
			}
			if KindOf(err) != KindInvalidParameter || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("err = %v (kind %v), want InvalidParameter containing %q", err, KindOf(err), tc.wantErr)
			}
		})
	}
}

func TestNewHoursOfOperation(t *testing.T) {
	valid := func() *CreateHoursOfOperationInput {
		return &CreateHoursOfOperationInput{
			Name: "Support", TimeZone: "Europe/Lisbon",
			Config: []HoursOfOperationConfig{{Day: "MONDAY", StartHours: 9, EndHours: 17}},
			Tags:   map[string]string{"team": "a"},
		}
	}
	tests := []struct {
		name string
		mod  func(in *CreateHoursOfOperationInput)
		want Kind // KindInternal means valid
	}{
		{"Valid", func(*CreateHoursOfOperationInput) {}, KindInternal},
		{"WithDescription", func(in *CreateHoursOfOperationInput) { in.Description = ptr("Weekdays") }, KindInternal},
		{"NoName", func(in *CreateHoursOfOperationInput) { in.Name = "" }, KindInvalidParameter},
		{"NameTooLong", func(in *CreateHoursOfOperationInput) { in.Name = strings.Repeat("é", 128) }, KindInvalidParameter},
		{"Name127Runes", func(in *CreateHoursOfOperationInput) { in.Name = strings.Repeat("é", 127) }, KindInternal},
		{"EmptyDescription", func(in *CreateHoursOfOperationInput) { in.Description = ptr("") }, KindInvalidParameter},
		{"LongDescription", func(in *CreateHoursOfOperationInput) { in.Description = ptr(strings.Repeat("d", 251)) }, KindInvalidParameter},
		{"BadTimeZone", func(in *CreateHoursOfOperationInput) { in.TimeZone = "Nowhere/Town" }, KindInvalidParameter},
		{"BadConfig", func(in *CreateHoursOfOperationInput) { in.Config[0].EndHours = 25 }, KindInvalidParameter},
		{"ReservedTag", func(in *CreateHoursOfOperationInput) { in.Tags = map[string]string{"aws:x": "y"} }, KindInvalidParameter},
		{"ParentHours", func(in *CreateHoursOfOperationInput) { in.ParentHoursOfOperationIDs = []string{"p"} }, KindInvalidRequest},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := valid()
			tc.mod(in)
			h, err := NewHoursOfOperation(in)
			if tc.want == KindInternal {
				if err != nil {
					t.Fatalf("NewHoursOfOperation: %v", err)
				}
				if h.Name != in.Name || h.TimeZone != in.TimeZone || len(h.Config) != len(in.Config) {
					t.Fatalf("NewHoursOfOperation = %+v, want the input's members", h)
				}
				in.Tags["team"] = "changed" // the result must not share the caller's map
				if h.Tags["team"] != "a" {
					t.Errorf("Tags share the input's map")
				}
				return
			}
			if got := KindOf(err); got != tc.want || err == nil {
				t.Fatalf("NewHoursOfOperation: kind = %v, want %v (err: %v)", got, tc.want, err)
			}
		})
	}
}

func TestNewQueue(t *testing.T) {
	valid := func() *CreateQueueInput {
		return &CreateQueueInput{Name: "Sales", HoursOfOperationID: "h1"}
	}
	tests := []struct {
		name string
		mod  func(in *CreateQueueInput)
		want Kind // KindInternal means valid
	}{
		{"Minimal", func(*CreateQueueInput) {}, KindInternal},
		{"Everything", func(in *CreateQueueInput) {
			in.Description = ptr("d")
			in.MaxContacts = ptr[int32](0)
			in.OutboundCallerConfig = &OutboundCallerConfigInput{OutboundCallerIDName: ptr("Corp"), OutboundFlowID: ptr("f")}
			in.OutboundEmailConfig = &OutboundEmailConfig{OutboundEmailAddressID: "e"}
			in.Tags = map[string]string{"k": "v"}
		}, KindInternal},
		{"NoName", func(in *CreateQueueInput) { in.Name = "" }, KindInvalidParameter},
		{"NoHours", func(in *CreateQueueInput) { in.HoursOfOperationID = "" }, KindInvalidParameter},
		{"NegativeMaxContacts", func(in *CreateQueueInput) { in.MaxContacts = ptr[int32](-1) }, KindInvalidParameter},
		{"EmptyDescription", func(in *CreateQueueInput) { in.Description = ptr("") }, KindInvalidParameter},
		{"EmptyCallerIDNumber", func(in *CreateQueueInput) {
			in.OutboundCallerConfig = &OutboundCallerConfigInput{OutboundCallerIDNumberID: ptr("")}
		}, KindInvalidParameter},
		{"LongCallerIDName", func(in *CreateQueueInput) {
			in.OutboundCallerConfig = &OutboundCallerConfigInput{OutboundCallerIDName: ptr(strings.Repeat("n", 256))}
		}, KindInvalidParameter},
		{"LongFlowID", func(in *CreateQueueInput) {
			in.OutboundCallerConfig = &OutboundCallerConfigInput{OutboundFlowID: ptr(strings.Repeat("f", 501))}
		}, KindInvalidParameter},
		{"LongEmailAddressID", func(in *CreateQueueInput) {
			in.OutboundEmailConfig = &OutboundEmailConfig{OutboundEmailAddressID: strings.Repeat("e", 501)}
		}, KindInvalidParameter},
		{"QuickConnects", func(in *CreateQueueInput) { in.QuickConnectIDs = []string{"qc"} }, KindInvalidParameter},
		{"EmailAddresses", func(in *CreateQueueInput) { in.EmailAddressIDs = []string{"e"} }, KindInvalidParameter},
		{"ReservedTag", func(in *CreateQueueInput) { in.Tags = map[string]string{"aws:k": "v"} }, KindInvalidParameter},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := valid()
			tc.mod(in)
			q, err := NewQueue(in)
			if tc.want == KindInternal {
				if err != nil {
					t.Fatalf("NewQueue: %v", err)
				}
				if q.Status != QueueStatusEnabled || q.QueueType != QueueTypeStandard || q.HoursOfOperationID != in.HoursOfOperationID {
					t.Fatalf("NewQueue = %+v, want an ENABLED STANDARD queue on %s", q, in.HoursOfOperationID)
				}
				if c := in.OutboundCallerConfig; c != nil && (q.OutboundCallerConfig.OutboundCallerIDName != *c.OutboundCallerIDName ||
					q.OutboundCallerConfig.OutboundCallerIDNumberID != "") {
					t.Fatalf("OutboundCallerConfig = %+v, want the members sent", q.OutboundCallerConfig)
				}
				return
			}
			if got := KindOf(err); got != tc.want || err == nil {
				t.Fatalf("NewQueue: kind = %v, want %v (err: %v)", got, tc.want, err)
			}
		})
	}
}

func TestInUseARN(t *testing.T) {
	inst := &Instance{ID: "i1", AccountID: "123456789012", Region: "us-east-1"}
	tests := []struct {
		name   string
		err    error
		wantID string
	}{
		{"Queue", HoursOfOperationInUse("h1", "q1"), inst.ResourceARN(ARNQueue, "q1")},
		{"RoutingProfile", QueueInUse("q1", "rp1"), inst.ResourceARN(ARNRoutingProfile, "rp1")},
		{"Unnamed", QueueInUse("q1", ""), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var e *Error
			if !errors.As(inUseARN(inst, tc.err), &e) || e.Kind != KindResourceInUse || e.ResourceID != tc.wantID {
				t.Fatalf("inUseARN = %+v, want ResourceInUse with ResourceID %q", e, tc.wantID)
			}
		})
	}
	if err := inUseARN(inst, nil); err != nil {
		t.Fatalf("inUseARN(nil) = %v", err)
	}
	nf := QueueNotFound("i1", "q1")
	if got := inUseARN(inst, nf); got != nf {
		t.Fatalf("inUseARN(not found) = %v, want it unchanged", got)
	}
}
