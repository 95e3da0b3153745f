import type * as Monaco from 'monaco-editor/editor'
import { expandSnippet, KIND_SNIPPETS } from './snippets.ts'

/**
 * Offers each kind's skeleton manifest in the completion list (beside monaco-yaml's schema
 * completions), where a new document starts: on a line with nothing before the cursor but
 * the word being typed.
 */
export function registerSnippets(monaco: typeof Monaco): void {
  monaco.languages.registerCompletionItemProvider('yaml', {
    provideCompletionItems(model, position) {
      const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1)
      if (!/^\w*$/.test(before)) return { suggestions: [] }
      const word = model.getWordUntilPosition(position)
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn)
      return {
        suggestions: KIND_SNIPPETS.map((s) => ({
          label: { label: s.kind, description: 'manifest snippet' },
          kind: monaco.languages.CompletionItemKind.Snippet,
          detail: s.description,
          documentation: { value: '```yaml\n' + expandSnippet(s.body) + '```' },
          insertText: s.body,
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
          range,
          sortText: `0-${s.kind}`,
        })),
      }
    },
  })
}
