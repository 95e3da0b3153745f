import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runKubectl } from '../../src/engine/kubectl/runKubectl.ts'
import { Simulation } from '../../src/engine/simulation.ts'
import type { RunningServer } from '../../src/serve/server.ts'
import { advance, deployment, servePaused } from './serveKit.ts'

const run = promisify(execFile)
const KUBECTL = '/usr/bin/kubectl'

/**
 * The real kubectl (v1.32) against a paused `kubesim serve`, compared with the engine's
 * own kubectl on a simulation given the same seed and the same commands.
 */
describe.skipIf(!existsSync(KUBECTL))('the real kubectl against kubesim serve', () => {
  let server: RunningServer
  let url: string
  const sim = new Simulation({ seed: 1 })
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-serve-'))
  const manifest = join(dir, 'web.yaml')
  writeFileSync(manifest, JSON.stringify(deployment('web', 3)))

  const kubectl = async (...args: string[]) => {
    const out = await run(KUBECTL, ['--server', url, ...args]).catch((e: { stdout: string; stderr: string }) => e)
    return out.stdout + out.stderr
  }
  const engine = (...args: string[]) => runKubectl(sim, args, { readPath: () => [{ name: manifest, text: JSON.stringify(deployment('web', 3)) }] })
  const both = async (...args: string[]) => ({ real: await kubectl(...args), engine: engine(...args) })

  beforeAll(async () => {
    const s = await servePaused(1)
    server = s.server
    url = s.url
  })
  afterAll(() => server.close())

  it('applies, lists, scales and deletes as the engine kubectl does', async () => {
    const applied = await both('apply', '-f', manifest)
    expect(applied.real).toBe(applied.engine)
    await advance(url, '30s')
    sim.advance(30_000)
    for (const args of [['get', 'pods'], ['get', 'deploy', '-o', 'wide'], ['get', 'nodes'], ['get', 'pods', '-A', '--show-labels'], ['get', 'all'], ['api-resources']]) {
      const out = await both(...args)
      expect(out.real, args.join(' ')).toBe(out.engine)
    }
    const scaled = await both('scale', 'deploy/web', '--replicas=2')
    expect(scaled.real).toBe(scaled.engine)
    const pods = await both('get', 'pods')
    expect(pods.real).toBe(pods.engine)
    const name = pods.engine.split('\n')[1].split(/\s+/)[0]
    const logs = await both('logs', name, '--tail=2')
    expect(logs.real).toBe(logs.engine)
    const deleted = await both('delete', 'deploy', 'web')
    // kubectl v1.35 names the namespace in `deleted` lines; the v1.32 client here does not.
    expect(deleted.real).toBe(deleted.engine.replace(' from default namespace', ''))
    expect(await kubectl('get', 'pods', 'nope')).toBe('Error from server (NotFound): pods "nope" not found\n')
  })

  it('watches with get -w as simulated time passes', async () => {
    const w = join(dir, 'w.yaml')
    writeFileSync(w, JSON.stringify(deployment('w', 1)))
    expect(await kubectl('apply', '-f', w)).toBe('deployment.apps/w created\n')
    const child = spawn(KUBECTL, ['--server', url, 'get', 'pods', '-l', 'app=w', '-w'])
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    const until = async (text: RegExp) => {
      for (let i = 0; i < 100 && !text.test(out); i++) await new Promise((r) => setTimeout(r, 100))
    }
    await until(/Pending/)
    await advance(url, '30s')
    await until(/Running/)
    child.kill()
    expect(out).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\n/)
    expect(out).toMatch(/w-\w+-\w+ +0\/1 +Pending/)
    expect(out).toMatch(/w-\w+-\w+ +1\/1 +Running/)
  })
})
