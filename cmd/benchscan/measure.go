package main

import (
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// measure is one timed run.
type measure struct {
	wall   time.Duration
	cpu    time.Duration // user + system of the command and every child it waited for
	peakMB float64       // highest sum of proportional set size (PSS) over the process group
	rssMB  float64       // highest sum of resident set size (shared pages counted in each process)
	pages  int
}

// run starts cmd in a new process group, samples the group's resident
// memory until it exits, and returns the figures.
func run(cmd *exec.Cmd) (measure, error) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return measure{}, err
	}
	pgid := cmd.Process.Pid
	done := make(chan struct{})
	peak := make(chan [2]int64, 1)
	go func() {
		var max [2]int64
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			pss, rss := groupMemory(pgid)
			if pss > max[0] {
				max[0] = pss
			}
			if rss > max[1] {
				max[1] = rss
			}
			select {
			case <-done:
				peak <- max
				return
			case <-t.C:
			}
		}
	}()
	err := cmd.Wait()
	wall := time.Since(start)
	close(done)
	pk := <-peak
	m := measure{wall: wall, peakMB: float64(pk[0]) / (1 << 20), rssMB: float64(pk[1]) / (1 << 20)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	if err != nil {
		msg := stderr.String()
		if len(msg) > 2000 {
			msg = msg[len(msg)-2000:]
		}
		return m, fmt.Errorf("%v\n%s", err, msg)
	}
	return m, nil
}

// groupMemory sums the proportional set size (a shared page counts once
// over the processes sharing it) and the resident set size of the
// processes in group pgid.
func groupMemory(pgid int) (pss, rss int64) {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0, 0
	}
	var sum int64
	page := int64(os.Getpagesize())
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// Fields after the command name, which is in parentheses.
		i := strings.LastIndexByte(string(stat), ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(string(stat[i+1:]))
		// f[0] state, f[1] ppid, f[2] pgrp, ... f[21] rss (pages).
		if len(f) < 22 {
			continue
		}
		if g, _ := strconv.Atoi(f[2]); g != pgid && pid != pgid {
			continue
		}
		r, _ := strconv.ParseInt(f[21], 10, 64)
		sum += r * page
		pss += pssOf(e.Name())
	}
	return pss, sum
}

// pssOf reads a process's Pss from /proc/PID/smaps_rollup, in bytes.
func pssOf(pid string) int64 {
	data, err := os.ReadFile("/proc/" + pid + "/smaps_rollup")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "Pss:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// tiffFrames counts the directories of a TIFF file.
func tiffFrames(path string) (int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	if len(data) < 8 {
		return 0, fmt.Errorf("%s: not a TIFF", path)
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if data[0] == 'M' {
		bo = binary.BigEndian
	}
	off, n := bo.Uint32(data[4:]), 0
	for off != 0 && int(off)+2 <= len(data) && n < 100000 {
		cnt := int(bo.Uint16(data[off:]))
		next := int(off) + 2 + 12*cnt
		if next+4 > len(data) {
			break
		}
		n++
		off = bo.Uint32(data[next:])
	}
	return n, nil
}
