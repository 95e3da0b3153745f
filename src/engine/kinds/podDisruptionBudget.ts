import { ageOf } from '../kubectl/podSummary.ts'
import { intOrStringCell, specOf } from './columns.ts'
import { defineKind } from './kindModule.ts'
import { describePodDisruptionBudget } from '../kubectl/describe/describePodDisruptionBudget.ts'

export const podDisruptionBudgetKind = defineKind({
  names: { kind: 'PodDisruptionBudget', group: 'policy', version: 'v1', plural: 'poddisruptionbudgets', singular: 'poddisruptionbudget', shortNames: ['pdb'], namespaced: true },
  // The disruption controller keeps its status; the Eviction API consults it.
  simulated: true,
  nameRule: 'subdomain',
  describe: (pdb, ctx) => describePodDisruptionBudget(pdb, ctx.eventsFor(pdb), ctx.now),
  table: {
    columns: ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'],
    wideColumns: [],
    row(obj, now) {
      const spec = specOf<{ minAvailable: unknown; maxUnavailable: unknown }>(obj)
      const allowed = (obj.status as { disruptionsAllowed?: number } | undefined)?.disruptionsAllowed ?? 0
      return [obj.metadata.name, intOrStringCell(spec.minAvailable), intOrStringCell(spec.maxUnavailable), String(allowed), ageOf(obj.metadata.creationTimestamp, now)]
    },
    wideRow: () => [],
  },
})
