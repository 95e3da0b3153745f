import { parseDuration } from '../engine/util/duration.ts'
import { splitCommandLine } from '../engine/kubectl/args.ts'
import { DEFAULT_CLUSTER, type ClusterSpec } from '../engine/simulation.ts'
import { parseNodeLine, type NodeAdd } from '../engine/cluster/nodeLine.ts'

/** One executable line of a scenario script (see shared/spec/scenario-scripts.md). */
export type ScriptStep =
  | { kind: 'cluster'; line: number; text: string; spec: Partial<ClusterSpec> }
  | { kind: 'kubectl'; line: number; text: string; argv: string[]; stdin?: string }
  | { kind: 'advance'; line: number; text: string; ms: number }
  | { kind: 'fault'; line: number; text: string; action: 'node-down' | 'node-up'; node: string }
  | { kind: 'node-add'; line: number; text: string; machine: NodeAdd }
  | { kind: 'node-remove'; line: number; text: string; node: string }

/** A malformed script: the CLI exits 2 with this one-line reason. */
export class ScriptError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`)
  }
}

/** Parses the whole script up front, so a malformed script runs nothing. */
export function parseScript(source: string): ScriptStep[] {
  const lines = source.split(/\r?\n/)
  const steps: ScriptStep[] = []
  // Machines change only through `cluster` and `node` lines, so they are known here.
  let machines: Set<string> | undefined
  const machineNames = () => (machines ??= initialMachines(steps[0]?.kind === 'cluster' ? steps[0].spec : {}))
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1
    const text = lines[i].trim()
    if (text === '' || text.startsWith('#')) continue
    const words = splitCommandLine(text)
    const verb = words[0]
    if (verb === 'cluster') {
      if (steps.length > 0) throw new ScriptError(lineNo, '`cluster` must come before any other command')
      steps.push({ kind: 'cluster', line: lineNo, text, spec: parseClusterFlags(words.slice(1), lineNo) })
    } else if (verb === 'kubectl') {
      const heredocAt = words.findIndex((w) => w.startsWith('<<'))
      let stdin: string | undefined
      let argv = words.slice(1)
      if (heredocAt >= 0) {
        const marker = words[heredocAt] === '<<' || words[heredocAt] === '<<-' ? words[heredocAt + 1] : words[heredocAt].replace(/^<<-?/, '')
        if (!marker) throw new ScriptError(lineNo, 'heredoc without a delimiter word')
        const delimiter = marker.replace(/^['"]|['"]$/g, '')
        const body: string[] = []
        let j = i + 1
        while (j < lines.length && lines[j].trim() !== delimiter) body.push(lines[j++])
        if (j >= lines.length) throw new ScriptError(lineNo, `unterminated heredoc: no line "${delimiter}" after it`)
        stdin = body.join('\n') + '\n'
        argv = words.slice(1, heredocAt)
        i = j
      }
      steps.push({ kind: 'kubectl', line: lineNo, text, argv, stdin })
    } else if (verb === 'advance') {
      const ms = words.length === 2 ? parseDuration(words[1]) : undefined
      if (ms === undefined) throw new ScriptError(lineNo, `advance needs one duration like 30s, 5m or 1m30s, got "${words.slice(1).join(' ')}"`)
      steps.push({ kind: 'advance', line: lineNo, text, ms })
    } else if (verb === 'fault') {
      const action = words[1]
      if ((action !== 'node-down' && action !== 'node-up') || words.length !== 3) {
        throw new ScriptError(lineNo, 'fault must be `fault node-down NAME` or `fault node-up NAME`')
      }
      steps.push({ kind: 'fault', line: lineNo, text, action, node: words[2] })
    } else if (verb === 'node') {
      const fail = (reason: string): never => {
        throw new ScriptError(lineNo, reason)
      }
      const parsed = parseNodeLine(words.slice(1), machineNames(), fail)
      if (parsed.action === 'add') steps.push({ kind: 'node-add', line: lineNo, text, machine: parsed.machine })
      else steps.push({ kind: 'node-remove', line: lineNo, text, node: parsed.node })
    } else {
      throw new ScriptError(lineNo, `unknown command "${verb}"`)
    }
  }
  return steps
}

/** The machines a `cluster` line (or its absence) builds. */
function initialMachines(spec: Partial<ClusterSpec>): Set<string> {
  const { workers, controlPlane } = { ...DEFAULT_CLUSTER, ...spec }
  return new Set([...(controlPlane ? ['control-plane'] : []), ...Array.from({ length: workers }, (_, i) => `worker-${i + 1}`)])
}

const CNI_PLUGINS = ['calico', 'cilium', 'flannel']

function parseClusterFlags(words: string[], lineNo: number): Partial<ClusterSpec> {
  const spec: Partial<ClusterSpec> = {}
  for (let i = 0; i < words.length; i++) {
    const [name, inline] = words[i].split('=', 2)
    const value = () => {
      const v = inline ?? words[++i]
      if (v === undefined) throw new ScriptError(lineNo, `${name} needs a value`)
      return v
    }
    switch (name) {
      case '--workers': {
        const n = Number(value())
        if (!Number.isInteger(n) || n < 0) throw new ScriptError(lineNo, '--workers must be a whole number')
        spec.workers = n
        break
      }
      case '--cpu':
        spec.cpu = value()
        break
      case '--memory':
        spec.memory = value()
        break
      case '--max-pods':
        spec.maxPods = Number(value())
        break
      case '--no-control-plane':
        spec.controlPlane = false
        break
      case '--no-load-balancer':
        spec.loadBalancers = false
        break
      case '--cni': {
        // The network plugin: Calico and Cilium enforce NetworkPolicies, Flannel does not.
        const cni = value()
        if (!CNI_PLUGINS.includes(cni)) throw new ScriptError(lineNo, `--cni must be one of ${CNI_PLUGINS.join(', ')}`)
        spec.networkPolicies = cni !== 'flannel'
        break
      }
      case '--no-cni':
        spec.cniInstalled = false
        break
      case '--no-metrics-server':
        spec.metricsServer = false
        break
      case '--no-coredns':
        // No cluster DNS add-on: names do not resolve in pods, addresses still work.
        spec.coreDns = false
        break
      case '--zones': {
        const n = Number(value())
        if (!Number.isInteger(n) || n < 1 || n > 26) throw new ScriptError(lineNo, '--zones must be a whole number from 1 to 26')
        spec.zones = n
        break
      }
      default:
        throw new ScriptError(lineNo, `unknown cluster flag "${name}"`)
    }
  }
  return spec
}
