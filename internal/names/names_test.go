package names

import "testing"

func TestReadProcedure(t *testing.T) {
	for name, want := range map[string]bool{
		"GetCart": true, "/shop.v1.Cart/ListItems": true, "Check": true, "CheckHealth": true,
		"Checkout": false, "Listen": false, "EmptyCart": false, "/shop.v1.Cart/ShowCart": false, "Get2": true,
	} {
		if got := ReadProcedure(name); got != want {
			t.Errorf("ReadProcedure(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestVerb(t *testing.T) {
	verbs := []string{"Clear", "Empty"}
	for name, want := range map[string]string{
		"EmptyCart": "Empty", "Empty": "Empty", "ClearSessions": "Clear", "Clear2": "Clear",
		"Emptiness": "", "Clearance": "", "AddItem": "", "/shop.v1.Cart/EmptyCart": "",
	} {
		if got := Verb(verbs, name); got != want {
			t.Errorf("Verb(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestMethod(t *testing.T) {
	for name, want := range map[string]string{"/shop.v1.Cart/EmptyCart": "EmptyCart", "EmptyCart": "EmptyCart"} {
		if got := Method(name); got != want {
			t.Errorf("Method(%q) = %q, want %q", name, got, want)
		}
	}
}
