import { describe, expect, it } from 'vitest'
import type { Node } from '../api/types.ts'
import { Simulation } from '../simulation.ts'
import { runMachineLine } from './machineLine.ts'

const node = (sim: Simulation, name: string) => sim.store.get<Node>('Node', undefined, name)

describe('runMachineLine', () => {
  it('adds a machine with the cluster worker size unless told otherwise, labels and taints included', () => {
    const sim = new Simulation({ seed: 1 })
    expect(runMachineLine(sim, 'node add big-1 --cpu 16 --labels disk=ssd --taints gpu=true:NoSchedule')).toBeNull()
    sim.advance(5_000)
    const big = node(sim, 'big-1')!
    expect(big.status.capacity.cpu).toBe('16')
    expect(big.status.capacity.memory).toBe(node(sim, 'worker-1')!.status.capacity.memory)
    expect(big.metadata.labels?.disk).toBe('ssd')
    expect(big.spec.taints).toContainEqual({ key: 'gpu', value: 'true', effect: 'NoSchedule' })
  })

  it('removes a machine: its Node stays and goes NotReady, as in scripts', () => {
    const sim = new Simulation({ seed: 1 })
    expect(runMachineLine(sim, 'node remove worker-2')).toBeNull()
    sim.advance(60_000)
    expect(node(sim, 'worker-2')!.status.conditions.find((c) => c.type === 'Ready')?.status).toBe('Unknown')
  })

  it("refuses what a script would refuse, in the script's words, and changes nothing", () => {
    const sim = new Simulation({ seed: 1 })
    const before = sim.store.list('Node').length
    expect(runMachineLine(sim, 'node add worker-1')).toBe('node add: there is already a machine named "worker-1"')
    expect(runMachineLine(sim, 'node remove nope')).toBe('node remove: there is no machine named "nope"')
    expect(runMachineLine(sim, 'node add x --cpu lots')).toBe('--cpu must be a quantity like 2 or 500m, got "lots"')
    expect(runMachineLine(sim, 'reboot everything')).toMatch(/^node must be `node add NAME/)
    expect(sim.store.list('Node').length).toBe(before)
  })
})
