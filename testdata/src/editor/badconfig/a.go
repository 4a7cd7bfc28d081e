package badconfig // want `idemhandler: invalid configuration: .*\.idemlint\.yaml:2: unknown key "middlewares" .*; .*\.idemlint\.yaml:3: tests: want true or false`

import "net/http"

func create(w http.ResponseWriter, r *http.Request) {}
