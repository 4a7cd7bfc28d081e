package lazyre

import "testing"

func TestNew(t *testing.T) {
	re := New(`^a+$`)
	first, second := re(), re()
	if !first.MatchString("aaa") || first.MatchString("b") || first != second {
		t.Error("New(`^a+$`) does not return one compiled expression")
	}
	defer func() {
		if recover() == nil {
			t.Error("an invalid expression did not panic on first use")
		}
	}()
	New(`(`)()
}
