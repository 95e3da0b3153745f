import { useEngine } from '../engineContext.ts'
import { backToMySession, downloadRawSession, keepSharedSession, resetEverything } from './sessionActions.ts'
import { useSession } from './sessionStore.ts'
import './session.css'

/** What the person must know about where this cluster came from, with the choices they have. */
export function SessionNotice() {
  const engine = useEngine()
  const problem = useSession((s) => s.problem)
  const shared = useSession((s) => s.shared)
  if (problem) {
    return (
      <div className="session-notice problem" role="alert">
        <span>{problem.message}</span>
        {problem.offerReset ? (
          <>
            <span>Nothing will be saved until you reset.</span>
            <button type="button" className="btn btn-primary" onClick={() => resetEverything(engine)}>
              Reset
            </button>
            {problem.raw !== undefined && (
              <button type="button" className="btn" onClick={() => downloadRawSession(problem.raw!)}>
                Download the saved data
              </button>
            )}
          </>
        ) : (
          <button type="button" className="btn" onClick={() => useSession.setState({ problem: null })}>
            Dismiss
          </button>
        )}
      </div>
    )
  }
  if (shared) {
    return (
      <div className="session-notice shared" role="status">
        <span>You are looking at a shared cluster. It is not saved, and your own saved cluster is untouched, until you choose.</span>
        <button type="button" className="btn btn-primary" onClick={keepSharedSession}>
          Keep this cluster
        </button>
        <button type="button" className="btn" onClick={() => backToMySession(engine)}>
          Back to my cluster
        </button>
      </div>
    )
  }
  return null
}
