import type { Container, ContainerStatus } from '../../engine/api/types.ts'
import { describeState } from './describe.ts'

function StateBlock({ label, state }: { label: string; state: ContainerStatus['state'] | undefined }) {
  const d = describeState(state)
  return (
    <>
      <dt>{label}:</dt>
      <dd>
        {d ? (
          <>
            <span className={`state state-${d.title.toLowerCase()}`}>{d.title}</span>
            {d.lines.length > 0 && (
              <dl className="state-lines">
                {d.lines.map((l) => (
                  <div key={l.label} className="kv">
                    <dt>{l.label}:</dt>
                    <dd>{l.value}</dd>
                  </div>
                ))}
              </dl>
            )}
          </>
        ) : null}
      </dd>
    </>
  )
}

/** One entry of describe's Containers section. */
export function ContainerDetails({ container, status }: { container: Container; status: ContainerStatus | undefined }) {
  const last = status?.lastState && describeState(status.lastState)
  return (
    <section className="container-details" aria-label={`Container ${container.name}`}>
      <h4>{container.name}:</h4>
      <dl className="describe-grid">
        <dt>Image:</dt>
        <dd>{container.image}</dd>
        {container.command && (
          <>
            <dt>Command:</dt>
            <dd className="mono">{container.command.join(' ')}</dd>
          </>
        )}
        {/* As kubectl describe: no State / Ready / Restart Count before the kubelet reports the container. */}
        {status && (
          <>
            <StateBlock label="State" state={status.state} />
            {last && <StateBlock label="Last State" state={status.lastState} />}
            <dt>Ready:</dt>
            <dd>{status.ready ? 'True' : 'False'}</dd>
            <dt>Restart Count:</dt>
            <dd>{status.restartCount}</dd>
          </>
        )}
      </dl>
    </section>
  )
}
