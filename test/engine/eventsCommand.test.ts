import { describe, expect, it } from 'vitest'
import { apply, kubectl, newSim, podYaml } from '../helpers.ts'

function crashing() {
  const sim = newSim({ workers: 1 })
  apply(sim, podYaml('crash', 'busybox:1.36', '    command: ["sh", "-c", "exit 1"]\n'))
  sim.advance(40_000)
  return sim
}

describe('kubectl get events', () => {
  it('-o wide puts SUBOBJECT and SOURCE before MESSAGE, then FIRST SEEN, COUNT and NAME (printEvent)', () => {
    const sim = crashing()
    const lines = kubectl(sim, 'get events -o wide --field-selector reason=BackOff').split('\n')
    expect(lines[0].split(/\s{2,}/)).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'])
    expect(lines[1]).toMatch(/^6s {10}Warning {3}BackOff {3}pod\/crash {3}spec\.containers\{main\} {3}kubelet, worker-1 {3}Back-off restarting failed container main in pod crash_default\(.*\) {3}36s {10}4 {7}crash\.[0-9a-f]+$/)
  })

  it('lists in the server’s order, by event name, not by time', () => {
    const sim = crashing()
    const reasons = kubectl(sim, 'get events --no-headers').split('\n').filter(Boolean).map((l) => l.split(/\s+/)[2])
    expect(reasons).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started', 'Pulled', 'BackOff'])
  })
})

describe('kubectl events', () => {
  it('sorts by last seen, names the object with its Kind, and shows the count in LAST SEEN', () => {
    const sim = crashing()
    const out = kubectl(sim, 'events --for pod/crash')
    const lines = out.split('\n')
    expect(lines[0]).toBe('LAST SEEN          TYPE      REASON      OBJECT      MESSAGE')
    expect(lines[1]).toBe('40s                Normal    Scheduled   Pod/crash   Successfully assigned default/crash to worker-1')
    expect(lines.at(-2)).toMatch(/^6s \(x4 over 36s\) {3}Warning {3}BackOff {5}Pod\/crash {3}Back-off restarting/)
  })

  it('--types filters case-insensitively and refuses other types', () => {
    const sim = crashing()
    expect(kubectl(sim, 'events --types=warning --no-headers').trim().split('\n')).toHaveLength(1)
    expect(kubectl(sim, 'events --types=Normal,Oops')).toBe('error: valid --types are Normal or Warning\n')
  })

  it('says when there is nothing, naming the namespace unless -A', () => {
    const sim = newSim({ workers: 1 })
    expect(kubectl(sim, 'events')).toBe('No events found in default namespace.\n')
    expect(kubectl(sim, 'events -A --for pod/x')).toBe('No events found.\n')
  })

  it('--for needs TYPE/NAME with a known type', () => {
    const sim = newSim({ workers: 1 })
    expect(kubectl(sim, 'events --for web')).toBe('error: --for must be in resource/name form\n')
    expect(kubectl(sim, 'events --for a/b/c')).toBe('error: arguments in resource/name form may not have more than one slash\n')
    expect(kubectl(sim, 'events --for foo/x')).toBe('the server doesn\'t have a resource type "foo"\n')
  })

  it('-o yaml prints an EventList', () => {
    const sim = crashing()
    const out = kubectl(sim, 'events --for pod/crash --types=Warning -o yaml')
    expect(out.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  count: 4\n')).toBe(true)
    expect(out.endsWith('kind: EventList\nmetadata: {}\n')).toBe(true)
  })
})
