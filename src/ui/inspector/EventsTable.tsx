import type { KubeEvent } from '../../engine/api/types.ts'
import { eventAge, eventFrom } from './describe.ts'

/** describe's Events section: Type / Reason / Age / From / Message. */
export function EventsTable({ events, now }: { events: KubeEvent[]; now: number }) {
  if (events.length === 0) return <p className="describe-none">&lt;none&gt;</p>
  return (
    <table className="events-table">
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Reason</th>
          <th scope="col">Age</th>
          <th scope="col">From</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.metadata.name} className={e.type === 'Warning' ? 'event-warning' : undefined}>
            <td>{e.type}</td>
            <td>{e.reason}</td>
            <td className="nowrap">{eventAge(e, now)}</td>
            <td>{eventFrom(e)}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
