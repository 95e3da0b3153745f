import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { KubeEvent, KubeObject, Pod } from '../../src/engine/api/types.ts'
import { kindModule } from '../../src/engine/kinds/registry.ts'
import { applyManifestText } from '../../src/engine/kubectl/applyText.ts'
import { parseManifests } from '../../src/engine/manifest/parseManifests.ts'
import { Simulation } from '../../src/engine/simulation.ts'

export const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus/k8s-website-examples')

export function corpusFiles(): string[] {
  return execFileSync('find', [CORPUS, '-name', '*.yaml'], { encoding: 'utf8' }).trim().split('\n').sort()
}

/**
 * Where one document of the docs ended after ten simulated minutes:
 * - `refused`: the API server (or kubectl) refused it with a real message;
 * - `inert`: stored, but kubesim does not do what a cluster would do with it yet;
 * - `settled`: it did what a real cluster does, and everything it made (pods) is in a
 *   state a cluster shows for a reason: running and ready, finished, backing off
 *   from a failure with its reason, or unschedulable with the scheduler's message;
 * - `stuck`: kubesim acts on it but something it made is in none of those states.
 */
export type EndState = 'refused' | 'inert' | 'settled' | 'stuck'

export interface DocumentResult {
  file: string
  kind: string
  name: string
  state: EndState
  detail?: string
}

/** Waiting reasons a real kubelet reports, each with its cause. */
const EXPLAINED_WAITING = new Set(['CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'PodInitializing'])

/** Is a pod in a state a real cluster shows, for a reason a student can read? */
export function podSettled(sim: Simulation, pod: Pod): string | undefined {
  const s = pod.status
  if (s.phase === 'Succeeded' || s.phase === 'Failed') return undefined
  const warned = (reason: string) =>
    sim.store.list<KubeEvent>('Event', pod.metadata.namespace).some((e) => e.involvedObject.uid === pod.metadata.uid && e.reason === reason)
  // A pod for a scheduler that is not running stays Pending, with no events, as in a real cluster.
  if (!pod.spec.nodeName && (pod.spec.schedulerName ?? 'default-scheduler') !== 'default-scheduler') return undefined
  if (s.phase === 'Pending' && !pod.spec.nodeName) {
    const scheduled = s.conditions?.find((c) => c.type === 'PodScheduled')
    return scheduled?.reason === 'Unschedulable' || scheduled?.reason === 'SchedulingGated' ? undefined : 'pending without a scheduling decision'
  }
  const statuses = [...(s.initContainerStatuses ?? []), ...(s.containerStatuses ?? [])]
  if (statuses.length === 0) return `phase ${s.phase} with no container statuses`
  for (const c of statuses) {
    if (c.state.running || c.state.terminated) continue
    const reason = c.state.waiting?.reason ?? ''
    // A volume that cannot be mounted keeps the pod ContainerCreating, explained by FailedMount events.
    if (reason === 'ContainerCreating' && warned('FailedMount')) continue
    if (!EXPLAINED_WAITING.has(reason)) return `container ${c.name} waiting: ${reason || 'no reason'}`
  }
  return undefined
}

/** Pods an object made, directly or through the objects it owns. */
function podsMadeBy(sim: Simulation, obj: KubeObject): Pod[] {
  if (obj.kind === 'Pod') return [obj as Pod]
  const out: Pod[] = []
  const queue = [obj]
  while (queue.length) {
    const owner = queue.shift()!
    for (const dep of sim.store.dependents(owner.metadata.uid)) {
      if (dep.kind === 'Pod') out.push(dep as Pod)
      else queue.push(dep)
    }
  }
  return out
}

/**
 * The cluster each document lands on. No metrics-server: it changes where no document
 * ends, and its pod would cost every one of the ~370 clusters a start-up.
 */
export const CORPUS_CLUSTER = { workers: 3, cpu: '8', memory: '16Gi', metricsServer: false }

/** Applies one corpus file to a fresh cluster (with the namespaces it names), runs ten minutes, and judges each document. */
export function judgeFile(path: string): DocumentResult[] {
  const file = path.slice(CORPUS.length + 1)
  const sim = new Simulation({ cluster: CORPUS_CLUSTER })
  const text = readFileSync(path, 'utf8')
  for (const ns of new Set([...text.matchAll(/namespace:\s*([a-z0-9-]+)/g)].map((m) => m[1]))) {
    applyManifestText(sim.ctx, `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n`, { source: 'ns.yaml' })
  }
  const { documents } = parseManifests(text)
  const result = applyManifestText(sim.ctx, text, { source: file })
  sim.advance(10 * 60_000)
  if (documents.length === 0) return [{ file, kind: '(unparsed)', name: '', state: 'refused', detail: result.output.join(' ') }]
  return documents.map((doc) => {
    const o = doc.object as { kind?: string; metadata?: { name?: string; namespace?: string } }
    const kind = String(o.kind ?? '')
    const name = String(o.metadata?.name ?? '')
    const module = kindModule(kind)
    const namespace = module?.names.namespaced ? (o.metadata?.namespace ?? 'default') : undefined
    const live = module ? sim.store.get(kind, namespace, name) : undefined
    if (!live) return { file, kind, name, state: 'refused', detail: result.output.find((l) => l.includes(`"${name}"`) || l.includes(kind)) }
    if (!module!.simulated) return { file, kind, name, state: 'inert' }
    for (const pod of podsMadeBy(sim, live)) {
      const why = podSettled(sim, pod)
      if (why) return { file, kind, name, state: 'stuck', detail: `${pod.metadata.name}: ${why}` }
    }
    return { file, kind, name, state: 'settled' }
  })
}

/** Counts by kind and end state, as a table. */
export function summarize(results: DocumentResult[]): string {
  const byKind = new Map<string, Record<EndState, number>>()
  for (const r of results) {
    const row = byKind.get(r.kind) ?? { settled: 0, refused: 0, inert: 0, stuck: 0 }
    row[r.state]++
    byKind.set(r.kind, row)
  }
  const lines = [['kind', 'documents', 'settled', 'refused', 'inert', 'stuck']]
  const total = { settled: 0, refused: 0, inert: 0, stuck: 0 }
  for (const [kind, row] of [...byKind.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push([kind, String(row.settled + row.refused + row.inert + row.stuck), String(row.settled), String(row.refused), String(row.inert), String(row.stuck)])
    for (const k of Object.keys(total) as EndState[]) total[k] += row[k]
  }
  lines.push(['total', String(results.length), String(total.settled), String(total.refused), String(total.inert), String(total.stuck)])
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)))
  return lines.map((l) => l.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n')
}
