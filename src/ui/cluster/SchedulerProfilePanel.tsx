import { useState } from 'react'
import { useEngine } from '../engineContext.ts'
import { SCORE_PLUGINS } from '../../engine/scheduler/framework.ts'
import { DEFAULT_PROFILE, DEFAULT_RESOURCES, type ScoringStrategyType, type SchedulerProfile } from '../../engine/scheduler/profile.ts'

const STRATEGIES: ScoringStrategyType[] = ['LeastAllocated', 'MostAllocated', 'RequestedToCapacityRatio']

/**
 * The scheduler's profile, so a teacher can show what each score plugin does: the
 * NodeResourcesFit strategy, each plugin's weight, and plugins turned off. Applying it is
 * recorded in the command log like any other change to the cluster.
 */
export function SchedulerProfilePanel() {
  const engine = useEngine()
  const [strategy, setStrategy] = useState<ScoringStrategyType>(DEFAULT_PROFILE.scoringStrategy.type)
  const [weights, setWeights] = useState<Record<string, number>>(() => Object.fromEntries(SCORE_PLUGINS.map((p) => [p.name, p.weight])))
  const [disabled, setDisabled] = useState<string[]>([])
  const [result, setResult] = useState<string | null | undefined>(undefined)

  const apply = async () => {
    const profile: SchedulerProfile = {
      scoringStrategy: { type: strategy, resources: DEFAULT_RESOURCES },
      weights: Object.fromEntries(SCORE_PLUGINS.filter((p) => weights[p.name] !== p.weight).map((p) => [p.name, weights[p.name]])),
      disabled,
    }
    setResult(await engine.schedulerProfile(profile))
  }

  return (
    <section aria-labelledby="cluster-scheduler">
      <h3 id="cluster-scheduler">Scheduler profile</h3>
      <label className="cluster-field">
        <span>NodeResourcesFit strategy</span>
        <select value={strategy} onChange={(e) => setStrategy(e.target.value as ScoringStrategyType)}>
          {STRATEGIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <table className="cluster-profile">
        <thead>
          <tr>
            <th scope="col">Score plugin</th>
            <th scope="col">Weight</th>
            <th scope="col">Enabled</th>
          </tr>
        </thead>
        <tbody>
          {SCORE_PLUGINS.map((p) => (
            <tr key={p.name}>
              <th scope="row">{p.name}</th>
              <td>
                <input
                  type="number"
                  min={0}
                  max={100}
                  aria-label={`Weight of ${p.name}`}
                  value={weights[p.name]}
                  onChange={(e) => setWeights({ ...weights, [p.name]: Number(e.target.value) })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${p.name} enabled`}
                  checked={!disabled.includes(p.name)}
                  onChange={(e) => setDisabled(e.target.checked ? disabled.filter((d) => d !== p.name) : [...disabled, p.name])}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn" onClick={() => void apply()}>
        Apply scheduler profile
      </button>
      {result !== undefined && (
        <p className={`cluster-result${result ? ' failed' : ''}`} role={result ? 'alert' : 'status'}>
          {result ?? 'The scheduler uses this profile from its next cycle.'}
        </p>
      )}
    </section>
  )
}
