package service

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"time"

	"github.com/caravan-transport/caravan"
)

// Job states.
const (
	JobQueued   = "queued"
	JobRunning  = "running"
	JobDone     = "done"
	JobFailed   = "failed"
	JobCanceled = "canceled"
)

// Limits of the job queue: one job runs at a time (an assignment already
// uses every core), a few wait, the last results are kept.
const (
	maxQueuedJobs = 4
	maxKeptJobs   = 32
	maxJobTime    = 15 * time.Minute
)

// JobView is what a job looks like from outside: its state, the stage it
// is at, how long it has run and, once done, its result.
type JobView struct {
	ID       string    `json:"id"`
	Kind     string    `json:"kind"` // "assign"
	State    string    `json:"state"`
	Stage    string    `json:"stage,omitempty"` // e.g. demand, equilibrium, criticality
	Created  time.Time `json:"created"`
	Elapsed  float64   `json:"elapsed_seconds"`
	Error    *JobError `json:"error,omitempty"`
	Result   any       `json:"result,omitempty"`
	Position int       `json:"queue_position,omitempty"` // 1 = next to run
}

// JobError is why a job failed, with the parameter at fault if any.
type JobError struct {
	Message string `json:"message"`
	Param   string `json:"param,omitempty"`
}

type job struct {
	JobView
	started  time.Time
	finished time.Time
	run      func(ctx context.Context, stage func(string)) (any, error)
	cancel   context.CancelFunc
}

// jobs is the service's queue of background computations.
type jobs struct {
	mu      sync.Mutex
	next    int
	byID    map[string]*job
	order   []string // oldest first
	queue   []*job
	running *job
	ctx     context.Context // canceled by Service.Close
	stop    context.CancelFunc
}

func (j *jobs) init() {
	if j.byID == nil {
		j.byID = map[string]*job{}
		j.ctx, j.stop = context.WithCancel(context.Background())
	}
}

// submit queues run as a job of kind; it fails with Unavailable when the
// queue is full.
func (s *Service) submit(kind string, run func(ctx context.Context, stage func(string)) (any, error)) (JobView, error) {
	j := &s.jobs
	j.mu.Lock()
	defer j.mu.Unlock()
	j.init()
	if len(j.queue) >= maxQueuedJobs {
		return JobView{}, caravan.Errorf(caravan.Unavailable, "", "%d jobs are waiting already; try again when one has finished", len(j.queue))
	}
	j.next++
	jb := &job{JobView: JobView{ID: kind + "-" + strconv.Itoa(j.next), Kind: kind, State: JobQueued, Created: s.now().UTC()}, run: run}
	j.byID[jb.ID] = jb
	j.order = append(j.order, jb.ID)
	j.queue = append(j.queue, jb)
	for len(j.order) > maxKeptJobs { // forget the oldest finished jobs
		old := j.byID[j.order[0]]
		if old.State == JobQueued || old.State == JobRunning {
			break
		}
		delete(j.byID, j.order[0])
		j.order = j.order[1:]
	}
	if j.running == nil {
		s.startNext()
	}
	return s.view(jb), nil
}

// startNext runs the next queued job; j.mu is held.
func (s *Service) startNext() {
	j := &s.jobs
	if len(j.queue) == 0 {
		return
	}
	jb := j.queue[0]
	j.queue = j.queue[1:]
	j.running = jb
	jb.State, jb.started = JobRunning, time.Now()
	ctx, cancel := context.WithTimeout(j.ctx, maxJobTime)
	jb.cancel = cancel
	go func() {
		res, err := jb.run(ctx, func(stage string) {
			j.mu.Lock()
			jb.Stage = stage
			j.mu.Unlock()
		})
		cancel()
		j.mu.Lock()
		defer j.mu.Unlock()
		jb.finished = time.Now()
		switch {
		case err == nil:
			jb.State, jb.Result = JobDone, res
		case errors.Is(err, context.Canceled) && jb.State == JobCanceled:
		default:
			jb.State = JobFailed
			jb.Error = &JobError{}
			jb.Error.Param, jb.Error.Message = caravan.ParamDetail(err)
			if caravan.KindOf(err) == caravan.Internal {
				s.logger.Error("job failed", "job", jb.ID, "err", err)
				jb.Error.Message = "internal error"
			}
			if errors.Is(err, context.DeadlineExceeded) {
				jb.Error.Message = "the job took longer than " + maxJobTime.String()
			}
		}
		jb.run = nil
		j.running = nil
		s.startNext()
	}()
}

// view returns the outside view of jb; s.jobs.mu is held.
func (s *Service) view(jb *job) JobView {
	v := jb.JobView
	switch {
	case !jb.finished.IsZero():
		v.Elapsed = jb.finished.Sub(jb.started).Seconds()
	case !jb.started.IsZero():
		v.Elapsed = time.Since(jb.started).Seconds()
	}
	for i, q := range s.jobs.queue {
		if q == jb {
			v.Position = i + 1
		}
	}
	return v
}

// Job returns the job with id.
func (s *Service) Job(id string) (JobView, error) {
	j := &s.jobs
	j.mu.Lock()
	defer j.mu.Unlock()
	jb, ok := j.byID[id]
	if !ok {
		return JobView{}, caravan.ParamError(caravan.NotFound, "id", "no job %q (finished jobs are kept for a while, the last %d)", id, maxKeptJobs)
	}
	return s.view(jb), nil
}

// CancelJob stops the job with id, queued or running. Canceling a finished
// job changes nothing.
func (s *Service) CancelJob(id string) (JobView, error) {
	j := &s.jobs
	j.mu.Lock()
	defer j.mu.Unlock()
	jb, ok := j.byID[id]
	if !ok {
		return JobView{}, caravan.ParamError(caravan.NotFound, "id", "no job %q", id)
	}
	switch jb.State {
	case JobQueued:
		for i, q := range j.queue {
			if q == jb {
				j.queue = append(j.queue[:i], j.queue[i+1:]...)
				break
			}
		}
		jb.State, jb.run = JobCanceled, nil
	case JobRunning:
		jb.State = JobCanceled
		jb.cancel()
	}
	return s.view(jb), nil
}

// stopJobs cancels every job (Close).
func (s *Service) stopJobs() {
	j := &s.jobs
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.stop != nil {
		j.stop()
	}
}

// AssignResult is the result of an assignment job: the report and its flows
// as GeoJSON lines for a map.
type AssignResult struct {
	Report *AssignReport      `json:"report"`
	Flows  *FeatureCollection `json:"flows"`
}

// StartAssign queues the assignment q as a background job and returns it.
// Its progress and result are read with Job.
func (s *Service) StartAssign(q *AssignQuery) (JobView, error) {
	return s.submit("assign", func(ctx context.Context, stage func(string)) (any, error) {
		rep, err := s.Assign(ctx, q, stage)
		if err != nil {
			return nil, err
		}
		return &AssignResult{Report: rep, Flows: s.FlowsGeoJSON(rep.Result)}, nil
	})
}
