import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { runScript } from '../../src/cli/runScript.ts'
import { parseScript, ScriptError } from '../../src/cli/scriptParser.ts'
import type { Node } from '../../src/engine/api/types.ts'
import { Simulation } from '../../src/engine/simulation.ts'

const BIN = join(__dirname, '../../bin/kubesim.mjs')
const EXAMPLES = join(__dirname, '../../examples')

const run = (lines: string[]) => runScript(parseScript(lines.join('\n') + '\n'), { seed: 1, readPath: () => undefined })

const ADD_SCRIPT = [
  'cluster --workers 1 --cpu 2 --memory 4Gi --no-control-plane',
  'node add gpu-1 --cpu 8 --memory 16Gi --max-pods 20 --labels accelerator=nvidia --taints gpu=true:NoSchedule',
  'node add worker-2',
  'kubectl get nodes -o wide --show-labels',
  'kubectl create deployment web --image=nginx:1.27 --replicas=3',
  'advance 30s',
  'kubectl get pods -o wide',
]

const REMOVE_SCRIPT = [
  'cluster --workers 2 --cpu 2 --memory 4Gi --no-control-plane',
  'kubectl create deployment web --image=nginx:1.27 --replicas=2',
  'advance 30s',
  'kubectl get pods -o wide',
  'node remove worker-1',
  'advance 40s',
  'kubectl get nodes',
  'advance 20s',
  'kubectl get nodes',
  'kubectl get pods -o wide',
  'advance 5m',
  'kubectl get pods -o wide',
  'node add worker-1',
  'advance 10s',
  'kubectl get nodes',
  'kubectl get pods',
]

describe('scenario scripts: node add', () => {
  it('adds workers of the cluster\'s size by default, or with their own size, labels and taints (transcript: examples/node-add)', () => {
    expect(run(ADD_SCRIPT)).toBe(readFileSync(join(EXAMPLES, 'node-add.expected'), 'utf8'))
  })

  it('gives a machine without flags the size of the cluster\'s workers', () => {
    const addMachine = vi.spyOn(Simulation.prototype, 'addMachine')
    try {
      run(['cluster --workers 1 --cpu 3 --memory 6Gi --max-pods 50', 'node add worker-2', 'node add big --cpu 16'])
      expect(addMachine.mock.calls).toEqual([
        [{ cpu: '3', memory: '6Gi', maxPods: 50, name: 'worker-2' }],
        [{ cpu: '16', memory: '6Gi', maxPods: 50, name: 'big' }],
      ])
    } finally {
      addMachine.mockRestore()
    }
  })

  it('registers the Node as a kubelet with --node-labels and --register-with-taints would', () => {
    const steps = parseScript('node add edge-1 --cpu=500m --memory=1Gi --labels zone=a,example.com/role=edge --taints dedicated=edge:NoExecute,spot:PreferNoSchedule\n')
    expect(steps).toEqual([
      {
        kind: 'node-add',
        line: 1,
        text: 'node add edge-1 --cpu=500m --memory=1Gi --labels zone=a,example.com/role=edge --taints dedicated=edge:NoExecute,spot:PreferNoSchedule',
        machine: {
          name: 'edge-1',
          cpu: '500m',
          memory: '1Gi',
          labels: { zone: 'a', 'example.com/role': 'edge' },
          taints: [
            { key: 'dedicated', value: 'edge', effect: 'NoExecute' },
            { key: 'spot', effect: 'PreferNoSchedule' },
          ],
        },
      },
    ])
    const sim = new Simulation({ cluster: { workers: 1 } })
    sim.addMachine({ name: 'edge-1', cpu: '500m', memory: '1Gi', maxPods: 110, labels: { zone: 'a' }, taints: [{ key: 'spot', effect: 'PreferNoSchedule' }] })
    const node = sim.store.get<Node>('Node', undefined, 'edge-1')!
    expect(node.metadata.labels).toMatchObject({ zone: 'a', 'kubernetes.io/hostname': 'edge-1' })
    expect(node.spec.taints).toEqual([{ key: 'spot', effect: 'PreferNoSchedule' }])
    expect(node.status.capacity).toEqual({ cpu: '500m', memory: '1Gi', pods: '110', 'ephemeral-storage': '100Gi' })
    expect(node.status.addresses[0]).toEqual({ type: 'InternalIP', address: '172.18.0.4' })
    expect(node.spec.podCIDR).toBe('10.244.2.0/24')
  })
})

