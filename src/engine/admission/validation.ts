import type { Container, Deployment, KubeObject, PodSpec, PodTemplateSpec, ReplicaSet } from '../api/types.ts'
import { isValidQuantity } from '../util/quantity.ts'
import { selectorMatches } from '../util/labels.ts'
import { type FieldError, invalid, required, unsupported } from './fieldErrors.ts'
import { dns1123LabelErrors, dns1123SubdomainErrors } from './names.ts'

/** Validation of the simulated kinds, with the API server's paths and wording. */
export function validateObject(obj: KubeObject): FieldError[] {
  const errs = validateMetadata(obj)
  switch (obj.kind) {
    case 'Pod':
      errs.push(...validatePodSpec((obj.spec ?? {}) as PodSpec, 'spec'))
      break
    case 'Deployment':
      errs.push(...validateDeployment(obj as Deployment))
      break
    case 'ReplicaSet':
      errs.push(...validateReplicaSet(obj as ReplicaSet))
      break
  }
  return errs
}

/** Kinds whose names must be DNS subdomains; RBAC and others only forbid path characters. */
const SUBDOMAIN_NAMED = new Set(['Pod', 'Deployment', 'ReplicaSet', 'ConfigMap', 'Secret', 'Job', 'CronJob', 'DaemonSet', 'StatefulSet', 'PersistentVolumeClaim', 'PersistentVolume', 'Node', 'Ingress'])
const LABEL_NAMED = new Set(['Namespace', 'Service'])

function validateMetadata(obj: KubeObject): FieldError[] {
  const name = obj.metadata?.name
  if (!name) return [required('metadata.name', 'name or generateName is required')]
  if (SUBDOMAIN_NAMED.has(obj.kind)) return dns1123SubdomainErrors(name).map((d) => invalid('metadata.name', name, d))
  if (LABEL_NAMED.has(obj.kind)) return dns1123LabelErrors(name).map((d) => invalid('metadata.name', name, d))
  if (name === '.' || name === '..') return [invalid('metadata.name', name, `may not be '${name}'`)]
  if (/[/%]/.test(name)) return [invalid('metadata.name', name, `may not contain '${name.includes('/') ? '/' : '%'}'`)]
  return []
}

export function validatePodSpec(spec: PodSpec, path: string, allowedRestartPolicies = ['Always', 'OnFailure', 'Never']): FieldError[] {
  const errs: FieldError[] = []
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) {
    errs.push(required(`${path}.containers`))
  } else {
    const seen = new Set<string>()
    spec.containers.forEach((c, i) => {
      errs.push(...validateContainer(c, `${path}.containers[${i}]`))
      if (c.name && seen.has(c.name)) errs.push({ path: `${path}.containers[${i}].name`, type: 'Duplicate value', value: c.name })
      seen.add(c.name)
    })
  }
  ;(spec.initContainers ?? []).forEach((c, i) => errs.push(...validateContainer(c, `${path}.initContainers[${i}]`)))
  const policy = spec.restartPolicy ?? 'Always'
  if (!allowedRestartPolicies.includes(policy)) errs.push(unsupported(`${path}.restartPolicy`, policy, allowedRestartPolicies))
  return errs
}

function validateContainer(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (!c.name) errs.push(required(`${path}.name`))
  else errs.push(...dns1123LabelErrors(c.name).map((d) => invalid(`${path}.name`, c.name, d)))
  if (!c.image) errs.push(required(`${path}.image`))
  const policy = c.imagePullPolicy
  if (policy && !['Always', 'IfNotPresent', 'Never'].includes(policy)) {
    errs.push(unsupported(`${path}.imagePullPolicy`, policy, ['Always', 'IfNotPresent', 'Never']))
  }
  ;(c.ports ?? []).forEach((p, i) => {
    if (typeof p.containerPort !== 'number' || p.containerPort < 1 || p.containerPort > 65535) {
      errs.push(invalid(`${path}.ports[${i}].containerPort`, p.containerPort ?? 0, 'must be between 1 and 65535, inclusive'))
    }
  })
  for (const section of ['requests', 'limits'] as const) {
    for (const [resource, value] of Object.entries(c.resources?.[section] ?? {})) {
      if (!isValidQuantity(value)) continue // rejected earlier, at decoding
      if (Number(value) < 0 || String(value).startsWith('-')) {
        errs.push(invalid(`${path}.resources.${section}[${resource}]`, String(value), 'must be greater than or equal to 0'))
      }
    }
  }
  return errs
}

function validateTemplatedWorkload(
  spec: { replicas?: number; selector?: { matchLabels?: Record<string, string> }; template?: PodTemplateSpec },
): FieldError[] {
  const errs: FieldError[] = []
  if (typeof spec.replicas === 'number' && spec.replicas < 0) {
    errs.push(invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'))
  }
  if (!spec.selector || (Object.keys(spec.selector.matchLabels ?? {}).length === 0 && !(spec.selector as { matchExpressions?: unknown[] }).matchExpressions?.length)) {
    errs.push(required('spec.selector'))
  }
  const labels = spec.template?.metadata?.labels ?? {}
  if (spec.selector && !selectorMatches(spec.selector, labels)) {
    errs.push(invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'))
  }
  if (!spec.template?.spec) errs.push(required('spec.template.spec.containers'))
  else errs.push(...validatePodSpec(spec.template.spec, 'spec.template.spec', ['Always']))
  return errs
}

function validateDeployment(d: Deployment): FieldError[] {
  const spec = (d.spec ?? {}) as Deployment['spec']
  const errs = validateTemplatedWorkload(spec)
  const type = spec.strategy?.type
  if (type && type !== 'RollingUpdate' && type !== 'Recreate') {
    errs.push(unsupported('spec.strategy.type', type, ['Recreate', 'RollingUpdate']))
  }
  const ru = spec.strategy?.rollingUpdate
  if (type === 'Recreate' && ru) {
    errs.push({ path: 'spec.strategy.rollingUpdate', type: 'Forbidden', detail: 'may not be specified when strategy `type` is \'Recreate\'' })
  }
  if (ru && isZero(ru.maxSurge) && isZero(ru.maxUnavailable)) {
    errs.push(invalid('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'))
  }
  return errs
}

function isZero(v: number | string | undefined): boolean {
  return v === 0 || v === '0' || v === '0%'
}

function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  return validateTemplatedWorkload((rs.spec ?? {}) as ReplicaSet['spec'])
}
