import { useEffect, useRef } from 'react'
import type { OutputBlock } from '../store/clusterStore.ts'

/** A scrolling log of command blocks: `$ command` then what kubectl printed. */
export function OutputLog({ blocks, label, emptyText }: { blocks: OutputBlock[]; label: string; emptyText: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = ref.current
    if (el) el.scrollTop = el.scrollHeight
  }, [blocks])
  return (
    <div className="output-log" role="log" aria-label={label} aria-live="polite" ref={ref} tabIndex={0}>
      {blocks.length === 0 && <div className="output-empty">{emptyText}</div>}
      {blocks.map((b) => (
        <div key={b.id} className={`output-block${b.failed ? ' failed' : ''}`}>
          <div className="output-command">$ {b.command}</div>
          {b.lines.map((line, i) => (
            <div key={i} className={`output-line${/^(error|Error)\b/.test(line) ? ' output-error' : /^Warning:/.test(line) ? ' output-warning' : ''}`}>
              {line}
            </div>
          ))}
        </div>
      ))}
    </div>
  )
}
