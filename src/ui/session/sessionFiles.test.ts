import { describe, expect, it } from 'vitest'
import { parse, parseAllDocuments } from 'yaml'
import { newSessionLog } from '../../engine/commandLog/sessionLog.ts'
import { runKubectl } from '../../engine/kubectl/runKubectl.ts'
import { Simulation } from '../../engine/simulation.ts'
import { objectKeyOf, type ObjectsByKind } from '../store/clusterStore.ts'
import { allObjectsYaml } from './exportYaml.ts'
import { decodeShareHash, encodeShareHash } from './shareLink.ts'

describe('share links', () => {
  it('carry the log compressed in #s= and give it back', async () => {
    const log = { ...newSessionLog(3), time: 90_000 }
    log.commands.push({ at: 5000, type: 'apply', yaml: 'apiVersion: v1\nkind: Pod\n'.repeat(50), source: 'manifest.yaml' })
    const hash = await encodeShareHash(log)
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/)
    expect(hash.length).toBeLessThan(JSON.stringify(log).length / 2)
    expect(await decodeShareHash(hash)).toEqual({ ok: true, log })
  })

  it('a cut or altered link is a message, not an exception', async () => {
    const hash = await encodeShareHash(newSessionLog(1))
    expect(await decodeShareHash(hash.slice(0, hash.length - 6))).toMatchObject({ ok: false, problem: 'corrupt' })
    expect(await decodeShareHash('#s=%%%')).toMatchObject({ ok: false, message: 'the link is damaged or incomplete' })
  })
})

describe('export all YAML', () => {
  it('is every object but Events and Leases, each as get -o yaml prints it, in kind/namespace/name order', () => {
    const sim = new Simulation({ seed: 1, cluster: { metricsServer: false } })
    runKubectl(sim, ['create', 'deployment', 'web', '--image=nginx:1.27'])
    sim.advance(20_000)
    const objects: ObjectsByKind = {}
    for (const o of sim.store.all()) (objects[o.kind] ??= {})[objectKeyOf(o)] = o
    const text = allObjectsYaml(objects)
    const docs = parseAllDocuments(text).map((d) => d.toJS() as { kind: string; metadata: { name: string; namespace?: string } })
    const kinds = new Set(docs.map((d) => d.kind))
    expect(kinds.has('Event')).toBe(false)
    expect(kinds.has('Lease')).toBe(false)
    // The Deployment's one pod (kube-system's CoreDNS pods are exported too).
    expect(docs.filter((d) => d.kind === 'Pod' && d.metadata.namespace === 'default')).toHaveLength(1)
    expect(docs.map((d) => d.kind)).toEqual([...docs.map((d) => d.kind)].sort())
    const deployment = text.split('---\n').find((d) => d.includes('kind: Deployment') && d.includes('\n  name: web\n'))!
    expect(deployment).toBe(runKubectl(sim, ['get', 'deployment', 'web', '-o', 'yaml']))
    expect(parse(deployment).metadata.name).toBe('web')
  })
})
