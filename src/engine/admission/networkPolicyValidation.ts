import { cidrContains, type NetworkPolicy, type NetworkPolicyPeer, type NetworkPolicyPort } from '../network/networkPolicy.ts'
import { ipToNumber } from '../network/serviceAllocations.ts'
import { forbiddenField, invalid, required, unsupported, type FieldError } from './fieldErrors.ts'
import { portNameErrors, validPortNumber } from './serviceValidation.ts'

/** NetworkPolicy defaulting and validation (pkg/apis/networking), with the API server's paths and wording. */

const PROTOCOLS = ['TCP', 'UDP', 'SCTP']
const PORT_RANGE = 'must be between 1 and 65535, inclusive'

/** SetDefaults_NetworkPolicy: policyTypes Ingress, plus Egress when there are egress rules; port protocols TCP. */
export function defaultNetworkPolicy(np: NetworkPolicy): void {
  const spec = (np.spec ??= {})
  spec.podSelector ??= {}
  if (!spec.policyTypes?.length) spec.policyTypes = spec.egress?.length ? ['Ingress', 'Egress'] : ['Ingress']
  for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) for (const p of rule?.ports ?? []) p.protocol ??= 'TCP'
}

function validatePort(p: NetworkPolicyPort, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (p.protocol !== undefined && !PROTOCOLS.includes(p.protocol)) errs.push(unsupported(`${path}.protocol`, p.protocol, PROTOCOLS))
  if (p.port === undefined) {
    if (p.endPort !== undefined) errs.push(invalid(`${path}.endPort`, p.endPort, 'may not be specified when `port` is not specified'))
  } else if (typeof p.port === 'number') {
    if (!validPortNumber(p.port)) errs.push(invalid(`${path}.port`, p.port, PORT_RANGE))
    if (p.endPort !== undefined) {
      if (p.endPort < p.port) errs.push(invalid(`${path}.endPort`, p.port, 'must be greater than or equal to `port`'))
      if (!validPortNumber(p.endPort)) errs.push(invalid(`${path}.endPort`, p.endPort, PORT_RANGE))
    }
  } else {
    if (p.endPort !== undefined) errs.push(invalid(`${path}.endPort`, p.endPort, 'may not be specified when `port` is non-numeric'))
    errs.push(...portNameErrors(p.port).map((d) => invalid(`${path}.port`, p.port, d)))
  }
  return errs
}

function cidrErrors(value: string, path: string): FieldError[] {
  const [ip, bits, extra] = value.split('/')
  const n = Number(bits)
  if (extra !== undefined || ipToNumber(ip ?? '') === undefined || !/^\d+$/.test(bits ?? '') || n > 32) {
    return [invalid(path, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')]
  }
  return []
}

function validatePeer(peer: NetworkPolicyPeer, path: string): FieldError[] {
  const errs: FieldError[] = []
  const count = [peer.podSelector, peer.namespaceSelector, peer.ipBlock].filter((x) => x !== undefined).length
  if (peer.ipBlock) {
    const block = peer.ipBlock
    if (!block.cidr) errs.push(required(`${path}.ipBlock.cidr`))
    else {
      const cidrErrs = cidrErrors(block.cidr, `${path}.ipBlock.cidr`)
      errs.push(...cidrErrs)
      if (cidrErrs.length === 0) {
        const bits = Number(block.cidr.split('/')[1])
        ;(block.except ?? []).forEach((ex, i) => {
          const at = `${path}.ipBlock.except[${i}]`
          const exErrs = cidrErrors(ex, at)
          if (exErrs.length) return errs.push(...exErrs)
          if (!cidrContains(block.cidr, ex.split('/')[0]) || bits >= Number(ex.split('/')[1])) errs.push(invalid(at, ex, 'must be a strict subset of `cidr`'))
        })
      }
    }
  }
  if (count === 0) errs.push(required(path, 'must specify a peer'))
  else if (count > 1 && peer.ipBlock) errs.push(forbiddenField(path, 'may not specify both ipBlock and another peer'))
  return errs
}

/** ValidateNetworkPolicySpec: ports, peers and policyTypes. */
export function validateNetworkPolicy(np: NetworkPolicy): FieldError[] {
  const spec = np.spec ?? {}
  const errs: FieldError[] = []
  ;(spec.ingress ?? []).forEach((rule, i) => {
    ;(rule?.ports ?? []).forEach((p, j) => errs.push(...validatePort(p, `spec.ingress[${i}].ports[${j}]`)))
    ;(rule?.from ?? []).forEach((peer, j) => errs.push(...validatePeer(peer, `spec.ingress[${i}].from[${j}]`)))
  })
  ;(spec.egress ?? []).forEach((rule, i) => {
    ;(rule?.ports ?? []).forEach((p, j) => errs.push(...validatePort(p, `spec.egress[${i}].ports[${j}]`)))
    ;(rule?.to ?? []).forEach((peer, j) => errs.push(...validatePeer(peer, `spec.egress[${i}].to[${j}]`)))
  })
  const types = spec.policyTypes ?? []
  if (types.length > 2) return [...errs, invalid('spec.policyTypes', types, 'may not specify more than two policyTypes')]
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(unsupported(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress']))
  })
  return errs
}
