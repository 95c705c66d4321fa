package server_test

import (
	"net"
	"os"
	"testing"
)

var tempDirs []string

// filepathTemp makes a directory that TestMain removes at the end.
func filepathTemp() (string, error) {
	d, err := os.MkdirTemp("", "caravan-server-test")
	if err == nil {
		tempDirs = append(tempDirs, d)
	}
	return d, err
}

func listen() (net.Listener, error) { return net.Listen("tcp", "127.0.0.1:0") }

func TestMain(m *testing.M) {
	code := m.Run()
	if shared != nil {
		shared.Close()
	}
	for _, d := range tempDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}
