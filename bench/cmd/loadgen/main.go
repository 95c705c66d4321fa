// Command loadgen measures caravan serve's route endpoint over loopback:
// it asks the server for its countries' hubs, plans routes between hub
// pairs of different countries (names, not ids, so the name lookup is part
// of the work), and reports throughput, latency percentiles and errors.
// The run is bounded in requests and time and stops by itself.
//
//	go build -o /tmp/caravan ./cmd/caravan && /tmp/caravan serve --addr 127.0.0.1:8080 &
//	go run -C bench ./cmd/loadgen -url http://127.0.0.1:8080 -n 10000 -c 8
//
// Only loopback addresses are accepted.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

type country struct {
	Code string   `json:"code"`
	Hubs []string `json:"hubs"`
}

type place struct {
	ID    string `json:"id"`
	Names struct {
		En string `json:"en"`
	} `json:"names"`
}

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "the server (loopback only)")
	n := flag.Int("n", 10000, "requests to send")
	c := flag.Int("c", 8, "concurrent connections")
	limit := flag.Duration("duration", 2*time.Minute, "stop after this long even if not all requests were sent")
	warm := flag.Int("warmup", 200, "requests sent first and not measured")
	asOf := flag.String("as-of", "2026-11-21", "as_of of every request")
	seed := flag.Uint64("seed", 1, "seed of the pair mix")
	flag.Parse()
	if err := run(*base, *n, *c, *warm, *limit, *asOf, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

func run(base string, n, conc, warm int, limit time.Duration, asOf string, seed uint64) error {
	u, err := url.Parse(base)
	if err != nil {
		return err
	}
	host, _, err := net.SplitHostPort(u.Host)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%s is not a loopback address", host)
	}
	tr := &http.Transport{MaxIdleConns: conc, MaxIdleConnsPerHost: conc, IdleConnTimeout: time.Minute}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}

	var countries []country
	if err := getJSON(client, base+"/api/v1/countries", &countries); err != nil {
		return err
	}
	name := map[string]string{}
	var hubs [][2]string // (country, place name)
	for _, c := range countries {
		for _, id := range c.Hubs {
			var p place
			if err := getJSON(client, base+"/api/v1/places/"+url.PathEscape(id), &p); err != nil {
				return err
			}
			name[id] = p.Names.En
			hubs = append(hubs, [2]string{c.Code, p.Names.En})
		}
	}
	var pairs []string
	for _, a := range hubs {
		for _, b := range hubs {
			if a[0] != b[0] {
				q := url.Values{"from": {a[1]}, "to": {b[1]}, "as_of": {asOf}}
				pairs = append(pairs, base+"/api/v1/route?"+q.Encode())
			}
		}
	}
	if len(pairs) == 0 {
		return fmt.Errorf("no hub pairs")
	}
	rng := rand.New(rand.NewPCG(seed, 0))
	rng.Shuffle(len(pairs), func(i, j int) { pairs[i], pairs[j] = pairs[j], pairs[i] })
	fmt.Printf("%d hub places in %d countries, %d origin–destination pairs; %d requests on %d connections\n",
		len(hubs), len(countries), len(pairs), n, conc)

	send := func(ctx context.Context, total int, lat []time.Duration) (sent, errs, no int64, elapsed time.Duration) {
		var next, nerr, nnoroute atomic.Int64
		start := time.Now()
		var wg sync.WaitGroup
		for w := 0; w < conc; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for ctx.Err() == nil {
					i := next.Add(1) - 1
					if i >= int64(total) {
						return
					}
					t0 := time.Now()
					res, err := client.Get(pairs[int(i)%len(pairs)])
					if err != nil {
						nerr.Add(1)
						continue
					}
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if lat != nil {
						lat[i] = time.Since(t0)
					}
					switch {
					case res.StatusCode == 200:
					case res.StatusCode == 404: // no route between the pair on that date: an answer, not an error
						nnoroute.Add(1)
					default:
						nerr.Add(1)
					}
				}
			}()
		}
		wg.Wait()
		s := min(next.Load(), int64(total))
		return s, nerr.Load(), nnoroute.Load(), time.Since(start)
	}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	send(ctx, warm, nil)
	lat := make([]time.Duration, n)
	sent, errs, noRoute, elapsed := send(ctx, n, lat)
	lat = lat[:sent]
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	fmt.Printf("sent %d in %.2f s: %.0f requests/s; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; errors %d; no route %d\n",
		sent, elapsed.Seconds(), float64(sent)/elapsed.Seconds(),
		ms(pct(.5)), ms(pct(.9)), ms(pct(.99)), ms(pct(1)), errs, noRoute)
	if errs > 0 {
		return fmt.Errorf("%d errors", errs)
	}
	return nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func getJSON(c *http.Client, u string, v any) error {
	res, err := c.Get(u)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		b, _ := io.ReadAll(res.Body)
		return fmt.Errorf("GET %s: %d %s", u, res.StatusCode, b)
	}
	return json.NewDecoder(res.Body).Decode(v)
}
