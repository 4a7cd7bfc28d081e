package app

import "effects/lib"

// Each function below reaches lib.Mail from one syntactic position: the
// walk that collects effects must visit every statement and expression
// that can hold a call.

func inIf() { // want inIf:`effects\(mail; sends mail\)`
	if err := lib.Mail(); err != nil {
		return
	}
}

func inIfCond() bool { return false }

func inElse() { // want inElse:`effects\(mail; sends mail\)`
	if inIfCond() {
	} else if lib.Mail() != nil {
	}
}

func inFor() { // want inFor:`effects\(mail; sends mail\)`
	for i := 0; i < 3 && lib.Mail() == nil; i++ {
	}
}

func inForPost() { // want inForPost:`effects\(mail; sends mail\)`
	for i := 0; i < 3; _ = lib.Mail() {
		i++
	}
}

func inRange(xs []int) { // want inRange:`effects\(mail; sends mail\)`
	for range xs {
		lib.Mail()
	}
}

func inSwitch(n int) { // want inSwitch:`effects\(mail; sends mail\)`
	switch n {
	case 1:
		lib.Mail()
	}
}

func inSwitchTag() { // want inSwitchTag:`effects\(mail; sends mail\)`
	switch lib.Mail() {
	}
}

func inTypeSwitch(x any) { // want inTypeSwitch:`effects\(mail; sends mail\)`
	switch x.(type) {
	case int:
		lib.Mail()
	}
}

func inSelect(c chan error) { // want inSelect:`effects\(mail; sends mail\)`
	select {
	case c <- lib.Mail():
	default:
	}
}

func inSelectBody(c chan int) { // want inSelectBody:`effects\(mail; sends mail\)`
	select {
	case <-c:
		lib.Mail()
	}
}

func inLabel() { // want inLabel:`effects\(mail; sends mail\)`
loop:
	for {
		lib.Mail()
		break loop
	}
}

func inGo() { // want inGo:`effects\(mail; sends mail\)`
	go lib.Mail()
}

func inDefer() { // want inDefer:`effects\(mail; sends mail\)`
	defer lib.Mail()
}

func inVar() { // want inVar:`effects\(mail; sends mail\)`
	var err = lib.Mail()
	_ = err
}

func inComposite() any { // want inComposite:`effects\(mail; sends mail\)`
	return map[string]error{"k": lib.Mail()}
}

func inCompositeKey() any { // want inCompositeKey:`effects\(mail; sends mail\)`
	return map[error]int{lib.Mail(): 1}
}

func inUnary() bool { // want inUnary:`effects\(mail; sends mail\)`
	return !(lib.Mail() == nil)
}

func inIndex(m map[error]int) int { // want inIndex:`effects\(mail; sends mail\)`
	return m[lib.Mail()]
}

func inSlice(s []int) []int { // want inSlice:`effects\(mail; sends mail\)`
	return s[:len(lib.Mail().Error())]
}

func inAssert() any { // want inAssert:`effects\(mail; sends mail\)`
	return any(lib.Mail()).(error)
}

func inStar() error { // want inStar:`effects\(mail; sends mail\)`
	p := new(error)
	*p = lib.Mail()
	return *p
}

func inSend(c chan error) { // want inSend:`effects\(mail; sends mail\)`
	c <- lib.Mail()
}

func inIncDec(m map[error]int) { // want inIncDec:`effects\(mail; sends mail\)`
	m[lib.Mail()]++
}

func inBlock() { // want inBlock:`effects\(mail; sends mail\)`
	{
		lib.Mail()
	}
}

func inLiteral() func() { // want inLiteral:`effects\(mail; sends mail\)`
	return func() { lib.Mail() }
}

func asValue() func() error { // want asValue:`effects\(mail; sends mail\)`
	return lib.Mail
}

func inMethodChain() string { // want inMethodChain:`effects\(mail; sends mail\)`
	return lib.Mail().Error()
}

// mailer is a package-level literal: its body is a unit of its own.
var mailer = func() error { return lib.Mail() }

func viaVar() { // no effect: a call of a function value is unknown
	mailer()
}

func inConversion() { // want inConversion:`effects\(mail; sends mail\)`
	_ = error(lib.Mail())
}
