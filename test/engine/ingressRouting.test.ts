import { describe, expect, it } from 'vitest'
import type { Ingress, IngressRule, PathType } from '../../src/engine/network/ingressTypes.ts'
import { answerIngressRequest, hostMatches, NOT_FOUND_PAGE, pathMatches, routeIngressRequest, SERVICE_UNAVAILABLE_PAGE } from '../../src/engine/network/ingressRouting.ts'
import { apply, deploymentYaml, kubectl, newSim } from '../helpers.ts'

let created = 0
function ingress(name: string, rules: IngressRule[], defaultBackend?: string): Ingress {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'default', uid: name, resourceVersion: '1', creationTimestamp: `2026-01-05T09:00:${String(created++ % 60).padStart(2, '0')}Z` },
    spec: { ingressClassName: 'nginx', rules, ...(defaultBackend ? { defaultBackend: { service: { name: defaultBackend, port: { number: 80 } } } } : {}) },
  }
}
const path = (p: string, pathType: PathType, svc: string) => ({ path: p, pathType, backend: { service: { name: svc, port: { number: 80 } } } })
const rule = (host: string | undefined, ...paths: ReturnType<typeof path>[]): IngressRule => ({ ...(host ? { host } : {}), http: { paths } })
const to = (ings: Ingress[], host: string, p: string) => routeIngressRequest(ings, { host, path: p })?.backend.service?.name ?? '404'

describe('Ingress path matching', () => {
  it('matches Prefix element by element: /foo matches /foo, /foo/ and /foo/bar, never /foobar', () => {
    expect(pathMatches('Prefix', '/foo', '/foo')).toBe(true)
    expect(pathMatches('Prefix', '/foo', '/foo/')).toBe(true)
    expect(pathMatches('Prefix', '/foo', '/foo/bar')).toBe(true)
    expect(pathMatches('Prefix', '/foo', '/foobar')).toBe(false)
    expect(pathMatches('Prefix', '/foo/', '/foo')).toBe(true)
    expect(pathMatches('Prefix', '/aaa/bbb', '/aaa/bbbxyz')).toBe(false)
    expect(pathMatches('Prefix', '/', '/anything/at/all')).toBe(true)
  })

  it('matches Exact only to the byte, case and trailing slash included', () => {
    expect(pathMatches('Exact', '/foo', '/foo')).toBe(true)
    expect(pathMatches('Exact', '/foo', '/foo/')).toBe(false)
    expect(pathMatches('Exact', '/foo', '/FOO')).toBe(false)
    expect(pathMatches('Exact', '/foo/', '/foo')).toBe(false)
  })

  it('reads ImplementationSpecific as Prefix, as ingress-nginx does', () => {
    expect(pathMatches('ImplementationSpecific', '/foo', '/foo/bar')).toBe(true)
    expect(pathMatches('ImplementationSpecific', '/foo', '/foobar')).toBe(false)
    expect(pathMatches('ImplementationSpecific', undefined, '/x')).toBe(true)
  })

  it("follows the docs' examples table", () => {
    // kubernetes.io/docs/concepts/services-networking/ingress/#examples
    const cases: [PathType, string, string, boolean][] = [
      ['Prefix', '/', '/', true],
      ['Exact', '/foo', '/foo', true],
      ['Exact', '/foo', '/bar', false],
      ['Exact', '/foo', '/foo/', false],
      ['Exact', '/foo/', '/foo', false],
      ['Prefix', '/foo', '/foo', true],
      ['Prefix', '/foo', '/foo/', true],
      ['Prefix', '/foo/', '/foo', true],
      ['Prefix', '/foo/', '/foo/', true],
      ['Prefix', '/aaa/bb', '/aaa/bbb', false],
      ['Prefix', '/aaa/bbb', '/aaa/bbb', true],
      ['Prefix', '/aaa/bbb/', '/aaa/bbb', true],
      ['Prefix', '/aaa/bbb', '/aaa/bbb/', true],
      ['Prefix', '/aaa/bbb', '/aaa/bbb/ccc', true],
      ['Prefix', '/aaa/bbb', '/aaa/bbbxyz', false],
    ]
    for (const [type, p, request, expected] of cases) expect([type, p, request, pathMatches(type, p, request)]).toEqual([type, p, request, expected])
  })
})

describe('Ingress host matching', () => {
  it('matches hosts exactly, and *.foo.com only one label deep', () => {
    expect(hostMatches('foo.bar.com', 'foo.bar.com')).toBe(true)
    expect(hostMatches('*.foo.com', 'bar.foo.com')).toBe(true)
    expect(hostMatches('*.foo.com', 'baz.bar.foo.com')).toBe(false)
    expect(hostMatches('*.foo.com', 'foo.com')).toBe(false)
    expect(hostMatches('*.foo.com', 'barfoo.com')).toBe(false)
  })
})

