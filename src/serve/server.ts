import { createServer, type Server } from 'node:http'
import type { Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import type { Simulation } from '../engine/simulation.ts'
import { SimDriver } from '../host/simDriver.ts'
import type { ServeContext } from './context.ts'
import { route } from './router.ts'
import { WatchHub } from './watchHub.ts'

export interface ServeOptions {
  sim: Simulation
  /** 0 picks a free port. */
  port: number
  /** Simulated time per real time while running; undefined or 0 means paused. */
  speed?: number
  /** Real milliseconds between watch bookmarks (a minute, as the API server sends them). */
  bookmarkMs?: number
  /** Where request errors answered with a 5xx are reported (one line each). */
  report?: (line: string) => void
}

export interface RunningServer {
  port: number
  ctx: ServeContext
  close(): Promise<void>
}

/** The addresses served: the loopback interface only, IPv4 and IPv6. */
const LOOPBACK = ['127.0.0.1', '::1']

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', reject)
      resolve((server.address() as { port: number }).port)
    })
  })
}

/**
 * Serves the Kubernetes API of one simulation over plain HTTP on loopback. Simulated
 * time runs at `speed` × real time, or only moves on `/kubesim/v1/advance` when paused.
 * A port already taken rejects with the listen error (EADDRINUSE); no IPv6 loopback is not an error.
 */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const report = opts.report ?? ((line) => process.stdout.write(line + '\n'))
  const sim = opts.sim
  const driver = new SimDriver({ now: () => performance.now(), setInterval: (fn, ms) => setInterval(fn, ms), clearInterval: (h) => clearInterval(h as NodeJS.Timeout) }, () => sim, undefined, (err) =>
    report(`kubesim: the simulation stopped: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
  )
  const ctx: ServeContext = { sim, hub: new WatchHub(sim.store), driver, serverAddress: '', bookmarkMs: opts.bookmarkMs ?? 60_000, streams: new Set() }
  const sockets = new Set<Socket>()
  const servers: Server[] = []
  const handler = (req: Parameters<typeof route>[1], res: Parameters<typeof route>[2]) => void route(ctx, req, res, report)
  let port = opts.port
  for (const host of LOOPBACK) {
    const server = createServer(handler)
    server.on('connection', (s) => {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
    })
    try {
      port = await listen(server, port, host)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      // A machine without IPv6 loopback still serves 127.0.0.1.
      if (host === '::1' && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')) continue
      for (const s of servers) s.close()
      throw err
    }
    servers.push(server)
  }
  ctx.serverAddress = `127.0.0.1:${port}`
  if (opts.speed) {
    driver.setSpeed(opts.speed)
    driver.setRunning(true)
  }
  return {
    port,
    ctx,
    close: async () => {
      driver.dispose()
      for (const stop of [...ctx.streams]) stop()
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve())
              s.closeAllConnections()
            }),
        ),
      )
      for (const s of sockets) s.destroy()
    },
  }
}
