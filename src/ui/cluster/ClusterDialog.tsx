import { useRef, useState } from 'react'
import { useEngine } from '../engineContext.ts'
import { useShortcutAction } from '../shortcuts/shortcutActions.ts'
import { useNodeNames } from '../store/selectors.ts'
import { nextWorkerName, nodeAddLine, type MachineForm } from './nodeAddLine.ts'
import { CLUSTER_PRESETS } from './presets.ts'
import { SchedulerProfilePanel } from './SchedulerProfilePanel.tsx'
import './cluster.css'

const EMPTY_FORM: MachineForm = { name: '', cpu: '', memory: '', maxPods: '', labels: '', taints: '' }

/**
 * The cluster editor: machines join and leave as a script's `node add` / `node remove` lines
 * (the dialog shows the line it runs), and presets rebuild the cluster in a chosen shape.
 * Labels and taints on a running node are kubectl's job: `kubectl label node`, `kubectl taint node`.
 */
export function ClusterDialog() {
  const dialog = useRef<HTMLDialogElement>(null)
  const engine = useEngine()
  const nodes = useNodeNames()
  const [form, setForm] = useState<MachineForm>(EMPTY_FORM)
  const [result, setResult] = useState<{ line: string; error: string | null } | null>(null)
  const name = form.name.trim() || nextWorkerName(nodes)
  const line = nodeAddLine({ ...form, name })
  useShortcutAction('cluster', () => dialog.current?.showModal())

  const run = async (text: string) => {
    setResult({ line: text, error: await engine.machine(text) })
  }
  const field = (key: keyof MachineForm, label: string, placeholder: string) => (
    <label className="cluster-field">
      <span>{label}</span>
      <input value={form[key]} placeholder={placeholder} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  )

  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => dialog.current?.showModal()}>
        Edit cluster
      </button>
      <dialog ref={dialog} className="cluster-dialog" aria-label="Cluster editor">
        <div className="panel-bar">
          <h2 className="panel-title">Cluster</h2>
          <button type="button" className="btn btn-close" aria-label="Close cluster editor" onClick={() => dialog.current?.close()}>
            ×
          </button>
        </div>
        <div className="cluster-body">
          <section aria-labelledby="cluster-machines">
            <h3 id="cluster-machines">Machines</h3>
            <ul className="cluster-machines">
              {nodes.map((n) => (
                <li key={n}>
                  <span className="cluster-machine-name">{n}</span>
                  <button type="button" className="btn btn-small" aria-label={`Remove machine ${n}`} onClick={() => void run(`node remove ${n}`)}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
            <p className="cluster-note">
              A removed machine&apos;s Node stays until you <code>kubectl delete node</code> it: it goes NotReady and its pods are
              evicted, as when a machine dies. Change a running node&apos;s labels and taints with <code>kubectl label node</code> and{' '}
              <code>kubectl taint node</code>.
            </p>
          </section>
          <form
            className="cluster-add"
            aria-labelledby="cluster-add-title"
            onSubmit={(e) => {
              e.preventDefault()
              void run(line).then(() => setForm(EMPTY_FORM))
            }}
          >
            <h3 id="cluster-add-title">Add a machine</h3>
            <div className="cluster-fields">
              {field('name', 'Name', name)}
              {field('cpu', 'CPU', 'as the workers')}
              {field('memory', 'Memory', 'as the workers')}
              {field('maxPods', 'Max pods', '110')}
              {field('labels', 'Labels', 'disk=ssd,zone=a')}
              {field('taints', 'Taints', 'gpu=true:NoSchedule')}
            </div>
            <p className="cluster-line">
              Runs <code>{line}</code>
            </p>
            <button type="submit" className="btn btn-primary">
              Add machine {name}
            </button>
          </form>
          {result && (
            <p className={`cluster-result${result.error ? ' failed' : ''}`} role={result.error ? 'alert' : 'status'}>
              {result.error ?? `Done: ${result.line}`}
            </p>
          )}
          <SchedulerProfilePanel />
          <section aria-labelledby="cluster-presets">
            <h3 id="cluster-presets">Start over with</h3>
            <ul className="cluster-presets">
              {CLUSTER_PRESETS.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className="btn"
                    aria-label={`Start over with ${p.label}: ${p.description}`}
                    onClick={() => {
                      if (!window.confirm(`Replace the whole cluster with "${p.label}"? Everything in it now is lost.`)) return
                      engine.rebuild(p.spec)
                      setResult(null)
                      dialog.current?.close()
                    }}
                  >
                    {p.label}
                  </button>
                  <span className="cluster-preset-text">
                    <span>{p.description}</span>
                    <span>
                      in a script: <code>{p.line}</code>
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </dialog>
    </>
  )
}
