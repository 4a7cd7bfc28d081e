// Package hooklog is a logger that hands records to a slog.Handler and
// calls hooks held in function fields, both set by its importers: the
// model cannot see them. Its methods shaped like logging do not hide
// their callers; its other methods do.
package hooklog

import (
	"context"
	"database/sql"
	"log/slog"
	"time"
)

// Hooks are called for each record of their level.
type Hooks struct {
	OnError func(ctx context.Context, msg string)
}

type Logger struct {
	handler slog.Handler
	traceID func(ctx context.Context) string
	hooks   Hooks
	db      *sql.DB
}

func New(h slog.Handler, traceID func(ctx context.Context) string, hooks Hooks) *Logger {
	return &Logger{handler: h, traceID: traceID, hooks: hooks}
}

func (l *Logger) write(ctx context.Context, level slog.Level, msg string, args ...any) { // want write:`^effects\(\) opaque$`
	if !l.handler.Enabled(ctx, level) {
		return
	}
	r := slog.NewRecord(time.Now(), level, msg, 0)
	r.Add(append(args, "trace_id", l.traceID(ctx))...)
	l.handler.Handle(ctx, r)
}

// Info is shaped like logging: opaque itself, but its callers are not
// hidden by it.
func (l *Logger) Info(ctx context.Context, msg string, args ...any) { // want Info:`^effects\(\) opaque$`
	l.write(ctx, slog.LevelInfo, msg, args...)
}

// Error is shaped like logging, and also stores the error: its effects
// still count.
func (l *Logger) Error(ctx context.Context, msg string, args ...any) { // want Error:`^effects\(sql; inserts into errors\) opaque$`
	if l.hooks.OnError != nil {
		l.hooks.OnError(ctx, msg)
	}
	l.db.ExecContext(ctx, "INSERT INTO errors (msg) VALUES ($1)", msg)
	l.write(ctx, slog.LevelError, msg, args...)
}

// Event is not named after a level: what it does not show hides its
// callers.
func (l *Logger) Event(ctx context.Context, msg string) { // want Event:`^effects\(\) opaque$`
	l.write(ctx, slog.LevelInfo, msg)
}

// Infof returns a value: not shaped like logging.
func (l *Logger) Infof(format string, args ...any) error { // want Infof:`^effects\(\) opaque$`
	l.write(context.Background(), slog.LevelInfo, format, args...)
	return nil
}

// Started logs through Info in the same package: seen, no fact.
func Started(ctx context.Context, l *Logger) {
	l.Info(ctx, "started")
}
