/**
 * What the Workloads card lists: every workload controller, with what it owns under it
 * (a Deployment's ReplicaSets, a CronJob's Jobs), and for each row the numbers
 * `kubectl get` prints, taken from the kind's own table so the card and kubectl agree.
 */
import type { KubeObject, ReplicaSet } from '../../engine/api/types.ts'
import { cronJobKind } from '../../engine/kinds/cronJob.ts'
import { daemonSetKind } from '../../engine/kinds/daemonSet.ts'
import { deploymentKind } from '../../engine/kinds/deployment.ts'
import { jobKind } from '../../engine/kinds/job.ts'
import type { KindModule } from '../../engine/kinds/kindModule.ts'
import { replicaSetKind } from '../../engine/kinds/replicaSet.ts'
import { replicationControllerKind } from '../../engine/kinds/replicationController.ts'
import { statefulSetKind } from '../../engine/kinds/statefulSet.ts'
import { objectKeyOf, type ClusterState } from '../store/clusterStore.ts'
import { inShownNamespace } from '../store/selectors.ts'

export type WorkloadKind = 'Deployment' | 'ReplicaSet' | 'DaemonSet' | 'StatefulSet' | 'CronJob' | 'Job' | 'ReplicationController'

/** One row's text, flat strings only, so a selector can compare it shallowly. */
export interface WorkloadRowView {
  kind: WorkloadKind
  /** Short tag shown before the name, as kubectl's short names (`deploy`, `sts`, …). */
  tag: string
  name: string
  namespace: string
  /** A pill next to the name: revision, Job status, CronJob schedule (or ''). */
  badge: string
  badgeTone: 'muted' | 'ok' | 'bad' | 'start' | 'code'
  /** The numbers, on the line under the name. */
  counts: string
  /** The row's accessible name: kind, name, status and numbers. */
  label: string
}

/** Table cells of `obj` by column header, from the kind's `kubectl get` table. */
function cells(module: KindModule, obj: KubeObject, now: number): Record<string, string> {
  const table = module.table!
  const row = table.row(obj, now)
  return Object.fromEntries(table.columns.map((c, i) => [c, row[i]]))
}

const REVISION = 'deployment.kubernetes.io/revision'
const revisionBadge = (obj: KubeObject) => {
  const rev = obj.metadata.annotations?.[REVISION]
  return rev ? `rev ${rev}` : ''
}

type Presented = Pick<WorkloadRowView, 'badge' | 'badgeTone' | 'counts'> & { summary?: string }

interface Presenter {
  tag: string
  module: KindModule
  present(c: Record<string, string>, obj: KubeObject): Presented
}

const replicaCounts = (c: Record<string, string>) => `${c.DESIRED} desired · ${c.CURRENT} current · ${c.READY} ready`

const JOB_TONES: Record<string, Presented['badgeTone']> = { Complete: 'ok', Failed: 'bad', Running: 'start' }

const PRESENTERS: Record<WorkloadKind, Presenter> = {
  Deployment: {
    tag: 'deploy',
    module: deploymentKind,
    present: (c, obj) => ({ badge: revisionBadge(obj), badgeTone: 'muted', counts: `${c.READY} ready · ${c['UP-TO-DATE']} up-to-date` }),
  },
  ReplicaSet: { tag: 'rs', module: replicaSetKind, present: (c, obj) => ({ badge: revisionBadge(obj), badgeTone: 'muted', counts: replicaCounts(c) }) },
  DaemonSet: {
    tag: 'ds',
    module: daemonSetKind,
    present: (c) => ({
      badge: c['NODE SELECTOR'] === '<none>' ? '' : c['NODE SELECTOR'],
      badgeTone: 'code',
      counts: `${c.DESIRED} desired · ${c.READY} ready · ${c['UP-TO-DATE']} up-to-date`,
    }),
  },
  StatefulSet: { tag: 'sts', module: statefulSetKind, present: (c) => ({ badge: '', badgeTone: 'muted', counts: `${c.READY} ready` }) },
  CronJob: {
    tag: 'cj',
    module: cronJobKind,
    present: (c) => {
      const zone = c.TIMEZONE === '<none>' ? '' : ` (${c.TIMEZONE})`
      const counts = `suspend ${c.SUSPEND} · ${c.ACTIVE} active · last schedule ${c['LAST SCHEDULE']}`
      return { badge: `${c.SCHEDULE}${zone}`, badgeTone: 'code', counts, summary: `schedule ${c.SCHEDULE}${zone} · ${counts}` }
    },
  },
  Job: {
    tag: 'job',
    module: jobKind,
    present: (c) => {
      const counts = `${c.COMPLETIONS} completions${c.DURATION ? ` · duration ${c.DURATION}` : ''}`
      return { badge: c.STATUS, badgeTone: JOB_TONES[c.STATUS] ?? 'muted', counts, summary: `${c.STATUS} · ${counts}` }
    },
  },
  ReplicationController: { tag: 'rc', module: replicationControllerKind, present: (c) => ({ badge: '', badgeTone: 'muted', counts: replicaCounts(c) }) },
}

