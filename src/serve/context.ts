import type { Simulation } from '../engine/simulation.ts'
import type { SimDriver } from '../host/simDriver.ts'
import type { WatchHub } from './watchHub.ts'

/** What every handler may use: the simulation (through its API layer and store), the watch cache and time. */
export interface ServeContext {
  sim: Simulation
  hub: WatchHub
  driver: SimDriver
  /** `127.0.0.1:PORT`, for `/api`'s serverAddressByClientCIDRs. */
  serverAddress: string
  /** Real-time timers for watches and log streams (fakes are never needed: these are real connections). */
  bookmarkMs: number
  /** Streams to end when the server stops. */
  streams: Set<() => void>
}
