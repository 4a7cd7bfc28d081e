package config

// StopMemoizing undoes MemoizeDiscovery and forgets what Find found.
func StopMemoizing() {
	memoize.Store(false)
	found.Clear()
}
