import type { KubeObject } from '../api/types.ts'
import type { AdmissionContext } from '../kinds/kindModule.ts'
import { inServiceCidr, ipToNumber, NODE_PORT_MAX, NODE_PORT_MIN, ServiceAllocations } from '../network/serviceAllocations.ts'
import { forbiddenField, invalid, required, unsupported, type FieldError } from './fieldErrors.ts'
import { dns1123LabelErrors, dns1123SubdomainErrors } from './names.ts'
import type { ServicePort, ServiceSpec } from './serviceDefaults.ts'

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']
const PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const AFFINITIES = ['ClientIP', 'None']
const TRAFFIC_POLICIES = ['Cluster', 'Local']
const PORT_RANGE = 'must be between 1 and 65535, inclusive'

/** validation.IsValidPortName, with its messages. */
export function portNameErrors(name: string): string[] {
  const errs: string[] = []
  if (name.length > 15) errs.push('must be no more than 15 characters')
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)')
  if (name.includes('--')) errs.push('must not contain consecutive hyphens')
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen')
  return errs
}

export function validPortNumber(port: unknown): boolean {
  return typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535
}

function validatePort(p: ServicePort, i: number, requireName: boolean, names: Set<string>, errs: FieldError[]): void {
  const path = `spec.ports[${i}]`
  if (requireName && !p.name) errs.push(required(`${path}.name`))
  else if (p.name) {
    errs.push(...dns1123LabelErrors(p.name).map((d) => invalid(`${path}.name`, p.name, d)))
    if (names.has(p.name)) errs.push({ path: `${path}.name`, type: 'Duplicate value', value: p.name })
    names.add(p.name)
  }
  if (!validPortNumber(p.port)) errs.push(invalid(`${path}.port`, p.port ?? 0, PORT_RANGE))
  if (!p.protocol) errs.push(required(`${path}.protocol`))
  else if (!PROTOCOLS.includes(p.protocol)) errs.push(unsupported(`${path}.protocol`, p.protocol, PROTOCOLS))
  if (typeof p.targetPort === 'string') errs.push(...portNameErrors(p.targetPort).map((d) => invalid(`${path}.targetPort`, p.targetPort, d)))
  else if (p.targetPort !== undefined && !validPortNumber(p.targetPort)) errs.push(invalid(`${path}.targetPort`, p.targetPort, PORT_RANGE))
}

/** ValidateService (pkg/apis/core/validation), the parts a student's manifest can trip. */
export function validateService(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as ServiceSpec
  const errs: FieldError[] = []
  const headless = spec.clusterIP === 'None'
  const ports = spec.ports ?? []
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') errs.push(required('spec.ports'))
  if (spec.type === 'LoadBalancer' || spec.type === 'NodePort') {
    if (headless) errs.push(invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${spec.type} services`))
  }
  if (spec.type === 'ExternalName') {
    if (spec.clusterIP) errs.push(forbiddenField('spec.clusterIP', 'may not be set for ExternalName services'))
    if (spec.externalName) errs.push(...dns1123SubdomainErrors(spec.externalName.replace(/\.$/, '')).map((d) => invalid('spec.externalName', spec.externalName, d)))
    else errs.push(required('spec.externalName'))
  }
  const names = new Set<string>()
  ports.forEach((p, i) => validatePort(p, i, ports.length > 1, names, errs))
  if (!AFFINITIES.includes(spec.sessionAffinity ?? '')) errs.push(unsupported('spec.sessionAffinity', spec.sessionAffinity ?? '', AFFINITIES))
  if (spec.clusterIP && !headless && ipToNumber(spec.clusterIP) === undefined) {
    errs.push(invalid('spec.clusterIPs[0]', spec.clusterIP, 'must be a valid IP address (e.g. 10.9.8.7 or 2001:db8::ffff)'))
  }
  if (!TYPES.includes(spec.type ?? '')) errs.push(unsupported('spec.type', spec.type ?? '', TYPES))
  if (spec.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(forbiddenField(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"))
    })
  }
  const nodePorts = new Set<string>()
  ports.forEach((p, i) => {
    if (!p.nodePort) return
    const key = `${p.protocol}/${p.nodePort}`
    if (nodePorts.has(key)) errs.push({ path: `spec.ports[${i}].nodePort`, type: 'Duplicate value', value: p.nodePort })
    nodePorts.add(key)
  })
  for (const [field, value] of [['externalTrafficPolicy', spec.externalTrafficPolicy], ['internalTrafficPolicy', spec.internalTrafficPolicy]] as const) {
    if (value !== undefined && !TRAFFIC_POLICIES.includes(value)) errs.push(unsupported(`spec.${field}`, value, TRAFFIC_POLICIES))
  }
  return errs
}

/**
 * The allocators' refusals (the REST storage's BeginCreate/BeginUpdate, before validation):
 * a requested cluster IP or node port that another Service holds or that is out of range.
 */
export function serviceAllocationErrors(obj: KubeObject, ctx: AdmissionContext): FieldError[] {
  const spec = (obj.spec ?? {}) as ServiceSpec
  const self = `${obj.metadata.namespace}/${obj.metadata.name}`
  const allocations = ServiceAllocations.of(ctx.store)
  const ip = spec.clusterIP
  if (ip && ip !== 'None' && ipToNumber(ip) !== undefined) {
    const holder = allocations.ipHolder(ip)
    const reason = !inServiceCidr(ip) ? 'the provided network does not match the current range' : holder && holder !== self ? 'provided IP is already allocated' : undefined
    if (reason) return [invalid('spec.clusterIPs', spec.clusterIPs ?? [ip], `failed to allocate IP ${ip}: ${reason}`)]
  }
  const errs: FieldError[] = []
  ;(spec.ports ?? []).forEach((p, i) => {
    if (!p.nodePort) return
    const path = `spec.ports[${i}].nodePort`
    if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
      errs.push(invalid(path, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`))
    } else {
      const holder = allocations.nodePortHolder(p.nodePort, p.protocol)
      if (holder && holder !== self) errs.push(invalid(path, p.nodePort, 'provided port is already allocated'))
    }
  })
  return errs
}

/** ValidateServiceUpdate: a cluster IP, once set, stays. */
export function validateServiceUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as ServiceSpec
  const oldSpec = (old.spec ?? {}) as ServiceSpec
  if (spec.type === 'ExternalName' || oldSpec.type === 'ExternalName' || !oldSpec.clusterIP) return []
  if (spec.clusterIP === oldSpec.clusterIP) return []
  return [invalid('spec.clusterIPs[0]', spec.clusterIPs ?? [], 'may not change once set')]
}
