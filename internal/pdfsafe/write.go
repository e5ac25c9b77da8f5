package pdfsafe

import (
	"fmt"
	"io"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// write writes ctx, turning a pdfcpu panic into an error.
func write(ctx *model.Context, w io.Writer) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdfcpu panic: %v", r)
		}
	}()
	ctx.Write = model.NewWriteContext(ctx.Eol)
	return api.WriteContext(ctx, w)
}
