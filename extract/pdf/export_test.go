package pdf

// WalkPages is walkPages, for the external tests: the one-pass walk alone,
// without PageTree's fallback to PageDict.
var WalkPages = walkPages
