import type { Container, KubeObject, LabelSelector, PodSpec, PodTemplateSpec } from '../api/types.ts'
import type { NameRule } from '../kinds/kindModule.ts'
import { isValidQuantity, parseQuantity } from '../util/quantity.ts'
import { selectorMatches } from '../util/labels.ts'
import { type FieldError, invalid, required, unsupported } from './fieldErrors.ts'
import { validateInitContainer } from './initContainerValidation.ts'
import { dns1123LabelErrors, dns1123SubdomainErrors } from './names.ts'
import { validateAnnotations, validateLabels } from './labelValidation.ts'

/** Shared validators, with the API server's paths and wording; kind modules compose them. */

/** metadata.name by the kind's rule (ValidateObjectMeta with its name function). */
export function validateObjectMeta(obj: KubeObject, rule: NameRule = 'path-segment'): FieldError[] {
  return [...validateName(obj.metadata?.name, rule), ...validateLabels(obj.metadata?.labels, 'metadata.labels'), ...validateAnnotations(obj.metadata?.annotations, 'metadata.annotations')]
}

function validateName(name: string | undefined, rule: NameRule): FieldError[] {
  if (!name) return [required('metadata.name', 'name or generateName is required')]
  if (rule === 'subdomain') return dns1123SubdomainErrors(name).map((d) => invalid('metadata.name', name, d))
  if (rule === 'label') return dns1123LabelErrors(name).map((d) => invalid('metadata.name', name, d))
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
  ;(spec.initContainers ?? []).forEach((c, i) => errs.push(...validateContainer(c, `${path}.initContainers[${i}]`), ...validateInitContainer(c, `${path}.initContainers[${i}]`)))
  ;(spec.volumes ?? []).forEach((v, i) => {
    if (!v.name) errs.push(required(`${path}.volumes[${i}].name`))
  })
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
  // A request may not exceed its limit (ValidateContainerResourceRequirements names the whole requests map).
  const limits = c.resources?.limits ?? {}
  for (const [resource, request] of Object.entries(c.resources?.requests ?? {})) {
    const limit = limits[resource]
    if (limit === undefined || !isValidQuantity(request) || !isValidQuantity(limit)) continue
    if ((parseQuantity(request) ?? 0) > (parseQuantity(limit) ?? 0)) {
      errs.push(invalid(`${path}.resources.requests`, String(request), `must be less than or equal to ${resource} limit of ${String(limit)}`))
    }
  }
  return errs
}

/** Whether a selector selects nothing in particular: no labels and no expressions. */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && !selector.matchExpressions?.length)
}

/** replicas, selector, and a template whose labels the selector matches: Deployments, ReplicaSets, StatefulSets, DaemonSets. */
export function validateTemplatedWorkload(
  spec: { replicas?: number; selector?: LabelSelector; template?: PodTemplateSpec },
  restartPolicies: string[],
  opts: { selectorRequired?: boolean } = {},
): FieldError[] {
  const errs: FieldError[] = []
  if (typeof spec.replicas === 'number' && spec.replicas < 0) {
    errs.push(invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'))
  }
  if ((opts.selectorRequired ?? true) && isEmptySelector(spec.selector)) errs.push(required('spec.selector'))
  const labels = spec.template?.metadata?.labels ?? {}
  if (spec.selector && !selectorMatches(spec.selector, labels)) {
    errs.push(invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'))
  }
  if (!spec.template?.spec) errs.push(required('spec.template.spec.containers'))
  else errs.push(...validatePodSpec(spec.template.spec, 'spec.template.spec', restartPolicies))
  return errs
}

/** A selector may not change once set (apps/v1). */
export function immutableSelector(next: LabelSelector | undefined, old: LabelSelector | undefined, path = 'spec.selector'): FieldError[] {
  return JSON.stringify(next) === JSON.stringify(old) ? [] : [invalid(path, next, 'field is immutable')]
}
