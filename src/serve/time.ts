import type { ServerResponse } from 'node:http'
import { parseGoDuration } from '../engine/kubectl/goDuration.ts'
import type { ServeContext } from './context.ts'
import { sendJson } from './http.ts'
import { ServeError } from './status.ts'

/** `{"time": "<RFC 3339>"}`: where simulated time stands. */
function timeBody(ctx: ServeContext) {
  return { time: ctx.sim.ctx.clock.rfc3339() }
}

/** GET /kubesim/v1/time. */
export function currentTime(ctx: ServeContext, res: ServerResponse): void {
  ctx.driver.catchUp()
  sendJson(res, 200, timeBody(ctx))
}

/** POST /kubesim/v1/advance?duration=30s: runs everything due in the next 30 simulated seconds, then answers. */
export function advance(ctx: ServeContext, res: ServerResponse, q: URLSearchParams): void {
  const text = q.get('duration')
  if (text === null) throw new ServeError('BadRequest', 'duration is required, for example ?duration=30s')
  const ms = parseGoDuration(text)
  if (typeof ms !== 'number') throw new ServeError('BadRequest', `invalid duration: ${ms.error}`)
  if (ms < 0) throw new ServeError('BadRequest', `invalid duration: ${JSON.stringify(text)} is negative`)
  ctx.driver.catchUp()
  ctx.sim.advance(ms)
  sendJson(res, 200, timeBody(ctx))
}
