import * as k8s from '@kubernetes/client-node'
import { Simulation } from '../../src/engine/simulation.ts'
import { startServer, type RunningServer } from '../../src/serve/server.ts'

/** A paused `kubesim serve` on a free loopback port, in this process, with a client configured for it. */
export async function servePaused(seed = 1, opts: { bookmarkMs?: number } = {}): Promise<{ server: RunningServer; url: string; kc: k8s.KubeConfig; errors: string[] }> {
  const errors: string[] = []
  const server = await startServer({ sim: new Simulation({ seed }), port: 0, bookmarkMs: opts.bookmarkMs, report: (line) => errors.push(line) })
  const url = `http://127.0.0.1:${server.port}`
  const kc = new k8s.KubeConfig()
  kc.loadFromOptions({
    clusters: [{ name: 'kubesim', server: url, skipTLSVerify: true }],
    users: [{ name: 'kubesim' }],
    contexts: [{ name: 'kubesim', cluster: 'kubesim', user: 'kubesim' }],
    currentContext: 'kubesim',
  })
  return { server, url, kc, errors }
}

export async function advance(url: string, duration: string): Promise<string> {
  const res = await fetch(`${url}/kubesim/v1/advance?duration=${duration}`, { method: 'POST' })
  return ((await res.json()) as { time: string }).time
}

export function deployment(name: string, replicas: number, image = 'nginx:1.27') {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image }] } },
    },
  }
}
