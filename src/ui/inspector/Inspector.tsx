import { useEffect, useId, useState } from 'react'
import type { Pod } from '../../engine/api/types.ts'
import { openInEditor } from '../editor/openInEditor.ts'
import { editorShowsBesideInspector, useSideColumn } from '../layout/sideColumn.ts'
import { CountdownList } from '../canvas/Countdowns.tsx'
import { useCluster } from '../store/clusterStore.ts'
import { useDecision, useEventsFor } from '../store/selectors.ts'
import { EventsTable } from './EventsTable.tsx'
import { InspectorTabs } from './InspectorTabs.tsx'
import { KubectlOutput } from './KubectlOutput.tsx'
import { LogsTab } from './LogsTab.tsx'
import { ObjectSummary } from './ObjectSummary.tsx'
import { PodSummary } from './PodSummary.tsx'
import { SchedulerDecisionView } from './SchedulerDecisionView.tsx'
import { ServiceSummary } from './ServiceSummary.tsx'
import { kubectlTarget, splitStoreKey, tabsFor, type TabId } from './tabs.ts'
import { useQuery } from './useQuery.ts'
import { WhyTab } from './WhyTab.tsx'
import './inspector.css'

/** Describe and YAML: the engine's own kubectl output, run again when the object or its events change. */
function CommandTab({ command, version, label, children }: { command: string; version: string; label: string; children?: (output: string) => React.ReactNode }) {
  const output = useQuery(command, version)
  return (
    <>
      {output !== null && children?.(output)}
      <KubectlOutput command={command} output={output} label={label} />
    </>
  )
}

/** Details of the selected object, any kind, in tabs; Esc closes it. */
export function Inspector() {
  const key = useCluster((s) => s.selectedKey)!
  const selectObject = useCluster((s) => s.selectObject)
  const now = useCluster((s) => s.time)
  const { kind, name } = splitStoreKey(key)
  const obj = useCluster((s) => s.objects[kind]?.[key])
  const uid = obj?.metadata.uid
  const events = useEventsFor(uid)
  const decision = useDecision(kind === 'Pod' ? uid : undefined)
  const [tab, setTab] = useState<TabId>('summary')
  const idPrefix = useId().replace(/[^a-zA-Z0-9-]/g, '')
  const tabs = tabsFor(kind)
  const shown = tabs.includes(tab) ? tab : 'summary'
  const target = kubectlTarget(key)
  const version = `${obj?.metadata.resourceVersion}/${events.length}/${events.at(-1)?.count ?? 0}`

  // The inspector covers the editor on all but wide screens: step aside so the text shows.
  const showInEditor = (yaml: string, file: string) => {
    const beside = editorShowsBesideInspector()
    useSideColumn.getState().setEditorHidden(false)
    if (openInEditor(yaml, file) && !beside) selectObject(null)
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return
      // Esc in the editor closes its own widgets first.
      if (e.target instanceof Element && e.target.closest('.monaco-editor')) return
      selectObject(null)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [selectObject])

  return (
    <aside className="inspector" role="complementary" aria-label={`${kind} details`}>
      <div className="panel-bar">
        <h2 className="panel-title">
          {kind} {name}
        </h2>
        <button type="button" className="btn btn-close" aria-label={`Close ${kind.toLowerCase()} details`} title="Close (Esc)" onClick={() => selectObject(null)}>
          ×
        </button>
      </div>
      {!obj ? (
        <p className="inspector-gone">
          {kind} {name} no longer exists.
        </p>
      ) : (
        <>
          <InspectorTabs tabs={tabs} selected={shown} onSelect={setTab} idPrefix={idPrefix} />
          <div className="inspector-body" role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${shown}`} tabIndex={0}>
            {shown === 'summary' && <CountdownList objectKey={key} />}
            {shown === 'summary' && kind === 'Pod' && (
              <>
                <PodSummary pod={obj as Pod} />
                {/* At a glance, as describe ends: where the scheduler put it and what happened to it. */}
                {decision && (
                  <>
                    <h3>Scheduling</h3>
                    <SchedulerDecisionView decision={decision} />
                  </>
                )}
                <h3>Events</h3>
                <EventsTable events={events} now={now} />
              </>
            )}
            {shown === 'summary' && kind === 'Service' && <ServiceSummary storeKey={key} />}
            {shown === 'summary' && kind !== 'Pod' && kind !== 'Service' && <ObjectSummary obj={obj} />}
            {shown === 'describe' && <CommandTab command={`describe ${target}`} version={version} label={`kubectl describe ${kind} ${name}`} />}
            {shown === 'yaml' && (
              <CommandTab command={`get ${target} -o yaml`} version={version} label={`${kind} ${name} as YAML`}>
                {(yaml) => (
                  <div className="inspector-actions">
                    <button type="button" className="btn" onClick={() => showInEditor(yaml, `${name}.yaml`)}>
                      Open in editor
                    </button>
                  </div>
                )}
              </CommandTab>
            )}
            {shown === 'events' && <EventsTable events={events} now={now} />}
            {shown === 'logs' && kind === 'Pod' && <LogsTab pod={obj as Pod} />}
            {shown === 'scheduling' &&
              (decision ? <SchedulerDecisionView decision={decision} /> : <p className="describe-none">The scheduler has not decided about this pod (another scheduler, or a node named in its spec).</p>)}
            {shown === 'why' && uid && <WhyTab uid={uid} />}
          </div>
        </>
      )}
    </aside>
  )
}
