import { qualifiedPlural } from '../../api/resources.ts'
import type { KubeObject } from '../../api/types.ts'
import { flag } from '../args.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import type { KubectlCommand } from './context.ts'
import { dryRunStrategy, objectMeta, OBJECT_OUTPUT_FLAGS, outputFormat, printObject, submitObject } from './objectOutput.ts'

interface PortSpec {
  containerPort?: number
  port?: number
  protocol?: string
}
interface Exposable {
  metadata: KubeObject['metadata']
  spec?: {
    selector?: Record<string, string> | { matchLabels?: Record<string, string>; matchExpressions?: unknown[] }
    ports?: PortSpec[]
    containers?: { ports?: PortSpec[] }[]
    template?: { spec?: { containers?: { ports?: PortSpec[] }[] } }
  }
}

const EXPOSABLE = ['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet']

/** polymorphichelpers.MapBasedSelectorForObject: the selector a Service for this object needs. */
function selectorFor(kind: string, obj: Exposable): Record<string, string> {
  const spec = obj.spec ?? {}
  if (kind === 'Pod') {
    if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) throw new Error('the pod has no labels and cannot be exposed')
    return obj.metadata.labels
  }
  if (kind === 'Service') {
    const s = spec.selector as Record<string, string> | undefined
    if (!s || Object.keys(s).length === 0) throw new Error('the service has no pod selector set')
    return s
  }
  if (kind === 'ReplicationController') return (spec.selector as Record<string, string>) ?? {}
  const s = spec.selector as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined
  const word = kind === 'Deployment' ? 'deployment' : 'replicaset'
  if (!s?.matchLabels || Object.keys(s.matchLabels).length === 0) throw new Error(`invalid ${word}: no selectors, therefore cannot be exposed`)
  if (s.matchExpressions?.length) throw new Error(`couldn't convert expressions - "${JSON.stringify(s.matchExpressions)}" to map-based selector format`)
  return s.matchLabels
}

/** PortsForObject and ProtocolsForObject together: each port with its protocol, in the object's order. */
function portsFor(kind: string, obj: Exposable): { port: number; protocol: string }[] {
  const spec = obj.spec ?? {}
  if (kind === 'Service') return (spec.ports ?? []).map((p) => ({ port: p.port ?? 0, protocol: p.protocol ?? 'TCP' }))
  const containers = kind === 'Pod' ? (spec.containers ?? []) : (spec.template?.spec?.containers ?? [])
  return containers.flatMap((c) => c.ports ?? []).map((p) => ({ port: p.containerPort ?? 0, protocol: p.protocol ?? 'TCP' }))
}

/** `a=b,c=d` (expose.go parseLabels). */
function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const pair of text.split(',')) {
    const kv = pair.split('=')
    if (kv.length !== 2) throw new KubectlError(`error: invalid label spec: ${pair}`)
    out[kv[0]] = kv[1]
  }
  return out
}

/** `kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=…] [--name=…] [--type=…]` (expose.go, v1.35). */
export const exposeCommand: KubectlCommand = {
  name: 'expose',
  flags: [
    { name: 'port', takesValue: true },
    { name: 'target-port', takesValue: true },
    { name: 'protocol', takesValue: true },
    { name: 'type', takesValue: true },
    { name: 'name', takesValue: true },
    { name: 'selector', short: 'l', takesValue: true },
    { name: 'labels', takesValue: true },
    { name: 'external-ip', takesValue: true },
    { name: 'cluster-ip', takesValue: true },
    { name: 'load-balancer-ip', takesValue: true },
    { name: 'session-affinity', takesValue: true },
    { name: 'override-type', takesValue: true },
    { name: 'overrides', takesValue: true },
    { name: 'filename', short: 'f', takesValue: true, repeatable: true },
    ...OBJECT_OUTPUT_FLAGS,
  ],
  run(ctx) {
    const { args } = ctx
    const dryRun = dryRunStrategy(args)
    const format = outputFormat(args)
    if (args.positional.length === 0) {
      throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'")
    }
    const requests = resolveResourceArgs(args.positional)
    if (requests.some((r) => r.names.length === 0)) throw new KubectlError('error: resource(s) were provided, but no name was specified')
    let out = ''
    for (const req of requests) {
      for (const objectName of req.names) {
        const kind = req.resource.kind
        const obj = ctx.sim.store.get(kind, req.resource.namespaced ? ctx.namespace : undefined, objectName) as (KubeObject & Exposable) | undefined
        if (!obj) throw new KubectlError(`Error from server (NotFound): ${qualifiedPlural(req.resource)} "${objectName}" not found`)
        if (!EXPOSABLE.includes(kind)) throw new KubectlError(`error: cannot expose a ${kind}${req.resource.group ? `.${req.resource.group}` : ''}`)
        let selector: Record<string, string>
        const selectorFlag = flag(args, 'selector')
        try {
          selector = selectorFlag ? parseLabels(selectorFlag) : selectorFor(kind, obj)
        } catch (e) {
          if (e instanceof KubectlError) throw e
          throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`)
        }
        const clusterIP = flag(args, 'cluster-ip') ?? ''
        const portFlag = flag(args, 'port') ?? ''
        const introspected = portsFor(kind, obj)
        const portTexts = portFlag ? portFlag.split(',') : introspected.map((p) => String(p.port))
        if (portTexts.length === 0 && clusterIP !== 'None') throw new KubectlError("error: couldn't find port via --port flag or introspection")
        const protocolFlag = flag(args, 'protocol') ?? ''
        const ports = portTexts.map((text, i) => {
          if (!/^[+-]?\d+$/.test(text)) throw new KubectlError(`error: strconv.Atoi: parsing "${text}": invalid syntax`)
          const protocol = protocolFlag || introspected.find((p) => String(p.port) === text)?.protocol || 'TCP'
          return { ...(portTexts.length > 1 ? { name: `port-${i + 1}` } : {}), protocol, port: Number(text) }
        })
        const targetPortFlag = flag(args, 'target-port') ?? ''
        const targetPort = (port: number) => (targetPortFlag ? (/^-?\d+$/.test(targetPortFlag) ? Number(targetPortFlag) : targetPortFlag) : port)
        const labelsFlag = flag(args, 'labels')
        const labels = labelsFlag ? parseLabels(labelsFlag) : obj.metadata.labels
        const type = flag(args, 'type') ?? ''
        const affinity = flag(args, 'session-affinity') ?? ''
        if (affinity && affinity !== 'None' && affinity !== 'ClientIP') throw new KubectlError(`error: unknown session affinity: ${affinity}`)
        const externalIP = flag(args, 'external-ip') ?? ''
        const loadBalancerIP = flag(args, 'load-balancer-ip') ?? ''
        const service = {
          kind: 'Service',
          apiVersion: 'v1',
          metadata: objectMeta({ name: flag(args, 'name') || objectName.slice(0, 63), namespace: args.flags.has('namespace') ? ctx.namespace : undefined, labels }),
          spec: {
            ...(ports.length ? { ports: ports.map((p) => ({ ...p, targetPort: targetPort(p.port) })) } : {}),
            selector,
            ...(clusterIP ? { clusterIP } : {}),
            ...(type ? { type } : {}),
            ...(externalIP ? { externalIPs: [externalIP] } : {}),
            ...(affinity ? { sessionAffinity: affinity } : {}),
            ...(type === 'LoadBalancer' && loadBalancerIP ? { loadBalancerIP } : {}),
          },
          status: { loadBalancer: {} },
        }
        out += printObject(submitObject(ctx, service, dryRun), format, dryRun, 'exposed')
      }
    }
    return out
  },
}
