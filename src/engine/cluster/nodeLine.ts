import { dns1123SubdomainErrors } from '../admission/names.ts'
import type { Taint } from '../api/types.ts'
import { isValidQuantity } from '../util/quantity.ts'

/** `node add NAME [--cpu C] [--memory M] [--max-pods P] [--labels k=v,…] [--taints k=v:Effect,…]`. */
export interface NodeAdd {
  name: string
  cpu?: string
  memory?: string
  maxPods?: number
  labels?: Record<string, string>
  taints?: Taint[]
}

// Label keys and values as k8s.io/apimachinery validates them (qualified names).
const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const

/** Parses the words after `node add`; throws the one-line reason when malformed. */
export function parseNodeAdd(words: string[], fail: (reason: string) => never): NodeAdd {
  const [name, ...flags] = words
  if (!name || name.startsWith('--')) fail('node add needs a machine name: `node add NAME [--cpu C] [--memory M] [--max-pods P] [--labels k=v,…] [--taints k=v:Effect,…]`')
  checkNodeName(name, fail)
  const out: NodeAdd = { name }
  for (let i = 0; i < flags.length; i++) {
    const [flag, inline] = splitOnce(flags[i], '=')
    const value = () => {
      const v = inline ?? flags[++i]
      if (v === undefined) fail(`${flag} needs a value`)
      return v
    }
    switch (flag) {
      case '--cpu':
      case '--memory': {
        const v = value()
        if (!isValidQuantity(v)) fail(`${flag} must be a quantity like ${flag === '--cpu' ? '2 or 500m' : '4Gi'}, got "${v}"`)
        out[flag === '--cpu' ? 'cpu' : 'memory'] = v
        break
      }
      case '--max-pods': {
        const v = value()
        const n = Number(v)
        if (!/^\d+$/.test(v) || n < 1) fail(`--max-pods must be a whole number of at least 1, got "${v}"`)
        out.maxPods = n
        break
      }
      case '--labels':
        out.labels = { ...out.labels, ...parseLabels(value(), fail) }
        break
      case '--taints':
        out.taints = [...(out.taints ?? []), ...parseTaints(value(), fail)]
        break
      default:
        fail(`unknown node add flag "${flag}"`)
    }
  }
  return out
}

/** A `node …` line: a machine joins or leaves the cluster. */
export type NodeLine = { action: 'add'; machine: NodeAdd } | { action: 'remove'; node: string }

export const NODE_USAGE = 'node must be `node add NAME [--cpu C] [--memory M] [--max-pods P] [--labels k=v,…] [--taints k=v:Effect,…]` or `node remove NAME`'

/**
 * Parses the words after `node`, against the machines the cluster has (`machines`, which a
 * valid line updates); throws the one-line reason when malformed.
 */
export function parseNodeLine(words: string[], machines: Set<string>, fail: (reason: string) => never): NodeLine {
  if (words[0] === 'add') {
    const machine = parseNodeAdd(words.slice(1), fail)
    if (machines.has(machine.name)) fail(`node add: there is already a machine named "${machine.name}"`)
    machines.add(machine.name)
    return { action: 'add', machine }
  }
  if (words[0] === 'remove' && words.length === 2) {
    checkNodeName(words[1], fail)
    if (!machines.delete(words[1])) fail(`node remove: there is no machine named "${words[1]}"`)
    return { action: 'remove', node: words[1] }
  }
  return fail(NODE_USAGE)
}

export function checkNodeName(name: string, fail: (reason: string) => never): void {
  if (dns1123SubdomainErrors(name).length > 0) fail(`node name "${name}" must be a lowercase RFC 1123 subdomain (e.g. worker-4)`)
}

function parseLabels(text: string, fail: (reason: string) => never): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const item of text.split(',')) {
    const [key, value] = splitOnce(item, '=')
    if (value === undefined || !isQualifiedName(key) || (value !== '' && !isLabelValue(value))) {
      fail(`--labels wants key=value pairs separated by commas, with valid label keys and values; "${item}" is not one`)
    }
    labels[key] = value
  }
  return labels
}

function parseTaints(text: string, fail: (reason: string) => never): Taint[] {
  return text.split(',').map((item) => {
    const colon = item.lastIndexOf(':')
    const effect = item.slice(colon + 1) as Taint['effect']
    const [key, value] = splitOnce(item.slice(0, colon), '=')
    if (colon < 0 || !EFFECTS.includes(effect) || !isQualifiedName(key) || (value !== undefined && value !== '' && !isLabelValue(value))) {
      fail(`--taints wants key[=value]:Effect items separated by commas, Effect one of ${EFFECTS.join(', ')}; "${item}" is not one`)
    }
    return value === undefined ? { key, effect } : { key, value, effect }
  })
}

function isQualifiedName(key: string): boolean {
  const slash = key.lastIndexOf('/')
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined
  const name = key.slice(slash + 1)
  if (prefix !== undefined && dns1123SubdomainErrors(prefix).length > 0) return false
  return name.length <= 63 && NAME_PART.test(name)
}

function isLabelValue(value: string): boolean {
  return value.length <= 63 && NAME_PART.test(value)
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator)
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)]
}
