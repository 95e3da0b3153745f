import type { KubeObject } from '../api/types.ts'
import { INGRESS_CLASS_ANNOTATION, type Ingress, type IngressBackend, type IngressSpec } from '../network/ingressTypes.ts'
import { invalid, required, unsupported, type FieldError } from './fieldErrors.ts'
import { dns1123SubdomainErrors } from './names.ts'
import { portNameErrors, validPortNumber } from './serviceValidation.ts'

/** Ingress and IngressClass validation (pkg/apis/networking/validation), with the API server's paths and wording. */

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix']
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F']
const INVALID_PATH_SUFFIXES = ['/..', '/.']
const PORT_RANGE = 'must be between 1 and 65535, inclusive'

const WILDCARD_SUBDOMAIN = /^\*\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/

function wildcardSubdomainErrors(value: string): string[] {
  const errs: string[] = []
  if (value.length > 253) errs.push('must be no more than 253 characters')
  if (!WILDCARD_SUBDOMAIN.test(value)) {
    errs.push(
      "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    )
  }
  return errs
}

/** ValidateServiceName: a DNS-1035 label. */
function serviceNameErrors(value: string): string[] {
  const errs: string[] = []
  if (value.length > 63) errs.push('must be no more than 63 characters')
  if (!DNS1035_LABEL.test(value)) {
    errs.push(
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    )
  }
  return errs
}

const isIPv4 = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && s.split('.').every((p) => Number(p) <= 255)

function validateBackend(backend: IngressBackend, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (backend.resource && backend.service) return [invalid(path, '', 'cannot set both resource and service backends')]
  if (backend.resource) {
    if (!backend.resource.kind) errs.push(required(`${path}.resource.kind`, 'kind is required'))
    if (!backend.resource.name) errs.push(required(`${path}.resource.name`, 'name is required'))
    return errs
  }
  const svc = backend.service
  if (!svc) return [invalid(path, '', 'resource or service backend is required')]
  if (!svc.name) errs.push(required(`${path}.service.name`))
  else errs.push(...serviceNameErrors(svc.name).map((d) => invalid(`${path}.service.name`, svc.name, d)))
  const name = svc.port?.name ?? ''
  const number = svc.port?.number ?? 0
  if (name && number) errs.push(invalid(path, '', 'cannot set both port name & port number'))
  else if (name) errs.push(...portNameErrors(name).map((d) => invalid(`${path}.service.port.name`, name, d)))
  else if (number) {
    if (!validPortNumber(number)) errs.push(invalid(`${path}.service.port.number`, number, PORT_RANGE))
  } else errs.push(required(path, 'port name or number is required'))
  return errs
}

function validateRules(spec: IngressSpec): FieldError[] {
  const errs: FieldError[] = []
  ;(spec.rules ?? []).forEach((rule, i) => {
    const base = `spec.rules[${i}]`
    const host = rule.host ?? ''
    if (host) {
      if (isIPv4(host)) errs.push(invalid(`${base}.host`, host, 'must be a DNS name, not an IP address'))
      const messages = host.includes('*') ? wildcardSubdomainErrors(host) : dns1123SubdomainErrors(host)
      errs.push(...messages.map((d) => invalid(`${base}.host`, host, d)))
    }
    if (!rule.http) return
    const paths = rule.http.paths ?? []
    if (paths.length === 0) errs.push(required(`${base}.http.paths`))
    paths.forEach((p, j) => {
      const at = `${base}.http.paths[${j}]`
      if (!p.pathType) return errs.push(required(`${at}.pathType`, 'pathType must be specified'))
      const value = p.path ?? ''
      if (p.pathType === 'Exact' || p.pathType === 'Prefix') {
        if (!value.startsWith('/')) errs.push(invalid(`${at}.path`, value, 'must be an absolute path'))
        if (value) {
          for (const seq of INVALID_PATH_SEQUENCES) if (value.includes(seq)) errs.push(invalid(`${at}.path`, value, `must not contain '${seq}'`))
          for (const suffix of INVALID_PATH_SUFFIXES) if (value.endsWith(suffix)) errs.push(invalid(`${at}.path`, value, `cannot end with '${suffix}'`))
        }
      } else if (p.pathType === 'ImplementationSpecific') {
        if (value && !value.startsWith('/')) errs.push(invalid(`${at}.path`, value, 'must be an absolute path'))
      } else errs.push(unsupported(`${at}.pathType`, p.pathType, PATH_TYPES))
      errs.push(...validateBackend(p.backend ?? {}, `${at}.backend`))
    })
  })
  return errs
}

function validateTLS(spec: IngressSpec): FieldError[] {
  const errs: FieldError[] = []
  ;(spec.tls ?? []).forEach((tls, i) => {
    ;(tls.hosts ?? []).forEach((host, j) => {
      const messages = host.includes('*') ? wildcardSubdomainErrors(host) : dns1123SubdomainErrors(host)
      errs.push(...messages.map((d) => invalid(`spec.tls[${i}].hosts[${j}]`, host, d)))
    })
    if (tls.secretName) errs.push(...dns1123SubdomainErrors(tls.secretName).map((d) => invalid(`spec.tls[${i}].secretName`, tls.secretName, d)))
  })
  return errs
}

/** ValidateIngressCreate (and, minus the annotation check, ValidateIngressUpdate). */
export function validateIngress(ing: Ingress, creating = true): FieldError[] {
  const spec = ing.spec ?? {}
  const errs: FieldError[] = []
  if (!spec.rules?.length && !spec.defaultBackend) errs.push(invalid('spec', spec.rules ?? null, 'either `defaultBackend` or `rules` must be specified'))
  if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'))
  errs.push(...validateRules(spec), ...validateTLS(spec))
  if (spec.ingressClassName !== undefined) {
    errs.push(...dns1123SubdomainErrors(spec.ingressClassName).map((d) => invalid('spec.ingressClassName', spec.ingressClassName, d)))
  }
  const annotation = ing.metadata.annotations?.[INGRESS_CLASS_ANNOTATION]
  if (creating && annotation !== undefined && spec.ingressClassName !== undefined && annotation !== spec.ingressClassName) {
    errs.push(invalid(`annotations.${INGRESS_CLASS_ANNOTATION}`, annotation, 'must match `ingressClassName` when both are specified'))
  }
  return errs
}

/** ValidateIngressClass: a domain-prefixed controller name, at most 250 characters, that never changes. */
export function validateIngressClass(obj: KubeObject): FieldError[] {
  const controller = ((obj.spec ?? {}) as { controller?: string }).controller ?? ''
  if (controller.length > 250) return [{ path: 'spec.controller', type: 'Too long', detail: 'may not be more than 250 bytes' }]
  if (!controller) return [required('spec.controller')]
  const [host, path] = controller.split(/\/(.*)/s, 2)
  if (!host || !path) return [invalid('spec.controller', controller, 'must be a domain-prefixed path (such as "acme.io/foo")')]
  return dns1123SubdomainErrors(host).map((d) => invalid('spec.controller', host, d))
}

export function validateIngressClassUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const controller = (o: KubeObject) => ((o.spec ?? {}) as { controller?: string }).controller
  if (controller(obj) !== controller(old)) return [invalid('spec.controller', controller(obj) ?? '', 'field is immutable')]
  return []
}
