import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { OutputLog } from '../editor/ApplyOutput.tsx'
import { openFileNames } from '../editor/openFiles.ts'
import { useEngine } from '../engineContext.ts'
import { useShortcutAction } from '../shortcuts/shortcutActions.ts'
import { useCluster } from '../store/clusterStore.ts'
import { complete } from './completion.ts'
import { CommandHistory } from './history.ts'
import { runTypedLine, stopWatching } from './runInTerminal.ts'

/** One history for the page, so it outlives the component (and reloads, via sessionStorage). */
let sharedHistory: CommandHistory | undefined
function history(): CommandHistory {
  sharedHistory ??= new CommandHistory(typeof sessionStorage === 'undefined' ? undefined : sessionStorage)
  return sharedHistory
}

/** A one-line kubectl prompt with history (↑/↓), Tab completion, and its output log. */
export function Terminal() {
  const engine = useEngine()
  const blocks = useCluster((s) => s.terminal)
  const watching = useCluster((s) => s.watch !== null)
  const [line, setLine] = useState('')
  const [busy, setBusy] = useState(false)
  const [candidates, setCandidates] = useState<string[]>([])
  const input = useRef<HTMLInputElement>(null)
  /** Where the caret goes after a programmatic change of the line. */
  const caret = useRef<number | null>(null)
  useShortcutAction('terminal', () => input.current?.focus())

  useLayoutEffect(() => {
    if (caret.current === null || !input.current) return
    input.current.setSelectionRange(caret.current, caret.current)
    caret.current = null
  }, [line])

  const replaceLine = (text: string, caretAt = text.length) => {
    // The same text renders nothing, so the caret is placed now rather than after a render.
    if (text === line) input.current?.setSelectionRange(caretAt, caretAt)
    else {
      caret.current = caretAt
      setLine(text)
    }
  }

  const run = async () => {
    const command = line.trim()
    if (!command || busy) return
    history().push(command)
    setLine('')
    setCandidates([])
    setBusy(true)
    try {
      await runTypedLine(engine, command)
    } finally {
      setBusy(false)
    }
  }

  const completeAtCaret = () => {
    const at = input.current?.selectionStart ?? line.length
    const { objects, vocabulary, kubectlNamespace } = useCluster.getState()
    if (!vocabulary) return
    const result = complete(line.slice(0, at), { vocabulary, objects, files: openFileNames(), namespace: kubectlNamespace })
    replaceLine(result.text + line.slice(at), result.text.length)
    setCandidates(result.candidates)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      void run()
    } else if (e.key === 'Tab' && !e.shiftKey && line.trim() !== '') {
      // An empty prompt lets Tab move focus on, so the keyboard is never trapped here.
      e.preventDefault()
      completeAtCaret()
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      const previous = history().up(line)
      if (previous !== undefined) replaceLine(previous)
    } else if (e.key === 'ArrowDown') {
      e.preventDefault()
      const next = history().down()
      if (next !== undefined) replaceLine(next)
    } else if (e.key.toLowerCase() === 'c' && e.ctrlKey && !e.metaKey && input.current?.selectionStart === input.current?.selectionEnd) {
      // Ctrl+C with nothing selected stops a running watch, else abandons the line, as in a shell (with a selection it copies).
      e.preventDefault()
      if (watching) stopWatching(engine)
      else {
        setLine('')
        setCandidates([])
      }
    }
  }

  return (
    <section className="terminal" aria-label="kubectl terminal">
      <OutputLog blocks={blocks} label="kubectl terminal output" emptyText="Try: kubectl get pods -o wide   (type help for what kubesim answers)" />
      {candidates.length > 0 && (
        <div className="terminal-candidates" role="status" aria-label="Completions">
          {candidates.join('  ')}
        </div>
      )}
      <div className="terminal-prompt">
        <label htmlFor="kubectl-input" className="prompt-label">
          $ kubectl
        </label>
        <input
          ref={input}
          id="kubectl-input"
          className="terminal-input"
          aria-label="kubectl command"
          aria-describedby="kubectl-input-hint"
          placeholder="get pods"
          autoComplete="off"
          spellCheck={false}
          value={line}
          onChange={(e) => {
            caret.current = null
            setLine(e.target.value)
            setCandidates([])
          }}
          onKeyDown={onKeyDown}
        />
        {watching && (
          <button type="button" className="btn terminal-stop" onClick={() => stopWatching(engine)} title="Stop watching (Ctrl+C)">
            Stop watching
          </button>
        )}
        <span id="kubectl-input-hint" className="visually-hidden">
          Up and Down recall earlier commands; Tab completes; Ctrl+C stops a watch; type help for the supported commands.
        </span>
      </div>
    </section>
  )
}
