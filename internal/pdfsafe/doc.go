// Package pdfsafe keeps active content out of the PDFs medchron hands on:
// Sanitize removes from a parsed PDF every JavaScript, Launch, URI, form
// submission (SubmitForm, ImportData, ResetForm), remote or embedded
// go-to, multimedia and other action but in-document navigation, every
// additional-actions (/AA) and open action, embedded files and XFA forms;
// Clean does the same to a PDF's bytes and writes the cleaned copy. The
// Bates-stamped exhibit and the originals shown in the browser go through
// it.
//
// Sniff is the cheap check an upload gets before it is accepted: from the
// first and last bytes of a file and its size it tells an empty file,
// another format renamed .pdf, and a file cut off before its end, without
// parsing anything.
package pdfsafe
