import { ApiStore } from './api/store.ts'
import type { Node, Pod } from './api/types.ts'
import { SimClock } from './clock.ts'
import { buildNode, nodeAddress, type NodeShape } from './cluster/nodeFactory.ts'
import { zoneLabels } from './cluster/zones.ts'
import { API_SERVER_FALLBACK_ADDRESS, createKubernetesService, publishApiServerEndpoints } from './network/apiServerService.ts'
import { installCoreDns } from './network/coreDns.ts'
import { ServiceLoadBalancerController } from './controllers/serviceLoadBalancerController.ts'
import type { EngineContext } from './context.ts'
import { ApiServer } from './api/server.ts'
import { CONTROLLERS } from './controllers/registry.ts'
import { SYSTEM_PRIORITY_CLASSES } from './admission/plugins/priority.ts'
import { INITIAL_NAMESPACES } from './kinds/namespace.ts'
import { initialKubeconfig, type Kubeconfig } from './kubeconfig.ts'
import { EventQueue } from './eventQueue.ts'
import { EventRecorder } from './events.ts'
import { Kubelet } from './kubelet/kubelet.ts'
import { SeededRandom } from './rng.ts'
import { Scheduler } from './scheduler/scheduler.ts'

export interface ClusterSpec {
  workers: number
  cpu: string
  memory: string
  maxPods: number
  controlPlane: boolean
  /** A cloud that provisions load balancers; without one (bare metal) LoadBalancer Services stay `<pending>`. */
  loadBalancers: boolean
  /**
   * The network plugin enforces NetworkPolicies (Calico, Cilium). False picks one that
   * does not (Flannel): policies are stored and listed but change nothing.
   */
  networkPolicies: boolean
  /**
   * A pod network (CNI add-on) is installed. Without one, as after a bare `kubeadm init`,
   * nodes stay NotReady until an add-on's pod (a CNI image from the catalog) runs on them.
   */
  cniInstalled: boolean
  /**
   * kubeadm's CoreDNS addon (the coredns Deployment and the kube-dns Service at 10.96.0.10).
   * Off by default until the tests and transcripts that count every pod are ready for it.
   */
  coreDns: boolean
  /**
   * Zones the workers are spread over, round-robin (`topology.kubernetes.io/zone=zone-a`, …,
   * all in `topology.kubernetes.io/region=region-1`), as a cloud's nodes are labelled. 0: none.
   */
  zones: number
}

export const DEFAULT_CLUSTER: ClusterSpec = { workers: 3, cpu: '4', memory: '8Gi', maxPods: 110, controlPlane: true, loadBalancers: true, networkPolicies: true, cniInstalled: true, coreDns: false, zones: 0 }

/** A safety net against controllers that feed each other forever within one instant. */
const MAX_TASKS_PER_INSTANT = 1_000_000

/**
 * One simulated cluster: the API store, the control plane (scheduler, controllers,
 * garbage collector) and a kubelet per node, all driven by one event queue on one
 * simulated clock. Nothing here reads real time or real randomness.
 */
export class Simulation {
  readonly ctx: EngineContext
  readonly scheduler: Scheduler
  readonly kubelets = new Map<string, Kubelet>()
  /** The cluster as it was built (machines added later are not counted). */
  readonly cluster: ClusterSpec
  /** kubectl's kubeconfig: its current context's namespace is the default for every command. */
  kubeconfig: Kubeconfig = initialKubeconfig()
  /** The highest node ordinal used, so machines added later get fresh IPs and pod CIDRs. */
  private lastOrdinal = 0
  /** Whether new machines come with a pod network already configured. */
  private readonly cniInstalled: boolean

