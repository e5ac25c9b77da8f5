package hostile

import (
	"bytes"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/medchron/medchron/extract/pdf"
)

// texts adds records whose text is the attack: markup that must stay
// text in every export, control characters, odd encodings.
func texts(add adder) {
	rec := func(file, why, text string) {
		add(file, Accepted, why, func() ([]byte, error) { return Page(text, "", "").Bytes("/Root 1 0 R"), nil })
	}
	rec("text-html.pdf", "record text holding HTML and script tags (demand.md, HTML exports)",
		strings.Replace(Record, "neck pain after motor vehicle collision", "<script>alert('x')</script><img src=x onerror=alert(1)> neck pain", 1))
	rec("text-markdown.pdf", "record text holding Markdown links and images",
		strings.Replace(Record, "neck pain after motor vehicle collision", "[click](javascript:alert(1)) ![x](http://198.51.100.7/p.png) neck pain", 1))
	rec("text-formula.pdf", "record text that a spreadsheet would run as a formula",
		strings.Replace(Record, "neck pain after motor vehicle collision", "=HYPERLINK(\"http://198.51.100.7\",\"x\") neck pain", 1))
	rec("text-control.pdf", "record text with terminal escapes and NUL bytes",
		strings.Replace(Record, "neck pain after motor vehicle collision", "neck\x1b[2J pain\x00 after\x07 collision", 1))
	rec("text-bidi.pdf", "record text with bidirectional overrides",
		strings.Replace(Record, "neck pain after motor vehicle collision", "neck pain \u202eesrow\u202c after collision", 1))
	add("text-invalid-utf16.pdf", Either, "a text string with an unpaired UTF-16 surrogate in the metadata", func() ([]byte, error) {
		d := Page(strings.Replace(Record, "Oakwood", "Utfwood", 1), "", "")
		d.Add("<< /Title <FEFFD800D800> /Author <FEFF00> >>")
		return d.Bytes("/Root 1 0 R /Info 6 0 R"), nil
	})
	add("text-many-objects.pdf", Either, "100,000 separately placed one-letter text objects", func() ([]byte, error) {
		var b bytes.Buffer
		for i := 0; i < 100000; i++ {
			b.WriteString("BT /F1 4 Tf 10 10 Td (x) Tj ET\n")
		}
		d := Page("", "", "")
		d.objs = d.objs[:3]
		d.Stream("", b.Bytes())
		d.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
		return d.Bytes("/Root 1 0 R"), nil
	})
}

// encrypted adds encrypted files: with a user password (refused, the
// reason given) and with an empty one (read like any other).
func encrypted(add adder) {
	base := Page(strings.Replace(Record, "Oakwood", "Lockwood", 1), "", "").Bytes("/Root 1 0 R")
	for _, c := range []struct {
		file, why, user string
		mode            func(*model.Configuration)
		want            Outcome
	}{
		{"encrypted-aes256.pdf", "AES-256 with a user password", "secret", aes256, Refused},
		{"encrypted-aes128.pdf", "AES-128 with a user password", "secret", aes128, Refused},
		{"encrypted-rc4.pdf", "RC4-128 with a user password", "secret", rc4, Refused},
		{"encrypted-empty-password.pdf", "AES-128 with an empty user password (opens without one)", "", aes128, Either},
	} {
		c := c
		add(c.file, c.want, c.why, func() ([]byte, error) {
			conf := pdf.Config()
			conf.UserPW, conf.OwnerPW = c.user, "owner-"+c.file
			c.mode(conf)
			var out bytes.Buffer
			if err := api.Encrypt(bytes.NewReader(base), &out, conf); err != nil {
				return nil, err
			}
			return out.Bytes(), nil
		})
	}
	add("encrypt-dict-garbage.pdf", Either, "an /Encrypt entry that is not an encryption dictionary", func() ([]byte, error) {
		return bytes.Replace(base, []byte("/Root 1 0 R"), []byte("/Root 1 0 R /Encrypt 5 0 R /ID [<00><00>]"), 1), nil
	})
}

func aes256(c *model.Configuration) { c.EncryptUsingAES, c.EncryptKeyLength = true, 256 }
func aes128(c *model.Configuration) { c.EncryptUsingAES, c.EncryptKeyLength = true, 128 }
func rc4(c *model.Configuration)    { c.EncryptUsingAES, c.EncryptKeyLength = false, 128 }
