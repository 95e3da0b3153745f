import { flag } from '../../args.ts'
import { KubectlError } from '../../resolve.ts'
import { objectMeta } from '../objectOutput.ts'
import { arrayFlag } from './flags.ts'
import type { CreateGenerator } from './generator.ts'

const RULE = /^(?<host>[\w\*\-\.]*)(?<path>\/.*)=(?<svcname>[\w\-]+):(?<svcport>[\w\-]+)(?<tls>,tls=?(?<secret>[\w\-]+)?)?/

function backend(service: string) {
  const [name, port] = service.split(':')
  return { service: { name, port: /^-?\d+$/.test(port) ? { number: Number(port) } : { name: port } } }
}

/** `host/path=svc:port[,tls[=secret]]` → a path (create_ingress.go buildHTTPIngressPath): `path*` is a Prefix, else Exact. */
function httpPath(pathAndService: string) {
  const [p, service] = pathAndService.split('=')
  let path = '/' + p
  let pathType = 'Exact'
  if (path.endsWith('*')) {
    pathType = 'Prefix'
    path = path.slice(0, -1)
  }
  return { path, pathType, backend: backend(service) }
}

/** `kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]] [--class=…] [--default-backend=svc:port] [--annotation=k=v]` (create_ingress.go). */
export const createIngress: CreateGenerator = {
  path: ['ingress'],
  aliases: ['ing'],
  flags: [
    { name: 'rule', takesValue: true, repeatable: true },
    { name: 'class', takesValue: true },
    { name: 'default-backend', takesValue: true },
    { name: 'annotation', takesValue: true, repeatable: true },
  ],
  failurePrefix: 'failed to create ingress',
  build({ args, name, namespace }) {
    const rules = arrayFlag(args, 'rule')
    const annotationList = arrayFlag(args, 'annotation')
    const defaultBackend = flag(args, 'default-backend') ?? ''
    const ingressClass = flag(args, 'class') ?? ''
    if (!defaultBackend && rules.length === 0) {
      throw new KubectlError('error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)')
    }
    for (const rule of rules) if (!RULE.test(rule)) throw new KubectlError(`error: rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`)
    const annotations: Record<string, string> = {}
    for (const a of annotationList) {
      const eq = a.indexOf('=')
      if (eq < 0) throw new KubectlError(`error: annotation ${a} is invalid and should be in format key=[value]`)
      annotations[a.slice(0, eq)] = a.slice(eq + 1)
    }
    if (defaultBackend && defaultBackend.split(':').length !== 2) throw new KubectlError('error: default-backend should be in format servicename:serviceport')

    const tls: { hosts?: string[]; secretName?: string }[] = []
    const hostsSeen = new Set<string>()
    for (const rule of rules) {
      const parts = rule.split(',')
      if (parts.length !== 2) continue
      const host = rule.split('/')[0]
      const secretName = parts[1].split('=')[1] ?? ''
      if (hostsSeen.has(host)) continue
      const same = tls.find((t) => (t.secretName ?? '') === secretName)
      hostsSeen.add(host)
      if (same) {
        same.hosts = [...(same.hosts ?? []), host]
        continue
      }
      const entry: { hosts?: string[]; secretName?: string } = {}
      if (host) entry.hosts = [host]
      if (secretName) entry.secretName = secretName
      if (entry.hosts || entry.secretName) tls.push(entry)
    }
    const ingressRules: { host?: string; http: { paths: unknown[] } }[] = []
    for (const rule of rules) {
      const withoutTls = rule.split(',')[0]
      const slash = withoutTls.indexOf('/')
      const host = withoutTls.slice(0, slash)
      const path = httpPath(withoutTls.slice(slash + 1))
      const existing = ingressRules.find((r) => (r.host ?? '') === host)
      if (existing) existing.http.paths.push(path)
      else ingressRules.push({ ...(host ? { host } : {}), http: { paths: [path] } })
    }
    return {
      kind: 'Ingress',
      apiVersion: 'networking.k8s.io/v1',
      metadata: objectMeta({ name, namespace, annotations }),
      spec: {
        ...(ingressClass ? { ingressClassName: ingressClass } : {}),
        ...(defaultBackend ? { defaultBackend: backend(defaultBackend) } : {}),
        ...(tls.length ? { tls } : {}),
        ...(ingressRules.length ? { rules: ingressRules } : {}),
      },
      status: { loadBalancer: {} },
    }
  },
}
