import type { ApiStore } from '../api/store.ts'
import type { Pod } from '../api/types.ts'
import { SeededRandom } from '../rng.ts'

/**
 * The headers ingress-nginx adds to every request it proxies (its nginx.tmpl location
 * block: `proxy_set_header X-Request-ID $req_id; X-Real-IP $remote_addr; …`). Headers it
 * sets to an empty value (Upgrade, Connection, X-Original-Forwarded-For, Proxy) are not sent.
 */
export interface ProxiedRequest {
  /** The address the controller saw the request come from ($remote_addr). */
  clientIP: string
  /** The Host header as the client sent it ($best_http_host). */
  host: string
  /** The port the controller received it on ($pass_port). */
  port: number
  scheme: 'http' | 'https'
}

/** Each controller pod's own $req_id stream, seeded from its uid so that it follows the simulation's seed without drawing from it. */
const requestIds = new WeakMap<ApiStore, Map<string, SeededRandom>>()

function requestIdStream(store: ApiStore, controller: Pod): SeededRandom {
  let byPod = requestIds.get(store)
  if (!byPod) requestIds.set(store, (byPod = new Map()))
  const uid = controller.metadata.uid
  let rng = byPod.get(uid)
  if (!rng) {
    let seed = 0
    for (let i = 0; i < uid.length; i++) seed = (Math.imul(seed, 31) + uid.charCodeAt(i)) >>> 0
    byPod.set(uid, (rng = new SeededRandom(seed)))
  }
  return rng
}

/** The headers, in the order nginx.tmpl sets them. */
export function ingressProxyHeaders(store: ApiStore, controller: Pod, req: ProxiedRequest): Record<string, string> {
  return {
    // nginx's $request_id: 16 random bytes as 32 hex digits.
    'X-Request-ID': requestIdStream(store, controller).string('0123456789abcdef', 32),
    'X-Real-IP': req.clientIP,
    'X-Forwarded-For': req.clientIP,
    'X-Forwarded-Host': req.host,
    'X-Forwarded-Port': String(req.port),
    'X-Forwarded-Proto': req.scheme,
    'X-Forwarded-Scheme': req.scheme,
    'X-Scheme': req.scheme,
  }
}
