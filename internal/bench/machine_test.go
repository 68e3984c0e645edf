package bench

import (
	"context"
	"os"
	"testing"
)

func TestMeasureHashCountsCPU(t *testing.T) {
	h, err := MeasureHash(context.Background(), 4, 3)
	if err != nil {
		t.Fatalf("MeasureHash: %v", err)
	}
	if h.Cost != 4 || h.Samples != 3 || h.PerHash <= 0 || h.Capacity <= 0 {
		t.Errorf("MeasureHash(4, 3) = %+v, want cost 4, 3 samples, positive time and capacity", h)
	}
}

func TestReadCPUAndMemoryOfThisProcess(t *testing.T) {
	pid := os.Getpid()
	if _, err := ReadCPU(pid); err != nil {
		t.Errorf("ReadCPU(self): %v", err)
	}
	m, err := ReadMemory(pid)
	if err != nil {
		t.Fatalf("ReadMemory(self): %v", err)
	}
	if m.RSS <= 0 || m.PeakRSS < m.RSS {
		t.Errorf("ReadMemory(self) = %+v, want 0 < RSS <= peak", m)
	}
}

func TestProfileFileName(t *testing.T) {
	if got, want := profileFileName("embedded", PhaseT1), "embedded-t1-createuser-saml-no-password.pprof"; got != want {
		t.Errorf("profileFileName = %q, want %q", got, want)
	}
}
