import type { Container } from '../api/types.ts'
import type { ImageSpec } from './catalog.ts'

/**
 * What a serving image answers over HTTP: a small model per image of the catalog,
 * enough for the pages students fetch with curl and wget. Images not listed here
 * accept the connection and answer an empty 200.
 */
export interface HttpRequestView {
  method: string
  path: string
  host: string
  userAgent: string
  /** Headers a proxy added (ingress-nginx's X-Forwarded-For, X-Request-ID…), by name as sent. */
  proxyHeaders?: Record<string, string>
  clientAddress: string
  /** The answering pod. */
  podName: string
  podIP: string
  /** The simulated time, for servers that print it. */
  now: string
}

export interface HttpAnswer {
  status: number
  reason: string
  body: string
}

const NGINX_VERSION = '1.27.3'

export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`

const NGINX_404 = `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/${NGINX_VERSION}</center>
</body>
</html>
`

export const HTTPD_IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n'

const HTTPD_404 = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>404 Not Found</title>
</head><body>
<h1>Not Found</h1>
<p>The requested URL was not found on this server.</p>
</body></html>
`

const ok = (body: string): HttpAnswer => ({ status: 200, reason: 'OK', body })
const notFound = (body: string): HttpAnswer => ({ status: 404, reason: 'Not Found', body })
const docRoot = (path: string) => path === '/' || path === '/index.html'

/** `-name=value`, `--name=value` or `-name value` among a container's args. */
function argValue(words: string[], name: string): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i].replace(/^--?/, '-')
    if (w === `-${name}` && i + 1 < words.length) return words[i + 1]
    if (w.startsWith(`-${name}=`)) return w.slice(name.length + 2)
  }
  return undefined
}

/** Go's http.Header as Request.Write prints it: canonical names (`X-Real-Ip`), sorted. */
function goHeaderLines(headers: Record<string, string>): string[] {
  const canonical = (name: string) => name.toLowerCase().replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase())
  return Object.entries(headers)
    .map(([name, value]) => [canonical(name), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}: ${value}`)
}

const words = (c: Container) => [...(c.command ?? []), ...(c.args ?? [])]

interface HttpModel {
  /** The ports the server listens on, when its arguments choose them. */
  ports?: (c: Container) => number[] | undefined
  answer(req: HttpRequestView, c: Container): HttpAnswer
}

const MODELS: Record<string, HttpModel> = {
  nginx: { answer: (r) => (docRoot(r.path) ? ok(NGINX_WELCOME) : notFound(NGINX_404)) },
  'registry.k8s.io/nginx': { answer: (r) => (docRoot(r.path) ? ok(NGINX_WELCOME) : notFound(NGINX_404)) },
  'registry.k8s.io/nginx-slim': { answer: (r) => (docRoot(r.path) ? ok(NGINX_WELCOME) : notFound(NGINX_404)) },
  httpd: { answer: (r) => (docRoot(r.path) ? ok(HTTPD_IT_WORKS) : notFound(HTTPD_404)) },
  'traefik/whoami': {
    ports: (c) => {
      const port = argValue(words(c), 'port')
      return port ? [Number(port)] : undefined
    },
    // Its own lines end in \n; the echoed request is written by Go's Request.Write, in \r\n.
    answer: (r) =>
      ok(
        [`Hostname: ${r.podName}`, 'IP: 127.0.0.1', 'IP: ::1', `IP: ${r.podIP}`, `RemoteAddr: ${r.clientAddress}`, ''].join('\n') +
          [`${r.method} ${r.path} HTTP/1.1`, `Host: ${r.host}`, `User-Agent: ${r.userAgent}`, ...goHeaderLines({ Accept: '*/*', ...r.proxyHeaders }), '', ''].join('\r\n'),
      ),
  },
  // agnhost netexec: /hostname, /echo?msg=, /clientip; `/` prints the time.
  'registry.k8s.io/e2e-test-images/agnhost': {
    ports: (c) => {
      const w = words(c)
      if (!w.includes('netexec')) return undefined
      return [Number(argValue(w, 'http-port') ?? 8080)]
    },
    answer: (r) => {
      const [path, query = ''] = r.path.split('?')
      if (path === '/hostname') return ok(r.podName)
      if (path === '/clientip') return ok(r.clientAddress)
      if (path === '/echo') return ok(decodeURIComponent(new URLSearchParams(query).get('msg') ?? ''))
      if (path === '/healthz') return ok('')
      return ok(`NOW: ${r.now}`)
    },
  },
  'hashicorp/http-echo': {
    ports: (c) => {
      const listen = argValue(words(c), 'listen')
      return [Number(listen?.split(':').pop() || 5678)]
    },
    answer: (_r, c) => ok(`${argValue(words(c), 'text') ?? ''}\n`),
  },
  'registry.k8s.io/serve_hostname': { answer: (r) => ok(r.podName) },
  'gcr.io/google-samples/hello-app': { answer: (r) => ok(`Hello, world!\nVersion: 1.0.0\nHostname: ${r.podName}\n`) },
  'us-docker.pkg.dev/google-samples/containers/gke/hello-app': { answer: (r) => ok(`Hello, world!\nVersion: 1.0.0\nHostname: ${r.podName}\n`) },
  'registry.k8s.io/hpa-example': { answer: () => ok('OK!') },
}

/**
 * The TCP ports a container listens on: its image's ports, or those its arguments
 * choose. A serving image whose command was replaced (`sleep 3600`) serves nothing.
 */
export function listeningPorts(image: ImageSpec, c: Container): number[] {
  if (image.defaultBehaviour !== 'serve') return []
  const model = MODELS[image.repository]
  const chosen = model?.ports?.(c)
  if (chosen) return chosen
  if ((c.command ?? []).length > 0) return []
  return image.ports
}

/** The image's answer to one request. */
export function httpAnswer(image: ImageSpec, c: Container, req: HttpRequestView): HttpAnswer {
  const model = MODELS[image.repository]
  return model ? model.answer(req, c) : ok('')
}