describe('scenario scripts: node remove', () => {
  it('loses the machine: NotReady after the grace period, evictions after 300s; the Node stays and the machine can come back (transcript: examples/node-remove)', () => {
    expect(run(REMOVE_SCRIPT)).toBe(readFileSync(join(EXAMPLES, 'node-remove.expected'), 'utf8'))
  })

  it('goes the node-down way in the control plane: the same transcript as fault node-down / node-up', () => {
    const asFault = REMOVE_SCRIPT.map((l) => l.replace('node remove', 'fault node-down').replace('node add', 'fault node-up'))
    const strip = (t: string) => t.replace(/^\$ (node|fault) .*$/gm, '')
    expect(strip(run(REMOVE_SCRIPT))).toBe(strip(run(asFault)))
  })

  it('takes the kubelet away for good: fault node-up cannot bring it back', () => {
    const sim = new Simulation({ cluster: { workers: 2, controlPlane: false } })
    sim.removeMachine('worker-1')
    expect(sim.kubelets.has('worker-1')).toBe(false)
    sim.nodeUp('worker-1')
    sim.advance(60_000)
    const ready = sim.store.get<Node>('Node', undefined, 'worker-1')!.status.conditions.find((c) => c.type === 'Ready')
    expect(ready?.status).toBe('Unknown')
  })
})

describe('scenario scripts: malformed node lines', () => {
  it.each([
    ['node', 'line 1: node must be `node add NAME [--cpu C] [--memory M] [--max-pods P] [--labels k=v,…] [--taints k=v:Effect,…]` or `node remove NAME`'],
    ['node remove', 'line 1: node must be `node add NAME [--cpu C] [--memory M] [--max-pods P] [--labels k=v,…] [--taints k=v:Effect,…]` or `node remove NAME`'],
    ['node add', 'line 1: node add needs a machine name: `node add NAME [--cpu C] [--memory M] [--max-pods P] [--labels k=v,…] [--taints k=v:Effect,…]`'],
    ['node add --cpu 2', 'line 1: node add needs a machine name: `node add NAME [--cpu C] [--memory M] [--max-pods P] [--labels k=v,…] [--taints k=v:Effect,…]`'],
    ['node add Worker_4', 'line 1: node name "Worker_4" must be a lowercase RFC 1123 subdomain (e.g. worker-4)'],
    ['node add worker-1', 'line 1: node add: there is already a machine named "worker-1"'],
    ['node remove worker-9', 'line 1: node remove: there is no machine named "worker-9"'],
    ['node add w --cpu', 'line 1: --cpu needs a value'],
    ['node add w --cpu lots', 'line 1: --cpu must be a quantity like 2 or 500m, got "lots"'],
    ['node add w --memory 4GB', 'line 1: --memory must be a quantity like 4Gi, got "4GB"'],
    ['node add w --max-pods 0', 'line 1: --max-pods must be a whole number of at least 1, got "0"'],
    ['node add w --gpus 1', 'line 1: unknown node add flag "--gpus"'],
    ['node add w --labels tier', 'line 1: --labels wants key=value pairs separated by commas, with valid label keys and values; "tier" is not one'],
    ['node add w --labels a=b,-x=y', 'line 1: --labels wants key=value pairs separated by commas, with valid label keys and values; "-x=y" is not one'],
    ['node add w --taints gpu=true', 'line 1: --taints wants key[=value]:Effect items separated by commas, Effect one of NoSchedule, PreferNoSchedule, NoExecute; "gpu=true" is not one'],
    ['node add w --taints gpu=true:NoRun', 'line 1: --taints wants key[=value]:Effect items separated by commas, Effect one of NoSchedule, PreferNoSchedule, NoExecute; "gpu=true:NoRun" is not one'],
  ])('%s', (line, reason) => {
    expect(() => parseScript(line + '\n')).toThrow(new ScriptError(1, reason.replace(/^line 1: /, '')))
    expect(() => parseScript(line + '\n')).toThrow(reason)
  })

  it('follows the machines through the script: removed ones can be added again, added ones removed', () => {
    expect(() => parseScript('cluster --workers 1\nnode remove worker-1\nnode add worker-1\nnode add w2\nnode remove w2\n')).not.toThrow()
    expect(() => parseScript('cluster --workers 1 --no-control-plane\nnode remove control-plane\n')).toThrow('line 2: node remove: there is no machine named "control-plane"')
    expect(() => parseScript('node add w2\nadvance 1s\nnode add w2\n')).toThrow('line 3: node add: there is already a machine named "w2"')
  })

  it('exits 2 from the command line, naming the line', () => {
    const bad = spawnSync(process.execPath, [BIN, 'run', '-'], { input: 'kubectl get nodes\nnode add gpu-1 --taints gpu\n', encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stdout).toBe('')
    expect(bad.stderr).toBe('kubesim: line 2: --taints wants key[=value]:Effect items separated by commas, Effect one of NoSchedule, PreferNoSchedule, NoExecute; "gpu" is not one\n')
  })
})
