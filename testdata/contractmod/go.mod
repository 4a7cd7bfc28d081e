module example.com/contractmod

go 1.26.0

require (
	example.com/platform v0.0.0
	github.com/idemlint/idemlint v0.0.0
)

replace github.com/idemlint/idemlint => ../..

replace example.com/platform => ../platform
