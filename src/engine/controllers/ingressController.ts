import type { KubeObject, Node, Pod } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'
import type { EngineContext } from '../context.ts'
import { INGRESS_CLASS_ANNOTATION, type Ingress, type LoadBalancerIngress } from '../network/ingressTypes.ts'
import { INGRESS_NGINX_COMPONENT, INGRESS_NGINX_CONTROLLER_CLASS, INGRESS_NGINX_IMAGE_REPOSITORY } from '../network/ingressNginx.ts'
import { isPodReady } from './podReadiness.ts'
import { splitKey, WorkQueue } from './workQueue.ts'

const SOURCE = { component: INGRESS_NGINX_COMPONENT }
/** ingress-nginx's status sync runs every 60 s once its pod leads (status.UpdateInterval). */
const STATUS_INTERVAL_MS = 60_000

/** One running ingress-nginx: the flags it was started with and its ready pods. */
export interface IngressControllerInstance {
  controllerClass: string
  ingressClass: string
  watchWithoutClass: boolean
  /** `namespace/name` of the Service whose load balancer address it publishes, if any. */
  publishService?: string
  pods: Pod[]
  /** When its first pod became ready: the status sync ticks from there. */
  readySince: number
}

function flag(args: string[], name: string): string | undefined {
  const prefix = `--${name}=`
  return args.find((a) => a.startsWith(prefix))?.slice(prefix.length)
}

const runsController = (pod: Pod) => pod.spec.containers.find((c) => c.image === INGRESS_NGINX_IMAGE_REPOSITORY || c.image.startsWith(`${INGRESS_NGINX_IMAGE_REPOSITORY}:`) || c.image.startsWith(`${INGRESS_NGINX_IMAGE_REPOSITORY}@`))

/** The ingress-nginx controllers running in the cluster, by controller class: pods of its image that are ready. */
export function ingressControllerInstances(pods: readonly Pod[]): IngressControllerInstance[] {
  const byClass = new Map<string, IngressControllerInstance>()
  for (const pod of pods) {
    const container = runsController(pod)
    if (!container || !isPodReady(pod) || pod.metadata.deletionTimestamp) continue
    const args = [...(container.command ?? []), ...(container.args ?? [])].map((a) => a.replace(/\$\(POD_NAMESPACE\)/g, pod.metadata.namespace ?? 'default'))
    const controllerClass = flag(args, 'controller-class') ?? INGRESS_NGINX_CONTROLLER_CLASS
    const ready = pod.status.conditions?.find((c) => c.type === 'Ready')
    const since = ready ? parseSimTime(ready.lastTransitionTime) : 0
    const existing = byClass.get(controllerClass)
    if (existing) {
      existing.pods.push(pod)
      existing.readySince = Math.min(existing.readySince, since)
      continue
    }
    byClass.set(controllerClass, {
      controllerClass,
      ingressClass: flag(args, 'ingress-class') ?? 'nginx',
      watchWithoutClass: flag(args, 'watch-ingress-without-class') === 'true',
      publishService: flag(args, 'publish-service'),
      pods: [pod],
      readySince: since,
    })
  }
  return [...byClass.values()]
}

/**
 * ingress-nginx's view of which Ingresses are its own: a spec.ingressClassName whose
 * IngressClass names its controller class, the legacy annotation naming its
 * --ingress-class, or no class at all with --watch-ingress-without-class.
 */
export function servesIngress(instance: IngressControllerInstance, ing: Ingress, ingressClasses: readonly KubeObject[]): boolean {
  const className = ing.spec?.ingressClassName
  if (className) {
    const cls = ingressClasses.find((c) => c.metadata.name === className)
    return ((cls?.spec ?? {}) as { controller?: string }).controller === instance.controllerClass
  }
  const annotation = ing.metadata.annotations?.[INGRESS_CLASS_ANNOTATION]
  if (annotation !== undefined) return annotation === instance.ingressClass
  return instance.watchWithoutClass
}

/** The Ingresses one ingress controller routes for, the input of ingressRouting's answerIngressRequest. */
export function ingressesServedBy(ctx: Pick<EngineContext, 'store'>, instance: IngressControllerInstance): Ingress[] {
  const classes = ctx.store.list('IngressClass')
  return ctx.store.list<Ingress>('Ingress').filter((ing) => !ing.metadata.deletionTimestamp && servesIngress(instance, ing, classes))
}

/**
 * A simulated ingress-nginx controller loop. For each Ingress of its class it reports
 * `Sync  Scheduled for sync` when it takes the Ingress up, and at its next status sync
 * writes status.loadBalancer: the published Service's load balancer address, or,
 * without --publish-service, the addresses of the nodes its pods run on. Without a
 * ready controller pod nothing happens and ADDRESS stays empty; when the last one goes,
 * the addresses it wrote are taken back (--update-status-on-shutdown).
 */
