import { flag } from '../../args.ts'
import { KubectlError } from '../../resolve.ts'
import { objectMeta } from '../objectOutput.ts'
import { intFlag, sliceFlag } from './flags.ts'
import type { CreateGenerator, GeneratorInput } from './generator.ts'

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

/** validation.IsValidPortName's messages. */
function portNameErrors(name: string): string[] {
  const errs: string[] = []
  if (name.length > 15) errs.push('must be no more than 15 characters')
  if (!/^[-a-z0-9]+$/.test(name)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
  if (name.includes('--')) errs.push('must not contain consecutive hyphens')
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)')
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen')
  return errs
}

/** `port[:targetPort]` as create_service.go's parsePorts reads it. */
function parsePorts(spec: string): { port: number; targetPort: number | string } {
  const [portText, target] = spec.split(':')
  if (!/^\d+$/.test(portText)) throw new KubectlError(`error: strconv.ParseUint: parsing "${portText}": invalid syntax`)
  const port = Number(portText)
  if (port > 65535) throw new KubectlError(`error: strconv.ParseUint: parsing "${portText}": value out of range`)
  if (target === undefined) return { port, targetPort: port }
  if (/^[+-]?\d+$/.test(target)) {
    const n = Number(target)
    if (n < 1 || n > 65535) throw new KubectlError('error: must be between 1 and 65535, inclusive')
    return { port, targetPort: n }
  }
  const errs = portNameErrors(target)
  if (errs.length) throw new KubectlError(`error: ${errs.join(',')}`)
  return { port, targetPort: target }
}

function serviceGenerator(word: string, type: string, extraFlags: CreateGenerator['flags']): CreateGenerator {
  return {
    path: ['service', word],
    aliases: ['svc'],
    flags: [{ name: 'tcp', takesValue: true, repeatable: true }, ...extraFlags],
    required: type === 'ExternalName' ? ['external-name'] : [],
    failurePrefix: `failed to create ${type} service`,
    build: (input) => buildService(input, type),
  }
}

function buildService({ args, name, namespace }: GeneratorInput, type: string): Record<string, unknown> {
  const tcp = sliceFlag(args, 'tcp')
  const clusterIP = flag(args, 'clusterip') ?? ''
  const externalName = flag(args, 'external-name') ?? ''
  const nodePort = intFlag(args, 'node-port', 0, 'kubectl create service nodeport')
  if (clusterIP === 'None' && type !== 'ClusterIP') throw new KubectlError('error: ClusterIP=None can only be used with ClusterIP service type')
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw new KubectlError('error: at least one tcp port specifier must be provided')
  if (type === 'ExternalName' && !(externalName.length <= 253 && DNS1123_SUBDOMAIN.test(externalName))) throw new KubectlError(`error: invalid service external name ${externalName}`)
  const ports = tcp.map((spec) => {
    const { port, targetPort } = parsePorts(spec)
    return { name: spec.replaceAll(':', '-'), protocol: 'TCP', port, targetPort, ...(nodePort ? { nodePort } : {}) }
  })
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: objectMeta({ name, namespace, labels: { app: name } }),
    spec: {
      ...(ports.length ? { ports } : {}),
      selector: { app: name },
      ...(clusterIP ? { clusterIP } : {}),
      type,
      ...(externalName ? { externalName } : {}),
    },
    status: { loadBalancer: {} },
  }
}

/** `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME …` (create_service.go). */
export const createServiceClusterIP = serviceGenerator('clusterip', 'ClusterIP', [{ name: 'clusterip', takesValue: true }])
export const createServiceNodePort = serviceGenerator('nodeport', 'NodePort', [{ name: 'node-port', takesValue: true }])
export const createServiceLoadBalancer = serviceGenerator('loadbalancer', 'LoadBalancer', [])
export const createServiceExternalName = serviceGenerator('externalname', 'ExternalName', [{ name: 'external-name', takesValue: true }])
