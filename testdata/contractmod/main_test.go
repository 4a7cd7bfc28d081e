package main

import (
	"net/http"
	"testing"

	"github.com/idemlint/idemlint/idemtest"
)

func count() int { return 0 }

func TestCreateOrderContract(t *testing.T) {
	idemtest.TestRoute(t, newMux(), idemtest.Contract{Method: http.MethodPost, Path: "/v1/orders", Effects: count})
}

func TestCancelOrderContract(t *testing.T) {
	c := idemtest.Contract{Method: http.MethodPost, Path: "/v1/orders/ord_1/cancel", Effects: count}
	c.Skip = idemtest.StoreDown
	idemtest.TestRoute(t, newMux(), c)
}

// The imports route is tested with another harness.
//
//idem:contract POST /v1/imports
func TestImportsByHand(t *testing.T) {}

// A check asserts nothing by itself: it is no contract test.
func TestRefundsBreakTheContract(t *testing.T) {
	if rs, _ := idemtest.CheckRoute(newMux(), idemtest.Contract{Method: http.MethodPost, Path: "/v1/refunds", Effects: count}); rs.Failed() == 0 {
		t.Error("the refunds route passes")
	}
}

// The analysis cannot tell the routes of a table.
func TestTable(t *testing.T) {
	for _, path := range []string{"/v1/carts/c_1"} {
		idemtest.TestRoute(t, newMux(), idemtest.Contract{Method: http.MethodPatch, Path: path, Effects: count})
	}
}
