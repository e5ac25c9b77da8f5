// Package procattr sets what the operating system does with the child
// processes medchron starts (document readers, poppler programs) when
// medchron itself ends: on Linux they are killed with it, so a medchron
// that is killed (kill -9, an out-of-memory kill, a test's deadline) leaves
// no reader grinding through a hostile page for minutes.
package procattr
