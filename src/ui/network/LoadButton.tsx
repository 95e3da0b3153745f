import { useState } from 'react'
import type { Pod } from '../../engine/api/types.ts'
import { useEngine } from '../engineContext.ts'
import { useCluster } from '../store/clusterStore.ts'
import { runInTerminal } from '../terminal/runInTerminal.ts'
import { loadPodName, startLoadCommand, stopLoadCommand } from './loadCommands.ts'

type LoadState = 'off' | 'on' | 'stopping'

/** Starts or stops a load generator pod for one Service, as the kubectl command it stands for (shown in the terminal). */
export function LoadButton({ service, namespace }: { service: string; namespace: string }) {
  const engine = useEngine()
  const [busy, setBusy] = useState(false)
  const state: LoadState = useCluster((s) => {
    const pod = s.objects.Pod?.[`Pod/${namespace}/${loadPodName(service)}`] as Pod | undefined
    return !pod ? 'off' : pod.metadata.deletionTimestamp ? 'stopping' : 'on'
  })
  const run = async () => {
    const kubectlNamespace = useCluster.getState().kubectlNamespace
    setBusy(true)
    try {
      await runInTerminal(engine, state === 'off' ? startLoadCommand(service, namespace, kubectlNamespace) : stopLoadCommand(service, namespace, kubectlNamespace))
    } finally {
      setBusy(false)
    }
  }
  const label = state === 'off' ? `Send traffic to ${service}` : state === 'on' ? `Stop traffic to ${service}` : `Stopping traffic to ${service}`
  return (
    <button type="button" className={`net-load nodrag load-${state}`} disabled={busy || state === 'stopping'} onClick={() => void run()} aria-label={label} title={label}>
      {state === 'off' ? '▶ Send traffic' : state === 'on' ? '■ Stop traffic' : 'Stopping…'}
    </button>
  )
}
