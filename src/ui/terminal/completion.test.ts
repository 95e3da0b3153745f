import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../engine/api/types.ts'
import { kubectlVocabulary } from '../../engine/kubectl/vocabulary.ts'
import { apply, deploymentYaml, newSim, podYaml } from '../../../test/helpers.ts'
import { complete, type CompletionSources } from './completion.ts'

/** The UI's mirror of a small cluster: a Deployment `web`, pods `web-…`, a pod `api`, and a namespace `dev` with pod `tools`. */
function sources(): CompletionSources {
  const sim = newSim()
  apply(sim, deploymentYaml('web', 2))
  apply(sim, podYaml('api', 'nginx:1.27'))
  apply(sim, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n')
  apply(sim, podYaml('tools', 'busybox:1.36').replace('name: tools', 'name: tools\n  namespace: dev'))
  const objects: Record<string, Record<string, KubeObject>> = {}
  for (const o of sim.store.all()) (objects[o.kind] ??= {})[`${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`] = o
  return { vocabulary: kubectlVocabulary(), objects, files: ['manifest.yaml'] }
}

const src = sources()
const webPods = Object.values(src.objects.Pod).map((p) => p.metadata.name).filter((n) => n.startsWith('web-')).sort()
const tab = (text: string) => complete(text, src)

describe('terminal Tab completion', () => {
  it('completes verbs, with or without a typed `kubectl`', () => {
    expect(tab('desc')).toEqual({ text: 'describe ', candidates: [] })
    expect(tab('kubectl desc')).toEqual({ text: 'kubectl describe ', candidates: [] })
    expect(tab('he')).toEqual({ text: 'help ', candidates: [] })
  })

  it('lists the verbs that share a prefix and completes their common part', () => {
    const r = tab('c')
    expect(r.candidates).toEqual(expect.arrayContaining(['clear', 'cordon', 'create']))
    expect(r.candidates.every((c) => c.startsWith('c'))).toBe(true)
    expect(r.text).toBe('c')
  })

  it('a short name or singular expands to the plural: get po → get pods', () => {
    expect(tab('get po')).toEqual({ text: 'get pods ', candidates: [] })
    expect(tab('kubectl get po')).toEqual({ text: 'kubectl get pods ', candidates: [] })
    expect(tab('get deploy')).toEqual({ text: 'get deployments ', candidates: [] })
    expect(tab('get svc')).toEqual({ text: 'get services ', candidates: [] })
    expect(tab('describe pod')).toEqual({ text: 'describe pods ', candidates: [] })
  })

  it('completes a plural prefix, and lists the choices when several match', () => {
    expect(tab('get deployme')).toEqual({ text: 'get deployments ', candidates: [] })
    const r = tab('get rep')
    expect(r.candidates).toEqual(['replicasets', 'replicationcontrollers'])
    expect(r.text).toBe('get replica')
  })

  it('completes the type after a comma: get pods,dep → get pods,deployments', () => {
    expect(tab('get pods,deployme')).toEqual({ text: 'get pods,deployments ', candidates: [] })
  })

  it('completes object names of the named type, in the line’s namespace', () => {
    expect(tab('get pods a')).toEqual({ text: 'get pods api ', candidates: [] })
    expect(tab('describe deploy w')).toEqual({ text: 'describe deploy web ', candidates: [] })
    expect(tab('get pods t')).toEqual({ text: 'get pods t', candidates: [] })
    expect(tab('get pods -n dev t')).toEqual({ text: 'get pods -n dev tools ', candidates: [] })
    expect(tab('get pods --namespace=dev t')).toEqual({ text: 'get pods --namespace=dev tools ', candidates: [] })
    expect(tab('get pods -A t')).toEqual({ text: 'get pods -A tools ', candidates: [] })
  })

  it('completes TYPE/NAME', () => {
    expect(tab('rollout status deploy/w')).toEqual({ text: 'rollout status deploy/web ', candidates: [] })
    expect(tab('delete pod/a')).toEqual({ text: 'delete pod/api ', candidates: [] })
    expect(tab('get deploy/')).toEqual({ text: 'get deploy/web ', candidates: [] })
  })

  it('pods for logs and exec, nodes for cordon', () => {
    const r = tab('logs web-')
    expect(r.candidates).toEqual(webPods)
    expect(tab('logs a')).toEqual({ text: 'logs api ', candidates: [] })
    expect(tab('cordon worker-1')).toEqual({ text: 'cordon worker-1 ', candidates: [] })
  })

  it('subcommands: rollout st → rollout status, then resource types', () => {
    expect(tab('rollout st')).toEqual({ text: 'rollout status ', candidates: [] })
    expect(tab('rollout status deploy')).toEqual({ text: 'rollout status deployments ', candidates: [] })
    expect(tab('set im')).toEqual({ text: 'set image ', candidates: [] })
  })

  it('flags of the verb, namespaces after -n, formats after -o, the editor’s file after -f', () => {
    expect(tab('get pods --show-l')).toEqual({ text: 'get pods --show-labels ', candidates: [] })
    expect(tab('get pods -n d')).toEqual({ text: 'get pods -n de', candidates: ['default', 'dev'] })
    expect(tab('get pods -n de')).toEqual({ text: 'get pods -n de', candidates: ['default', 'dev'] })
    expect(tab('get pods -n dev')).toEqual({ text: 'get pods -n dev ', candidates: [] })
    expect(tab('get pods -o ya')).toEqual({ text: 'get pods -o yaml ', candidates: [] })
    expect(tab('get pods -ojs')).toEqual({ text: 'get pods -ojson', candidates: ['json', 'jsonpath='] })
    expect(tab('get pods -o jsonp')).toEqual({ text: 'get pods -o jsonpath=', candidates: [] })
    expect(tab('delete -f m')).toEqual({ text: 'delete -f manifest.yaml ', candidates: [] })
  })

  it('leaves the line alone when nothing matches', () => {
    expect(tab('frobnicate x')).toEqual({ text: 'frobnicate x', candidates: [] })
    expect(tab('get pods zzz')).toEqual({ text: 'get pods zzz', candidates: [] })
    expect(tab('get nosuchtype')).toEqual({ text: 'get nosuchtype', candidates: [] })
  })
})

describe('terminal Tab completion on anything typed', () => {
  it('never throws, and only ever extends the text left of the caret', () => {
    const pieces = ['get', 'po', 'pods', 'deploy/', 'deploy/w', '-n', 'dev', '-o', '-oj', '--output=', '-A', ',', 'pods,', 'rollout', 'status', 'logs', 'kubectl', '', ' ', '  ', '-', '--', '/', '=', '"', "'", 'web', 'x/y/z', 'create', 'config', 'set-context']
    let seed = 7
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 1 + next(5) }, () => pieces[next(pieces.length)]).join(next(2) ? ' ' : '')
      const r = complete(text, src)
      expect(r.text.startsWith(text.slice(0, text.length - (text.split(/\s+/).at(-1)?.length ?? 0))), text).toBe(true)
      expect(r.text.length, text).toBeGreaterThanOrEqual(text.length - (text.split(/\s+/).at(-1)?.length ?? 0))
    }
  })
})
