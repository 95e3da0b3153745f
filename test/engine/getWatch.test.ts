import { describe, expect, it } from 'vitest'
import type { WatchStream } from '../../src/engine/kubectl/commands/getWatch.ts'
import { splitCommandLine } from '../../src/engine/kubectl/args.ts'
import { runKubectl } from '../../src/engine/kubectl/runKubectl.ts'
import { apply, deploymentYaml, kubectl, newSim, podYaml } from '../helpers.ts'

/** Runs `line` as the app's terminal does: a watch hands its stream over. */
function watch(sim: ReturnType<typeof newSim>, line: string): { out: string; stream?: WatchStream } {
  let stream: WatchStream | undefined
  const out = runKubectl(sim, splitCommandLine(line), { watch: (s) => (stream = s) })
  return { out, stream }
}

describe('kubectl get -w in the app terminal', () => {
  it('scripts keep their refusal, which names advance', () => {
    expect(kubectl(newSim(), 'get pods -w')).toBe('error: kubesim scripts cannot watch; use `advance` and get again\n')
  })

  it('an empty list prints nothing; the first change prints the header with its row', () => {
    const sim = newSim()
    const { out, stream } = watch(sim, 'get pods -w')
    expect(out).toBe('')
    apply(sim, podYaml('web', 'nginx:1.27'))
    const rows = stream!.drain()
    expect(rows.split('\n')[0]).toBe('NAME   READY   STATUS    RESTARTS   AGE')
    expect(rows.split('\n')[1]).toBe('web    0/1     Pending   0          0s')
    expect(stream!.drain()).toBe('')
  })

  it('rows follow the pod through its life, columns widening as kubectl’s remembering tabwriter does', () => {
    const sim = newSim()
    apply(sim, podYaml('web', 'nginx:1.27'))
    const { out, stream } = watch(sim, 'get pods -w')
    expect(out).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    0/1     Pending   0          0s\n')
    sim.advance(10_000)
    const rows = stream!.drain().split('\n').filter(Boolean)
    expect(rows).toContain('web    0/1     ContainerCreating   0          0s')
    expect(rows.at(-1)).toMatch(/^web    1\/1     Running             0          \ds$/)
    kubectl(sim, 'delete pod web --wait=false')
    sim.advance(60_000)
    const after = stream!.drain().split('\n').filter(Boolean)
    expect(after[0]).toMatch(/^web    1\/1     Terminating         0          \d+s$/)
    stream!.stop()
    apply(sim, podYaml('other', 'nginx:1.27'))
    expect(stream!.drain()).toBe('')
  })

  it('a named object: its row now, then its changes only (no synthetic ADDED repeat)', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 1))
    apply(sim, podYaml('api', 'nginx:1.27'))
    sim.advance(30_000)
    const { out, stream } = watch(sim, 'get deploy web -w')
    expect(out).toMatch(/^NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    1\/1     1            1           30s\n$/)
    kubectl(sim, 'scale deploy web --replicas=2')
    sim.advance(1_000)
    expect(stream!.drain()).toMatch(/^web    1\/2     1            1           30s\n(web .*\n)*web    1\/2     2            1           30s\n/)
  })

  it('kubectl’s refusals: several types, several names, a missing object', () => {
    const sim = newSim()
    apply(sim, podYaml('a', 'nginx:1.27'))
    apply(sim, podYaml('b', 'nginx:1.27'))
    expect(watch(sim, 'get pods,svc -w').out).toBe('error: you may only specify a single resource type\n')
    expect(watch(sim, 'get pods a b -w').out).toMatch(/^NAME   READY   STATUS    RESTARTS   AGE\na      0\/1     Pending   0          0s\nb      0\/1     Pending   0          0s\nerror: you may only watch a single resource or type of resource at a time\n$/)
    expect(watch(sim, 'get pod nope -w').out).toBe('Error from server (NotFound): pods "nope" not found\n')
  })

  it('-l and -n narrow the rows', () => {
    const sim = newSim()
    const { stream } = watch(sim, 'get pods -l app=web -w')
    apply(sim, podYaml('other', 'nginx:1.27'))
    expect(stream!.drain()).toBe('')
    apply(sim, deploymentYaml('web', 1))
    expect(stream!.drain()).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\nweb-/)
  })
})