/** The row for one workload object at simulated time `now`. */
export function workloadRowView(obj: KubeObject, now: number): WorkloadRowView {
  const kind = obj.kind as WorkloadKind
  const p = PRESENTERS[kind]
  const shown = p.present(cells(p.module, obj, now), obj)
  const namespace = obj.metadata.namespace ?? ''
  const where = namespace === 'default' ? '' : ` (namespace ${namespace})`
  return {
    kind,
    tag: p.tag,
    name: obj.metadata.name,
    namespace,
    badge: shown.badge,
    badgeTone: shown.badgeTone,
    counts: shown.counts,
    label: `${kind} ${obj.metadata.name}${where}: ${shown.summary ?? shown.counts}`,
  }
}

/** Only Jobs (DURATION) and CronJobs (LAST SCHEDULE) have numbers that move with the clock. */
export function rowDependsOnTime(kind: string): boolean {
  return kind === 'Job' || kind === 'CronJob'
}

interface Section {
  kind: WorkloadKind
  /** Kind of the objects this one controls, listed under it. */
  child?: { kind: WorkloadKind; order(a: KubeObject, b: KubeObject): number; keep(obj: KubeObject, index: number): boolean }
}

const revisionOf = (obj: KubeObject) => Number(obj.metadata.annotations?.[REVISION] ?? 0)

/** kubectl get all's order: deployments, replica sets, daemon sets, stateful sets, cron jobs, jobs, replication controllers. */
const SECTIONS: Section[] = [
  {
    kind: 'Deployment',
    child: {
      kind: 'ReplicaSet',
      order: (a, b) => revisionOf(b) - revisionOf(a),
      // Old, empty ReplicaSets are history: keep the newest two visible.
      keep: (obj, i) => (obj as ReplicaSet).spec.replicas > 0 || ((obj as ReplicaSet).status.replicas ?? 0) > 0 || i < 2,
    },
  },
  { kind: 'ReplicaSet' },
  { kind: 'DaemonSet' },
  { kind: 'StatefulSet' },
  {
    kind: 'CronJob',
    // Newest Job first; the CronJob controller already prunes history to its limits.
    child: { kind: 'Job', order: (a, b) => byName(b, a), keep: () => true },
  },
  { kind: 'Job' },
  { kind: 'ReplicationController' },
]

function byName(a: KubeObject, b: KubeObject): number {
  const ka = `${a.metadata.namespace}/${a.metadata.name}`
  const kb = `${b.metadata.namespace}/${b.metadata.name}`
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

const controllerUid = (obj: KubeObject) => obj.metadata.ownerReferences?.find((r) => r.controller)?.uid

/**
 * The card's rows, as `depth:key` strings (key = store key `Kind/namespace/name`), for the
 * namespace the canvas shows. Strings, so the card re-renders only when rows come or go.
 */
export function workloadOutline(s: ClusterState): string[] {
  const shown = (kind: string) => Object.entries(s.objects[kind] ?? {}).filter(([key]) => inShownNamespace(s, key)).map(([, obj]) => obj)
  const placed = new Set<string>()
  const rows: string[] = []
  for (const section of SECTIONS) {
    const children = section.child ? shown(section.child.kind) : []
    for (const obj of shown(section.kind).sort(byName)) {
      if (placed.has(obj.metadata.uid)) continue
      rows.push(`0:${objectKeyOf(obj)}`)
      if (!section.child) continue
      const mine = children.filter((c) => controllerUid(c) === obj.metadata.uid).sort(section.child.order)
      mine.forEach((c, i) => {
        placed.add(c.metadata.uid)
        if (section.child!.keep(c, i)) rows.push(`1:${objectKeyOf(c)}`)
      })
    }
  }
  return rows
}

/** The depth and store key of an outline row. */
export function parseOutlineRow(row: string): { depth: number; key: string } {
  const colon = row.indexOf(':')
  return { depth: Number(row.slice(0, colon)), key: row.slice(colon + 1) }
}
