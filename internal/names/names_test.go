package rpcname

import "testing"

func TestRead(t *testing.T) {
	for name, want := range map[string]bool{
		"GetCart": true, "/shop.v1.Cart/ListItems": true, "Check": true, "CheckHealth": true,
		"Checkout": false, "Listen": false, "EmptyCart": false, "/shop.v1.Cart/ShowCart": false, "Get2": true,
	} {
		if got := Read(name); got != want {
			t.Errorf("Read(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestPrefixed(t *testing.T) {
	verbs := []string{"Clear", "Empty"}
	for name, want := range map[string]bool{
		"/shop.v1.Cart/EmptyCart": true, "Empty": true, "ClearSessions": true, "Emptiness": false, "Clearance": false, "AddItem": false,
	} {
		if got := Prefixed(verbs, name); got != want {
			t.Errorf("Prefixed(%q) = %v, want %v", name, got, want)
		}
	}
}
