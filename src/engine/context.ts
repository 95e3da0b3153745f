import type { SimClock } from './clock.ts'
import type { EventQueue, ScheduledTask } from './eventQueue.ts'
import type { SeededRandom } from './rng.ts'
import type { ApiServer } from './api/server.ts'
import type { ApiStore } from './api/store.ts'
import type { EventRecorder } from './events.ts'
import type { Countdowns } from './countdowns.ts'

/** What every simulated component (controller, scheduler, kubelet) gets to work with. */
export interface EngineContext {
  clock: SimClock
  rng: SeededRandom
  queue: EventQueue
  /** Reads: the watch cache every component lists and gets from. */
  store: ApiStore
  /** Writes: create, update, delete, with admission. */
  api: ApiServer
  recorder: EventRecorder
  /** What components will do next and when, for the UI's countdowns. */
  countdowns: Countdowns
  /** Runs `fn` after `delayMs` of simulated time (0 = later in the current instant). */
  after(delayMs: number, label: string, fn: () => void): ScheduledTask
}
