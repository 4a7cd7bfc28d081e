package consumers

import (
	"go/ast"
	"go/types"
)

// segmentio/kafka-go: FetchMessage leaves the commit to the application
// (at least once); ReadMessage of a group reader commits before returning
// (at most once) unless CommitInterval makes the commit asynchronous.
func init() {
	const pkg = "github.com/segmentio/kafka-go"
	on(pkg, "Reader", []string{"FetchMessage"}, kafkaGoFetch)
	on(pkg, "Reader", []string{"ReadMessage"}, kafkaGoRead)
}

// readerConfig returns the ReaderConfig literal the reader of call was
// created with (kafka.NewReader(kafka.ReaderConfig{...})), or nil.
func (a *analyzer) readerConfig(call *ast.CallExpr) *ast.CompositeLit {
	mk := a.producer(recvExpr(call))
	if mk == nil || len(mk.Args) != 1 {
		return nil
	}
	return a.composite(mk.Args[0])
}

func kafkaGoFetch(a *analyzer, call *ast.CallExpr, _ *types.Func, stack []ast.Node) {
	c := &Consumer{Library: "kafka-go", Pos: call.Pos(), End: call.End(), Kind: "topic", Delivery: AtLeastOnce}
	c.Target, _ = a.constString(field(a.readerConfig(call), "Topic"))
	a.restHandler(c, call, stack)
	a.add(c)
}

func kafkaGoRead(a *analyzer, call *ast.CallExpr, _ *types.Func, stack []ast.Node) {
	cfg := a.readerConfig(call)
	group, interval := field(cfg, "GroupID"), field(cfg, "CommitInterval")
	if group == nil {
		return // no group: no commits
	}
	if g, ok := a.constString(group); ok && g == "" {
		return
	}
	delivery := AsyncCommit
	if interval == nil {
		delivery = AtMostOnce // ReadMessage commits before it returns
	} else if tv, ok := a.pass.TypesInfo.Types[interval]; ok && tv.Value != nil && tv.Value.String() == "0" {
		delivery = AtMostOnce
	}
	c := &Consumer{Library: "kafka-go", Pos: call.Pos(), End: call.End(), Kind: "topic", Delivery: delivery}
	c.Target, _ = a.constString(field(cfg, "Topic"))
	a.restHandler(c, call, stack)
	a.add(c)
}