export class IngressController {
  private queue: WorkQueue
  /** Ingress uid → the generation last taken up. */
  private seen = new Map<string, number>()

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'ingress-nginx', (key) => this.sync(key))
    ctx.store.watch((type, obj) => {
      if (type === 'DELETED') return void this.seen.delete(obj.metadata.uid)
      this.queue.add(`${obj.metadata.namespace}/${obj.metadata.name}`)
    }, ['Ingress'])
    // A controller pod, its Service's address or a class changing can change every Ingress.
    ctx.store.watch((type, obj, old) => {
      if (obj.kind === 'Pod' && !runsController(obj as Pod)) return
      if (obj.kind === 'Pod' && old && type === 'MODIFIED' && isPodReady(obj as Pod) === isPodReady(old as Pod) && !!obj.metadata.deletionTimestamp === !!old.metadata.deletionTimestamp) return
      if (obj.kind === 'Service' && JSON.stringify(obj.status) === JSON.stringify(old?.status) && type === 'MODIFIED') return
      for (const ing of ctx.store.list('Ingress')) this.queue.add(`${ing.metadata.namespace}/${ing.metadata.name}`)
    }, ['Pod', 'Service', 'IngressClass'])
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const ing = this.ctx.store.get<Ingress>('Ingress', namespace, name)
    if (!ing || ing.metadata.deletionTimestamp) return
    const classes = this.ctx.store.list('IngressClass')
    const instance = ingressControllerInstances(this.ctx.store.list<Pod>('Pod')).find((i) => servesIngress(i, ing, classes))
    const current = ing.status?.loadBalancer?.ingress ?? []
    if (!instance) {
      if (current.length > 0 && this.seen.has(ing.metadata.uid)) this.ctx.api.updateStatus(ing, { ...(ing.status ?? {}), loadBalancer: {} })
      this.seen.delete(ing.metadata.uid)
      return
    }
    const generation = ing.metadata.generation ?? 0
    if (this.seen.get(ing.metadata.uid) !== generation) {
      this.seen.set(ing.metadata.uid, generation)
      this.ctx.recorder.normal(ing, SOURCE, 'Sync', 'Scheduled for sync')
    }
    const desired = this.addresses(instance)
    if (JSON.stringify(desired) === JSON.stringify(current)) return
    const now = this.ctx.clock.now
    // The Ready time has whole seconds: within a second of it counts as the first tick.
    const due = instance.readySince + Math.ceil(Math.max(0, now - instance.readySince - 1_000) / STATUS_INTERVAL_MS) * STATUS_INTERVAL_MS
    if (due > now) return this.queue.addAfter(key, due - now)
    this.ctx.api.updateStatus(ing, { ...(ing.status ?? {}), loadBalancer: desired.length ? { ingress: desired } : {} })
    // The status write comes back to it as an update of the Ingress.
    const updated = this.ctx.store.get<Ingress>('Ingress', namespace, name)
    if (updated) this.ctx.recorder.normal(updated, SOURCE, 'Sync', 'Scheduled for sync')
  }

  /** What it publishes: the Service's load balancer address, else its pods' nodes' addresses. */
  private addresses(instance: IngressControllerInstance): LoadBalancerIngress[] {
    if (instance.publishService) {
      const [ns, name] = instance.publishService.includes('/') ? splitKey(instance.publishService) : ['default', instance.publishService]
      const svc = this.ctx.store.get('Service', ns, name)
      if (!svc) return []
      const lb = ((svc.status ?? {}) as { loadBalancer?: { ingress?: LoadBalancerIngress[] } }).loadBalancer?.ingress ?? []
      const external = ((svc.spec ?? {}) as { externalIPs?: string[] }).externalIPs ?? []
      const out = [...lb.map((i) => (i.ip ? { ip: i.ip } : { hostname: i.hostname })), ...external.map((ip) => ({ ip }))]
      return sortAddresses(out)
    }
    const ips = new Set<string>()
    for (const pod of instance.pods) {
      const node = pod.spec.nodeName ? this.ctx.store.get<Node>('Node', undefined, pod.spec.nodeName) : undefined
      const addresses = (node?.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? []
      const ip = addresses.find((a) => a.type === 'ExternalIP')?.address ?? addresses.find((a) => a.type === 'InternalIP')?.address
      if (ip) ips.add(ip)
    }
    return sortAddresses([...ips].map((ip) => ({ ip })))
  }
}

function sortAddresses(list: LoadBalancerIngress[]): LoadBalancerIngress[] {
  const key = (i: LoadBalancerIngress) => i.ip ?? i.hostname ?? ''
  return list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}
