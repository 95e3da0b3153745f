import { useRef, useState, type KeyboardEvent } from 'react'
import { OutputLog } from '../editor/ApplyOutput.tsx'
import { useEngine } from '../engineContext.ts'
import { useCluster } from '../store/clusterStore.ts'
import { runInTerminal } from './runInTerminal.ts'

/** A one-line kubectl prompt with history (↑/↓) and its output log. */
export function Terminal() {
  const engine = useEngine()
  const blocks = useCluster((s) => s.terminal)
  const [line, setLine] = useState('')
  const [busy, setBusy] = useState(false)
  const history = useRef<string[]>([])
  const cursor = useRef(0)

  const run = async () => {
    const command = line.trim().replace(/^kubectl(\s+|$)/, '')
    if (!command || busy) return
    history.current = [...history.current.filter((h) => h !== command), command]
    cursor.current = history.current.length
    setLine('')
    setBusy(true)
    try {
      await runInTerminal(engine, command)
    } finally {
      setBusy(false)
    }
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      void run()
    } else if (e.key === 'ArrowUp' && history.current.length > 0) {
      e.preventDefault()
      cursor.current = Math.max(0, cursor.current - 1)
      setLine(history.current[cursor.current] ?? '')
    } else if (e.key === 'ArrowDown') {
      e.preventDefault()
      cursor.current = Math.min(history.current.length, cursor.current + 1)
      setLine(history.current[cursor.current] ?? '')
    }
  }

  return (
    <section className="terminal" aria-label="kubectl terminal">
      <OutputLog blocks={blocks} label="kubectl terminal output" emptyText="Try: kubectl get pods -o wide" />
      <div className="terminal-prompt">
        <label htmlFor="kubectl-input" className="prompt-label">
          $ kubectl
        </label>
        <input
          id="kubectl-input"
          className="terminal-input"
          aria-label="kubectl command"
          placeholder="get pods"
          autoComplete="off"
          spellCheck={false}
          value={line}
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
    </section>
  )
}