describe('Ingress routing', () => {
  it('prefers the longest path, and Exact over Prefix at equal length', () => {
    const ings = [ingress('a', [rule('foo.com', path('/', 'Prefix', 'root'), path('/api', 'Prefix', 'api'), path('/api/v2', 'Prefix', 'v2'), path('/api', 'Exact', 'exact'))])]
    expect(to(ings, 'foo.com', '/')).toBe('root')
    expect(to(ings, 'foo.com', '/api')).toBe('exact')
    expect(to(ings, 'foo.com', '/api/')).toBe('api')
    expect(to(ings, 'foo.com', '/api/users')).toBe('api')
    expect(to(ings, 'foo.com', '/api/v2/users')).toBe('v2')
    expect(to(ings, 'foo.com', '/apiary')).toBe('root')
    expect(to(ings, 'foo.com', '/api?x=1')).toBe('exact')
  })

  it('picks the exact host before a wildcard, a wildcard before the rules without a host', () => {
    const ings = [
      ingress('a', [rule('*.foo.com', path('/', 'Prefix', 'wild'))]),
      ingress('b', [rule('bar.foo.com', path('/', 'Prefix', 'bar'))]),
      ingress('c', [rule(undefined, path('/', 'Prefix', 'any'))]),
    ]
    expect(to(ings, 'bar.foo.com', '/')).toBe('bar')
    expect(to(ings, 'BAR.foo.com:80', '/')).toBe('bar')
    expect(to(ings, 'baz.foo.com', '/')).toBe('wild')
    expect(to(ings, 'a.baz.foo.com', '/')).toBe('any')
    expect(to(ings, 'foo.com', '/')).toBe('any')
  })

  it('answers 404 from the controller when a host matches but no path does, unless a defaultBackend is set', () => {
    const ings = [ingress('a', [rule('foo.com', path('/app', 'Prefix', 'app'))]), ingress('b', [rule(undefined, path('/', 'Prefix', 'any'))])]
    expect(to(ings, 'foo.com', '/other')).toBe('404')
    expect(to(ings, 'foo.com', '/appendix')).toBe('404')
    expect(to([ingress('a', [rule('foo.com', path('/app', 'Exact', 'app'))], 'fallback')], 'foo.com', '/x')).toBe('fallback')
    expect(to([ingress('d', [], 'fallback')], 'any.host', '/x')).toBe('fallback')
    expect(to([], 'foo.com', '/')).toBe('404')
  })

  it('merges Ingresses: the oldest wins a tie between equal paths', () => {
    const ings = [ingress('old', [rule('foo.com', path('/', 'Prefix', 'old'))]), ingress('new', [rule('foo.com', path('/', 'Prefix', 'new'), path('/new', 'Prefix', 'new2'))])]
    expect(to(ings, 'foo.com', '/')).toBe('old')
    expect(to([...ings].reverse(), 'foo.com', '/')).toBe('old')
    expect(to(ings, 'foo.com', '/new/x')).toBe('new2')
  })

  it("answers with the backend's ready endpoints, 503 when it has none or does not exist, and nginx's 404 page", () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 2, 'nginx:1.27'))
    kubectl(sim, 'expose deploy web --port 80')
    kubectl(sim, 'create deploy idle --image nginx:1.27 --replicas 0')
    kubectl(sim, 'expose deploy idle --port 80')
    sim.advance(30_000)
    const ings = [ingress('a', [rule('foo.com', path('/', 'Prefix', 'web'), path('/idle', 'Prefix', 'idle'), path('/gone', 'Prefix', 'gone'))])]
    const ok = answerIngressRequest(sim.store, ings, { host: 'foo.com', path: '/' })
    expect(ok.status).toBe(200)
    expect(ok.status === 200 && ok.endpoints.length).toBe(2)
    expect(answerIngressRequest(sim.store, ings, { host: 'foo.com', path: '/idle' })).toMatchObject({ status: 503, body: SERVICE_UNAVAILABLE_PAGE })
    expect(answerIngressRequest(sim.store, ings, { host: 'foo.com', path: '/gone' })).toMatchObject({ status: 503 })
    expect(answerIngressRequest(sim.store, ings, { host: 'other.com', path: '/' })).toEqual({ status: 404, body: NOT_FOUND_PAGE })
    expect(NOT_FOUND_PAGE).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n')
  })
})
