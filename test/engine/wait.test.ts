import { describe, expect, it } from 'vitest'
import { parseGoDuration } from '../../src/engine/kubectl/goDuration.ts'
import { apply, deploymentYaml, kubectl, kubectlShell, newSim } from '../helpers.ts'

describe('kubectl wait', () => {
  it('moves simulated time on until the condition holds, in a script', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 2))
    expect(kubectl(sim, 'wait --for=condition=Available deploy/web')).toBe('deployment.apps/web condition met\n')
    expect(sim.now).toBeGreaterThan(0)
    expect(kubectl(sim, 'wait --for=condition=Ready pods --all')).toMatch(/^pod\/web-\S+ condition met\npod\/web-\S+ condition met\n$/)
    expect(kubectlShell(sim, "wait --for=jsonpath='{.status.phase}'=Running pod -l app=web")).toMatch(/^(pod\/web-\S+ condition met\n){2}$/)
    expect(kubectl(sim, 'wait --for=jsonpath={.status.replicas} deploy/web')).toBe('deployment.apps/web condition met\n')
  })

  it('times out with kubectl\'s message, one error prefixed and several bare', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 2))
    sim.advance(20_000)
    const start = sim.now
    expect(kubectl(sim, 'wait --for=condition=Ready=false deploy/web --timeout=3s')).toBe('error: timed out waiting for the condition on deployments/web\n')
    expect(sim.now - start).toBe(3_000)
    expect(kubectl(sim, 'wait --for=condition=Ready=false pods --all --timeout=1s')).toMatch(/^timed out waiting for the condition on pods\/web-\S+\ntimed out waiting for the condition on pods\/web-\S+\n$/)
    expect(kubectl(sim, 'wait --for=condition=Ready=false deploy/web --timeout=0')).toBe('error: condition not met for deployments/web\n')
  })

  it('waits for a deletion, and says nothing when the object is already gone', () => {
    const sim = newSim()
    apply(sim, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: c, image: busybox, command: [sleep, "3600"]}\n')
    sim.advance(5_000)
    kubectl(sim, 'delete pod p --wait=false')
    expect(kubectl(sim, 'wait --for=delete pod/p --timeout=60s')).toBe('pod/p condition met\n')
    expect(kubectl(sim, 'wait --for=delete pod/p')).toBe('')
  })

  it('--for=create polls until the objects exist, then reports each', () => {
    const sim = newSim()
    expect(kubectl(sim, 'wait --for=create deploy/web --timeout=2s')).toBe('error: timed out waiting for the condition\n')
    expect(sim.now).toBe(2_000)
    apply(sim, deploymentYaml('web', 1))
    expect(kubectl(sim, 'wait --for=create deploy/web')).toBe('deployment.apps/web condition met\n')
    expect(kubectl(sim, 'wait --for=create pod -l app=web')).toMatch(/^pod\/web-\S+ condition met\n$/)
  })

  it('answers at once in the app, where time runs by itself', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 1))
    const before = sim.now
    expect(kubectlShell(sim, 'wait --for=condition=Available deploy/web', {})).toBe(
      'kubesim: deployments/web does not meet the condition yet; time runs on in the app, so run wait again in a moment\n',
    )
    expect(sim.now).toBe(before)
  })

  it("refuses bad input with kubectl's words", () => {
    const sim = newSim()
    expect(kubectl(sim, 'wait pod/x')).toBe('error: unrecognized condition: ""\n')
    expect(kubectl(sim, 'wait --for=ready pod/x')).toBe('error: unrecognized condition: "ready"\n')
    expect(kubectl(sim, 'wait --for=jsonpath= pod/x')).toBe('error: jsonpath expression cannot be empty\n')
    expect(kubectl(sim, 'wait --for=jsonpath={.a}=b=c pod/x')).toBe("error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'\n")
    expect(kubectl(sim, 'wait --for=jsonpath={.a}==b pod/x')).toBe("error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n")
    expect(kubectl(sim, 'wait --for=delete')).toMatch(/^error: You must provide one or more resources by argument or filename\./)
    expect(kubectl(sim, 'wait --for=condition=Ready pod')).toBe('error: resource(s) were provided, but no name was specified\n')
    expect(kubectl(sim, 'wait --for=condition=Ready pod -l app=none')).toBe('error: no matching resources found\n')
    expect(kubectl(sim, 'wait --for=condition=Ready pod/ghost')).toBe('Error from server (NotFound): pods "ghost" not found\n')
    expect(kubectl(sim, 'wait --for=delete pod/x --timeout=-1x')).toBe('error: invalid argument "-1x" for "--timeout" flag: time: unknown unit "x" in duration "-1x"\nSee \'kubectl wait --help\' for usage.\n')
  })
})

describe('Go durations', () => {
  it.each([
    ['30s', 30_000],
    ['1m30s', 90_000],
    ['1.5h', 5_400_000],
    ['0', 0],
    ['-1s', -1_000],
    ['250ms', 250],
    ['abc', { error: 'time: invalid duration "abc"' }],
    ['5', { error: 'time: missing unit in duration "5"' }],
    ['1x', { error: 'time: unknown unit "x" in duration "1x"' }],
  ])('%s', (text, want) => expect(parseGoDuration(text)).toEqual(want))
})
