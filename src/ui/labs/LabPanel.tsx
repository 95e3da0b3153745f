import { useEffect, useId, useState } from 'react'
import { useEngine } from '../engineContext.ts'
import { CATALOG, LEVEL_ORDER } from './catalog.ts'
import { labFromUrl } from './labFromUrl.ts'
import { progressText } from './labProgress.ts'
import { useLabPanel } from './labStore.ts'
import { Markdown } from './Markdown.tsx'
import './labs.css'

/** `?lab=` is read once per page. */
let urlLabRead = false

/** The header's button that opens and closes the lab panel (and starts a `?lab=` lab). */
export function LabsButton() {
  const engine = useEngine()
  useEffect(() => {
    if (urlLabRead) return
    urlLabRead = true
    void labFromUrl(location.href, (url) => fetch(url)).then((found) => {
      if (!found) return
      if ('error' in found) {
        useLabPanel.setState({ open: true, error: { origin: found.origin, line: 0, reason: found.error } })
        return
      }
      // A reload of the same page: the saved session already brings this lab back where the student was.
      if (useLabPanel.getState().restoredSource === found.source) return
      useLabPanel.setState({ open: true, origin: found.origin, hintsShown: {}, solutionShown: {} })
      engine.startLab(found.source, found.origin)
    })
  }, [engine])
  const open = useLabPanel((s) => s.open)
  const running = useLabPanel((s) => s.lab && !s.lab.done)
  return (
    <button type="button" className="btn labs-toggle" aria-expanded={open} aria-controls="lab-panel" onClick={() => useLabPanel.setState({ open: !open })}>
      Labs{running ? ' •' : ''}
    </button>
  )
}

/** Guided labs beside the cluster: a catalog, then the current step with hints, solution and live checks. */
export function LabPanel() {
  const open = useLabPanel((s) => s.open)
  const lab = useLabPanel((s) => s.lab)
  const error = useLabPanel((s) => s.error)
  if (!open) return null
  return (
    <aside id="lab-panel" className="lab-panel" aria-label="Lab">
      <div className="lab-panel-bar">
        <span className="lab-panel-name">Labs</span>
        <button type="button" className="btn btn-small" aria-label="Close labs" onClick={() => useLabPanel.setState({ open: false })}>
          ✕
        </button>
      </div>
      {error && (
        <p className="lab-error" role="alert">
          {error.line > 0 ? `${error.origin}:${error.line}: ${error.reason}` : `${error.origin}: ${error.reason}`}
        </p>
      )}
      {lab ? <LabRunner /> : <LabCatalog />}
    </aside>
  )
}

const TOPICS = [...new Set(CATALOG.flatMap((e) => e.topics))].sort()
const LEVELS = LEVEL_ORDER.filter((l) => CATALOG.some((e) => e.level === l))

function LabCatalog() {
  const engine = useEngine()
  const fileInput = useId()
  const progress = useLabPanel((s) => s.progress)
  const [topic, setTopic] = useState('')
  const [level, setLevel] = useState('')
  const start = (origin: string, source: string) => {
    useLabPanel.setState({ origin, hintsShown: {}, solutionShown: {} })
    engine.startLab(source, origin)
  }
  const shown = CATALOG.filter((e) => (!topic || e.topics.includes(topic)) && (!level || e.level === level))
  return (
    <div className="lab-catalog">
      <p className="lab-muted">Each lab starts a fresh cluster of its own, then checks your work as you go.</p>
      <div className="lab-filters">
        <label>
          Topic{' '}
          <select value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="">all</option>
            {TOPICS.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Level{' '}
          <select value={level} onChange={(e) => setLevel(e.target.value)}>
            <option value="">all</option>
            {LEVELS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="lab-muted">No built-in lab matches.</p>
      ) : (
        <ul className="lab-list" aria-label="Built-in labs">
          {shown.map((entry) => {
            const done = progressText(progress[`${entry.id}.md`])
            return (
              // The button's text is the title (its name adds "Start lab:" and the progress); the whole card is its target.
              <li key={entry.id} className="lab-list-item">
                <button type="button" className="lab-list-title" aria-label={`Start lab: ${entry.title} (${done})`} onClick={() => start(`${entry.id}.md`, entry.source)}>
                  {entry.title}
                </button>
                <span className="lab-muted">{[entry.level, entry.minutes ? `${entry.minutes} min` : undefined, done].filter(Boolean).join(' · ')}</span>
              </li>
            )
          })}
        </ul>
      )}
      <label className="lab-file" htmlFor={fileInput}>
        Open a lab file (.md)
        <input
          id={fileInput}
          type="file"
          accept=".md,text/markdown"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0]
            e.currentTarget.value = ''
            if (file) void file.text().then((text) => start(file.name, text))
          }}
        />
      </label>
    </div>
  )
}

