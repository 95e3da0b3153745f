import { useEffect, useRef, useState } from 'react'
import { useEngine } from '../engineContext.ts'
import { exportAllYaml, exportSessionFile, importSessionFile, resetEverything, shareLink } from './sessionActions.ts'
import { useSession } from './sessionStore.ts'
import './session.css'

/** The session's actions: share, export and import the log, export all YAML, reset. */
export function SessionMenu() {
  const engine = useEngine()
  const saveFailed = useSession((s) => s.saveFailed)
  const [open, setOpen] = useState(false)
  const [link, setLink] = useState<{ url: string; copied: boolean } | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      setOpen(false)
      toggle.current?.focus()
    }
    const onPointer = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointer)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointer)
    }
  }, [open])

  const copyLink = async () => {
    const url = await shareLink()
    let copied = false
    try {
      await navigator.clipboard.writeText(url)
      copied = true
    } catch {
      // No clipboard permission (or not a secure context): the link is shown to copy by hand.
    }
    setLink({ url, copied })
  }

  const reset = () => {
    if (!confirm('Reset the cluster? This deletes the cluster, its history, the editor tabs and the settings kept in this browser.')) return
    setOpen(false)
    setLink(null)
    resetEverything(engine)
  }

  return (
    <div className="session-menu" ref={menu}>
      <button ref={toggle} type="button" className="btn" aria-expanded={open} aria-controls="session-menu-panel" onClick={() => setOpen(!open)}>
        <span className="btn-short" aria-hidden="true">
          ☰
        </span>
        <span className="btn-label">Session</span> <span aria-hidden="true">▾</span>
      </button>
      {saveFailed && (
        <span className="session-save-failed" role="status">
          Not saved: the browser&apos;s storage is full
        </span>
      )}
      {open && (
        <div id="session-menu-panel" className="session-menu-panel" role="group" aria-label="Session">
          <button type="button" className="btn" onClick={() => void copyLink()}>
            Copy share link
          </button>
          {link && (
            <div className="session-link">
              <label htmlFor="session-link-url">{link.copied ? 'Copied to the clipboard:' : 'Copy this link:'}</label>
              <input id="session-link-url" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
            </div>
          )}
          <button type="button" className="btn" onClick={exportSessionFile}>
            Export session (kubesim-session.json)
          </button>
          <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
            Import session…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label="Session file to import"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0]
              e.currentTarget.value = ''
              if (!file) return
              setOpen(false)
              void importSessionFile(engine, file)
            }}
          />
          <button type="button" className="btn" onClick={exportAllYaml}>
            Export all YAML
          </button>
          <button type="button" className="btn btn-danger" onClick={reset}>
            Reset cluster…
          </button>
        </div>
      )}
    </div>
  )
}
