import { describe, expect, it } from 'vitest'
import { apply, kubectl, kubectlShell, newSim } from '../helpers.ts'

const TALKER = `apiVersion: apps/v1
kind: Deployment
metadata: {name: talker}
spec:
  replicas: 2
  selector: {matchLabels: {app: talker}}
  template:
    metadata: {labels: {app: talker}}
    spec:
      containers:
      - {name: main, image: busybox, command: [sh, -c, "echo one; echo two; echo three; sleep 3600"]}
      - {name: side, image: busybox, command: [sh, -c, "echo hi; sleep 3600"]}
`

function talking() {
  const sim = newSim()
  apply(sim, TALKER)
  sim.advance(30_000)
  return sim
}

describe('kubectl logs', () => {
  it('picks a pod for TYPE/NAME and defaults the container, saying both on stderr', () => {
    const out = kubectl(talking(), 'logs deploy/talker')
    expect(out).toMatch(/^Found 2 pods, using pod\/talker-\S+\nDefaulted container "main" out of: main, side\none\ntwo\nthree\n$/)
  })

  it('applies --tail, --since, --timestamps and --prefix', () => {
    const sim = talking()
    expect(kubectl(sim, 'logs deploy/talker main --tail=1')).toMatch(/\nthree\n$/)
    expect(kubectl(sim, 'logs deploy/talker -c main --tail=0')).toMatch(/^Found 2 pods, using pod\/\S+\n$/)
    expect(kubectl(sim, 'logs deploy/talker -c side --timestamps')).toMatch(/\n2026-01-05T09:00:\d\d\.\d{9}Z hi\n$/)
    expect(kubectl(sim, 'logs deploy/talker -c main --since=1m')).toMatch(/one\ntwo\nthree\n$/)
    sim.advance(60_000)
    expect(kubectl(sim, 'logs deploy/talker -c main --since=1m')).toMatch(/^Found 2 pods, using pod\/\S+\n$/)
    expect(kubectl(sim, 'logs -l app=talker -c side --prefix')).toMatch(/^\[pod\/talker-\S+\/side\] hi\n\[pod\/talker-\S+\/side\] hi\n$/)
    expect(kubectl(sim, 'logs deploy/talker --all-containers --tail=1')).toMatch(/\nthree\nhi\n$/)
  })

  it('gives a selector 10 lines per container unless --tail says otherwise', () => {
    const sim = newSim()
    apply(sim, TALKER.replace('echo one; echo two; echo three', Array.from({ length: 12 }, (_, i) => `echo l${i}`).join('; ')))
    sim.advance(30_000)
    const lines = kubectl(sim, 'logs -l app=talker -c main').split('\n').filter(Boolean)
    expect(lines).toEqual([...Array.from({ length: 10 }, (_, i) => `l${i + 2}`), ...Array.from({ length: 10 }, (_, i) => `l${i + 2}`)])
  })

  it('leaves out what an echo wrote to a file', () => {
    const sim = newSim()
    apply(sim, 'apiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec:\n  containers:\n  - {name: c, image: busybox, command: [sh, -c, "echo hi; echo hello > /tmp/g; sleep 3600"]}\n')
    sim.advance(5_000)
    expect(kubectl(sim, 'logs b')).toBe('hi\n')
  })

  it("refuses with kubectl's words", () => {
    const sim = talking()
    expect(kubectl(sim, 'logs ghost')).toBe('error: error from server (NotFound): pods "ghost" not found in namespace "default"\n')
    expect(kubectl(sim, 'logs -l app=none')).toBe('No resources found in default namespace.\n')
    expect(kubectl(sim, 'logs x -l a=b')).toBe("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n")
    expect(kubectl(sim, 'logs deploy/talker -c main --all-containers')).toBe('error: --all-containers=true should not be specified with container name main\n')
    expect(kubectl(sim, 'logs deploy/talker main -c side')).toBe('error: only one of -c or an inline [CONTAINER] arg is allowed\n')
    expect(kubectl(sim, 'logs deploy/talker --tail=-5')).toBe('error: --tail must be greater than or equal to -1\n')
    expect(kubectl(sim, 'logs cm/x')).toBe('error: error from server (NotFound): configmaps "x" not found in namespace "default"\n')
    apply(sim, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n')
    expect(kubectl(sim, 'logs cm/x')).toBe('error: cannot get the logs from *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n')
    expect(kubectl(sim, 'logs deploy/talker -f')).toBe('error: kubesim scripts cannot follow logs; use `advance` and run logs again\n')
    expect(kubectlShell(sim, 'logs deploy/talker -c side -f', {})).toMatch(/hi\n$/)
  })
})