function LabRunner() {
  const engine = useEngine()
  const lab = useLabPanel((s) => s.lab)!
  const hintsShown = useLabPanel((s) => s.hintsShown)
  const solutionShown = useLabPanel((s) => s.solutionShown)
  const { view, current, done } = lab
  const step = view.steps[current]
  const shown = hintsShown[current] ?? 0
  return (
    <div className="lab-runner">
      <h2 className="lab-title">{view.title}</h2>
      <p className="lab-muted">{[view.level, view.minutes ? `${view.minutes} min` : undefined, ...view.topics].filter(Boolean).join(' · ')}</p>
      {view.intro && (
        <details className="lab-intro" open={current === 0}>
          <summary>About this lab</summary>
          <Markdown source={view.intro} />
        </details>
      )}
      <ol className="lab-steps" aria-label="Steps">
        {view.steps.map((s, i) => (
          <li key={i} className={i < current ? 'passed' : i === current ? 'current' : 'upcoming'} aria-current={i === current ? 'step' : undefined}>
            <span className="lab-step-mark" aria-hidden="true">
              {i < current ? '✓' : i + 1}
            </span>
            <span>
              {s.title}
              <span className="visually-hidden">{i < current ? ' (passed)' : i === current ? ' (current)' : ''}</span>
            </span>
          </li>
        ))}
      </ol>
      <p className="lab-status" role="status" aria-live="polite">
        {done ? `Lab complete: all ${view.steps.length} steps passed.` : `Step ${current + 1} of ${view.steps.length}`}
      </p>
      {step && (
        <section className="lab-step" aria-labelledby="lab-step-title">
          <h3 id="lab-step-title">{step.title}</h3>
          <Markdown source={step.instructions} headingOffset={3} />
          {step.hints.slice(0, shown).map((hint, i) => (
            <div key={i} className="lab-hint" role="note" aria-label={`Hint ${i + 1}`}>
              <Markdown source={hint} headingOffset={3} />
            </div>
          ))}
          <div className="lab-actions">
            {step.hints.length > 0 && (
              <button type="button" className="btn" disabled={shown >= step.hints.length} onClick={() => useLabPanel.setState((s) => ({ hintsShown: { ...s.hintsShown, [current]: shown + 1 } }))}>
                {shown >= step.hints.length ? 'No more hints' : `Show a hint (${shown + 1} of ${step.hints.length})`}
              </button>
            )}
            {step.solution !== undefined && !solutionShown[current] && (
              <button type="button" className="btn" onClick={() => useLabPanel.setState((s) => ({ solutionShown: { ...s.solutionShown, [current]: true } }))}>
                Show solution
              </button>
            )}
          </div>
          {step.solution !== undefined && solutionShown[current] && (
            <div className="lab-solution">
              <pre className="lab-code" aria-label="Solution">
                <code>{step.solution}</code>
              </pre>
              <button type="button" className="btn btn-primary" onClick={() => engine.labSolution()}>
                Apply solution
              </button>
            </div>
          )}
        </section>
      )}
      <div className="lab-footer">
        <button type="button" className="btn" onClick={() => engine.resetLab()}>
          Reset lab
        </button>
        <button type="button" className="btn" onClick={() => engine.quitLab()}>
          Leave lab
        </button>
      </div>
    </div>
  )
}
