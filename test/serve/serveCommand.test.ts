import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const BIN = join(import.meta.dirname, '../../bin/kubesim.mjs')

/** Starts `kubesim serve ARGS`; resolves when it prints its first line on stdout or exits. */
function serve(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'serve', ...args])
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const ready = new Promise<void>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
      if (stdout.includes('\n')) resolve()
    })
    void exited.then(() => resolve())
  })
  return { child, ready, exited, out: () => stdout, err: () => stderr }
}

async function freePort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const port = (s.address() as { port: number }).port
  await new Promise((r) => s.close(r))
  return port
}

describe('npx kubesim serve', () => {
  it('runs the script to stderr, prints the serving line, is deterministic when paused, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-serve-cmd-'))
    const script = join(dir, 's.kss')
    writeFileSync(script, 'cluster --workers 1\nkubectl create deployment web --image=nginx --replicas=2\nadvance 30s\n')
    const uidsOf = async () => {
      const port = await freePort()
      const s = serve([script, '--port', String(port), '--paused', '--seed', '7'])
      await s.ready
      expect(s.out()).toBe(`kubesim: serving the cluster at http://127.0.0.1:${port}\n`)
      expect(s.err()).toContain('$ kubectl create deployment web --image=nginx --replicas=2\ndeployment.apps/web created\n$ advance 30s\n')
      await fetch(`http://127.0.0.1:${port}/api/v1/namespaces/default/configmaps`, { method: 'POST', body: JSON.stringify({ metadata: { generateName: 'c-' } }) })
      const time = (await (await fetch(`http://127.0.0.1:${port}/kubesim/v1/time`)).json()) as { time: string }
      expect(time).toEqual({ time: '2026-01-05T09:00:30Z' })
      const ipv6 = await fetch(`http://[::1]:${port}/version`).then((r) => r.status, () => 'no IPv6')
      expect([200, 'no IPv6']).toContain(ipv6)
      const pods = (await (await fetch(`http://127.0.0.1:${port}/api/v1/pods`)).json()) as { items: { metadata: { name: string; uid: string } }[] }
      const cms = (await (await fetch(`http://127.0.0.1:${port}/api/v1/namespaces/default/configmaps`)).json()) as { items: { metadata: { name: string; uid: string } }[] }
      s.child.kill('SIGTERM')
      expect(await s.exited).toBe(0)
      return [...pods.items, ...cms.items].map((o) => `${o.metadata.name} ${o.metadata.uid}`)
    }
    const first = await uidsOf()
    expect(first.some((l) => l.startsWith('web-'))).toBe(true)
    expect(await uidsOf()).toEqual(first)
  }, 90_000)

  it('exits 1 with one line when the port is taken, and 2 on a malformed script', async () => {
    const blocker = createServer()
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r))
    const port = (blocker.address() as { port: number }).port
    const taken = serve(['--port', String(port), '--paused'])
    expect(await taken.exited).toBe(1)
    expect(taken.err()).toBe(`kubesim: cannot serve on 127.0.0.1:${port}: port ${port} is already in use\n`)
    await new Promise((r) => blocker.close(r))

    const dir = mkdtempSync(join(tmpdir(), 'kubesim-serve-bad-'))
    writeFileSync(join(dir, 'bad.kss'), 'frobnicate\n')
    const bad = serve([join(dir, 'bad.kss'), '--paused'])
    expect(await bad.exited).toBe(2)
    expect(bad.err()).toMatch(/^kubesim: line 1: /)
  }, 60_000)
})
