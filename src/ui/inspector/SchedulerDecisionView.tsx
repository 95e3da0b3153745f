import type { SchedulingDecision } from '../../engine/scheduler/decision.ts'
import { formatElapsed } from '../format/time.ts'

/** Why the scheduler put the pod where it did (or nowhere): one row per node. */
export function SchedulerDecisionView({ decision }: { decision: SchedulingDecision }) {
  return (
    <div className="decision">
      <p className="decision-message">
        {decision.message} <span className="muted">(at {formatElapsed(decision.at)})</span>
      </p>
      <table className="decision-table">
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {decision.nodes.map((v) => (
            <tr key={v.node} className={v.node === decision.chosen ? 'chosen' : v.rejectedBy ? 'rejected' : undefined}>
              <td>
                {v.node}
                {v.node === decision.chosen && <span className="badge badge-ready">chosen</span>}
              </td>
              <td>
                {v.rejectedBy ? (
                  <>
                    Rejected by {v.rejectedBy}: {v.reasons.join(', ')}
                  </>
                ) : (
                  <span title={Object.entries(v.scores ?? {}).map(([k, s]) => `${k}: ${s}`).join('\n')}>Passed, score {v.total ?? 0}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {decision.trimmed && <p className="muted">Other nodes' verdicts are kept for the latest decisions only.</p>}
    </div>
  )
}
