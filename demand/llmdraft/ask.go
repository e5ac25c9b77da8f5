package llmdraft

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/llm"
	openai "github.com/sashabaranov/go-openai"
)

// answer is what the model must reply.
type answer struct {
	Sentences []answerSentence `json:"sentences"`
}

type answerSentence struct {
	Text    string   `json:"text"`
	Entries []string `json:"entries"`
}

// ask sends the conversation and re-asks while the answer is malformed,
// at most MaxRetries times. A server that rejects the JSON response format
// is asked again without it.
func (d *Drafter) ask(ctx context.Context, system, user string) (answer, extract.Usage, error) {
	var usage extract.Usage
	convo := []openai.ChatCompletionMessage{
		{Role: openai.ChatMessageRoleSystem, Content: system},
		{Role: openai.ChatMessageRoleUser, Content: user},
	}
	jsonMode := true
	var lastErr error
	for attempt := 0; attempt <= d.cfg.MaxRetries; {
		req := openai.ChatCompletionRequest{Model: d.cfg.Model, Messages: convo, Temperature: llm.Temperature, Seed: ptr(llm.Seed)}
		if jsonMode {
			req.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
		}
		rctx, cancel := context.WithTimeout(ctx, d.cfg.Timeout)
		resp, err := d.client.CreateChatCompletion(rctx, req)
		cancel()
		if err != nil {
			var apiErr *openai.APIError
			if jsonMode && errors.As(err, &apiErr) && apiErr.HTTPStatusCode == 400 && strings.Contains(strings.ToLower(apiErr.Message), "response_format") {
				jsonMode = false
				continue
			}
			if ctx.Err() != nil {
				return answer{}, usage, context.Cause(ctx)
			}
			d.cfg.Logger.Warn("llm draft request failed", "model", d.cfg.Model, "err", shortErr(err))
			return answer{}, usage, fmt.Errorf("request: %w", err)
		}
		usage.PromptTokens += resp.Usage.PromptTokens
		usage.CompletionTokens += resp.Usage.CompletionTokens
		content := ""
		if len(resp.Choices) > 0 {
			content = resp.Choices[0].Message.Content
		}
		a, perr := parseAnswer(content)
		if perr == nil {
			return a, usage, nil
		}
		lastErr = perr
		attempt++
		convo = append(convo,
			openai.ChatCompletionMessage{Role: openai.ChatMessageRoleAssistant, Content: content},
			openai.ChatCompletionMessage{Role: openai.ChatMessageRoleUser, Content: "Your answer could not be used: " + perr.Error() +
				`. Answer again with one JSON object only: {"sentences": [{"text": "...", "entries": ["..."]}]}`})
	}
	return answer{}, usage, fmt.Errorf("malformed answer after %d attempts: %w", d.cfg.MaxRetries+1, lastErr)
}

func ptr[T any](v T) *T { return &v }

// parseAnswer reads the JSON object of content, inside a code fence or
// not.
func parseAnswer(content string) (answer, error) {
	i, j := strings.IndexByte(content, '{'), strings.LastIndexByte(content, '}')
	if i < 0 || j < i {
		return answer{}, errors.New("no JSON object in the answer")
	}
	var a answer
	dec := json.NewDecoder(strings.NewReader(content[i : j+1]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return answer{}, fmt.Errorf("the JSON does not match the answer format: %v", err)
	}
	if len(a.Sentences) == 0 {
		return answer{}, errors.New("the answer holds no sentence")
	}
	return a, nil
}

// shortErr keeps a server's error message short in logs.
func shortErr(err error) string {
	s := err.Error()
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
