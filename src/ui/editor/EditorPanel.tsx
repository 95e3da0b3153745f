import { useEffect, useRef, useState } from 'react'
import { useEngine } from '../engineContext.ts'
import { appendBlock, useCluster } from '../store/clusterStore.ts'
import { OutputLog } from './ApplyOutput.tsx'
import type { ManifestEditor } from './monacoEditor.ts'
import { registerOpenFile } from './openFiles.ts'
import { registerEditorOpener } from './openInEditor.ts'
import { SAMPLES } from './samples.ts'

/** The editor's file name: Apply echoes `kubectl apply -f manifest.yaml`, and the terminal's `-f manifest.yaml` reads it. */
export const SOURCE = 'manifest.yaml'

/** Manifest editor with sample picker, Apply (or Ctrl/Cmd+Enter), and the apply output. */
export function EditorPanel() {
  const engine = useEngine()
  const host = useRef<HTMLDivElement>(null)
  const editor = useRef<ManifestEditor | null>(null)
  const applyRef = useRef<() => void>(() => {})
  const [loaded, setLoaded] = useState(false)
  const [sampleId, setSampleId] = useState(SAMPLES[0].id)
  const pending = useCluster((s) => s.applyPending)
  const output = useCluster((s) => s.applyOutput)

  applyRef.current = () => {
    const ed = editor.current
    if (!ed || useCluster.getState().applyPending) return
    useCluster.setState({ applyPending: true })
    void engine.apply(ed.getValue(), SOURCE).then((result) => {
      ed.setApplyMarkers(result.markers)
      useCluster.setState((s) => ({
        applyPending: false,
        applyMarkers: result.markers,
        applyOutput: appendBlock(s.applyOutput, { command: `kubectl apply -f ${SOURCE}`, lines: result.output, failed: result.failed }),
      }))
    })
  }

  useEffect(() => {
    let disposed = false
    void import('./monacoEditor.ts').then(({ createManifestEditor }) => {
      if (disposed || !host.current) return
      editor.current = createManifestEditor(host.current, {
        value: SAMPLES[0].yaml,
        onApply: () => applyRef.current(),
        ariaLabel: 'Manifest editor',
      })
      setLoaded(true)
    })
    const unregister = registerOpenFile(SOURCE, () => editor.current?.getValue() ?? '')
    const unregisterOpener = registerEditorOpener((text) => {
      editor.current?.setValue(text)
      editor.current?.focus()
    })
    return () => {
      unregister()
      unregisterOpener()
      disposed = true
      editor.current?.dispose()
      editor.current = null
    }
  }, [])

  const loadSample = (id: string) => {
    setSampleId(id)
    const sample = SAMPLES.find((s) => s.id === id)
    if (sample && editor.current) {
      editor.current.setValue(sample.yaml)
      editor.current.focus()
    }
  }

  return (
    <div className="editor-panel">
      <div className="panel-bar">
        <h2 className="panel-title">Manifest</h2>
        <label className="sample-picker">
          <span>Sample</span>
          <select value={sampleId} onChange={(e) => loadSample(e.target.value)} aria-label="Sample manifest">
            {SAMPLES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-primary" onClick={() => applyRef.current()} disabled={!loaded || pending} title="Apply (Ctrl/Cmd+Enter)">
          Apply
        </button>
      </div>
      <div className="editor-frame">
        <div className="editor-host" ref={host} />
        {!loaded && <div className="editor-loading">Loading editor…</div>}
      </div>
      <OutputLog blocks={output} label="kubectl output" emptyText="Apply a manifest to see kubectl's output." />
    </div>
  )
}