  constructor(opts: { seed?: number; cluster?: Partial<ClusterSpec> } = {}) {
    const clock = new SimClock()
    const rng = new SeededRandom(opts.seed ?? 1)
    const queue = new EventQueue()
    const store = new ApiStore(clock, rng)
    const api = new ApiServer(store, clock, rng)
    const recorder = new EventRecorder(store, api, clock)
    this.ctx = {
      clock,
      rng,
      queue,
      store,
      api,
      recorder,
      after: (delayMs, label, fn) => queue.schedule(clock.now + Math.max(0, delayMs), label, fn),
    }
    this.scheduler = new Scheduler(this.ctx)
    store.watch((type, obj) => {
      const node = obj.kind === 'Pod' ? (obj as Pod).spec.nodeName : undefined
      if (node) this.kubelets.get(node)?.onPodEvent(type, obj as Pod)
    }, ['Pod'])
    for (const start of CONTROLLERS) start(this.ctx)

    for (const ns of INITIAL_NAMESPACES) {
      api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, uid: '', resourceVersion: '', creationTimestamp: '' } })
    }
    for (const pc of SYSTEM_PRIORITY_CLASSES) {
      api.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: pc.name, uid: '', resourceVersion: '', creationTimestamp: '' }, value: pc.value, description: pc.description })
    }
    createKubernetesService(api)
    const spec = (this.cluster = { ...DEFAULT_CLUSTER, ...opts.cluster })
    this.cniInstalled = spec.cniInstalled
    let ordinal = 1
    if (spec.controlPlane) this.addNode({ name: 'control-plane', cpu: '2', memory: '4Gi', maxPods: 110, controlPlane: true, ordinal: ordinal++ })
    for (let i = 1; i <= spec.workers; i++) {
      const labels = spec.zones > 0 ? zoneLabels((i - 1) % spec.zones) : undefined
      this.addNode({ name: `worker-${i}`, cpu: spec.cpu, memory: spec.memory, maxPods: spec.maxPods, controlPlane: false, ordinal: ordinal++, labels })
    }
    publishApiServerEndpoints(api, spec.controlPlane ? nodeAddress(1) : API_SERVER_FALLBACK_ADDRESS)
    // kubeadm's addon phase: cluster DNS, whose pods start like any others.
    if (spec.coreDns) installCoreDns(api)
    // A cloud's controller manager provisions load balancers; bare metal has none.
    if (spec.loadBalancers) new ServiceLoadBalancerController(this.ctx)
    this.settle()
  }

  get store(): ApiStore {
    return this.ctx.store
  }

  /** Milliseconds of simulated time so far. */
  get now(): number {
    return this.ctx.clock.now
  }

  addNode(shape: NodeShape): void {
    this.lastOrdinal = Math.max(this.lastOrdinal, shape.ordinal)
    this.ctx.api.create(buildNode(shape, this.ctx.clock.rfc3339(), this.cniInstalled))
    const kubelet = new Kubelet(this.ctx, shape.name, `10.244.${shape.ordinal - 1}`, this.cniInstalled)
    this.kubelets.set(shape.name, kubelet)
    kubelet.start()
  }

  /**
   * The node's kubelet stops, as if the machine lost power or network: its lease is no
   * longer renewed, and the node lifecycle controller notices after the grace period.
   */
  nodeDown(name: string): void {
    const kubelet = this.kubelets.get(name)
    if (!kubelet || !kubelet.online) return
    kubelet.stop()
    this.settle()
  }

  /** The node's kubelet is back: it renews its lease, reports Ready and resumes its pods. */
  nodeUp(name: string): void {
    const kubelet = this.kubelets.get(name)
    if (!kubelet || kubelet.online) return
    kubelet.start()
    this.settle()
  }

  /**
   * A worker machine joins and its kubelet registers its Node. If a removed machine left
   * a Node of that name behind, the kubelet takes it over, reports Ready and runs the
   * pods bound to it, as a re-registering kubelet does. Nothing if the machine is there.
   */
  addMachine(machine: Omit<NodeShape, 'ordinal' | 'controlPlane'>): void {
    if (this.kubelets.has(machine.name)) return
    const leftOver = this.ctx.store.get<Node>('Node', undefined, machine.name)
    if (leftOver) {
      const subnet = leftOver.spec.podCIDR?.replace(/\.0\/\d+$/, '') ?? `10.244.${this.lastOrdinal++}`
      const kubelet = new Kubelet(this.ctx, machine.name, subnet, this.cniInstalled)
      this.kubelets.set(machine.name, kubelet)
      kubelet.start()
    } else {
      this.addNode({ ...machine, controlPlane: false, ordinal: this.lastOrdinal + 1 })
    }
    this.settle()
  }

  /**
   * The machine is taken away: its kubelet and containers are gone at once. The Node
   * object stays until deleted, so it goes NotReady and its pods are evicted as with
   * node-down.
   */
  removeMachine(name: string): void {
    if (!this.kubelets.has(name)) return
    this.nodeDown(name)
    this.kubelets.delete(name)
  }

  /** Runs everything due up to `now + ms`, in time order, and leaves the clock there. */
  advance(ms: number): void {
    this.runUntil(this.ctx.clock.now + Math.max(0, ms))
  }

  /** Runs everything due at the current instant (controllers reacting to a write). */
  settle(): void {
    this.runUntil(this.ctx.clock.now)
  }

  private runUntil(target: number): void {
    const { queue, clock } = this.ctx
    let instant = clock.now
    let tasksThisInstant = 0
    for (;;) {
      const at = queue.peekTime()
      if (at === undefined || at > target) break
      const task = queue.pop()!
      if (task.cancelled) continue
      if (task.at !== instant) {
        instant = task.at
        tasksThisInstant = 0
      }
      if (++tasksThisInstant > MAX_TASKS_PER_INSTANT) throw new Error(`simulation livelock at ${instant}ms: ${task.label}`)
      clock.setNow(Math.max(clock.now, task.at))
      task.run()
    }
    clock.setNow(Math.max(clock.now, target))
  }
}
