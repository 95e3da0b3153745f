import { EngineHost } from './engineHost.ts'
import type { EngineMessage } from './protocol.ts'

/** The Deployment sample the worker's tests apply: three nginx pods. */
export const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`

/**
 * An EngineHost with a fake clock and timers, and the messages it posted. `elapse(ms, tick)`
 * lets real time pass in ticks of `tick` ms (at once by default), as the worker's timer sees it.
 */
export function fakeHost() {
  const messages: EngineMessage[] = []
  let realNow = 0
  const timers = new Map<number, () => void>()
  let nextTimer = 1
  const host = new EngineHost({
    // structuredClone, as postMessage does: the host must not rely on sharing objects.
    post: (m) => messages.push(structuredClone(m)),
    now: () => realNow,
    setInterval: (fn) => {
      timers.set(nextTimer, fn)
      return nextTimer++
    },
    clearInterval: (h) => void timers.delete(h as number),
  })
  const patches = () => messages.filter((m): m is Extract<EngineMessage, { type: 'patch' }> => m.type === 'patch').map((m) => m.batch)
  const elapse = (ms: number, tick = ms) => {
    for (let left = ms; left > 0; left -= tick) {
      realNow += Math.min(tick, left)
      for (const fn of [...timers.values()]) fn()
    }
  }
  return { host, messages, patches, elapse, timers }
}
