import { useState } from 'react'
import type { Pod } from '../../engine/api/types.ts'
import { KubectlOutput } from './KubectlOutput.tsx'
import { useQuery } from './useQuery.ts'

const REFRESH_MS = 1000

/** `kubectl logs` of one container, current or previous, refreshed while shown. */
export function LogsTab({ pod }: { pod: Pod }) {
  const containers = pod.spec.containers.map((c) => c.name)
  const [chosen, setChosen] = useState(containers[0])
  const [previous, setPrevious] = useState(false)
  const container = containers.includes(chosen) ? chosen : containers[0]
  const command = `logs ${pod.metadata.name} -n ${pod.metadata.namespace ?? 'default'} -c ${container}${previous ? ' --previous' : ''}`
  const output = useQuery(command, pod.metadata.resourceVersion, REFRESH_MS)
  return (
    <>
      <div className="logs-controls">
        <label>
          Container{' '}
          <select value={container} onChange={(e) => setChosen(e.target.value)}>
            {containers.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={previous} onChange={(e) => setPrevious(e.target.checked)} /> Previous container
        </label>
      </div>
      <KubectlOutput command={command} output={output === '' ? '(no output)' : output} label={`Logs of container ${container}`} />
    </>
  )
}
