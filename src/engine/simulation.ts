import { DEFAULT_CLUSTER, type ClusterSpec } from './clusterSpec.ts'

export { DEFAULT_CLUSTER, type ClusterSpec }
import { ApiStore } from './api/store.ts'
import type { Node, Pod } from './api/types.ts'
import { SimClock } from './clock.ts'
import { buildNode, nodeAddress, type NodeShape } from './cluster/nodeFactory.ts'
import { zoneLabels } from './cluster/zones.ts'
import { API_SERVER_FALLBACK_ADDRESS, createKubernetesService, publishApiServerEndpoints } from './network/apiServerService.ts'
import { installCoreDns } from './network/coreDns.ts'
import { installMetricsServer } from './metrics/metricsServer.ts'
import { registerNetwork } from './network/networkEnv.ts'
import { ServiceLoadBalancerController } from './controllers/serviceLoadBalancerController.ts'
import type { EngineContext } from './context.ts'
import { ApiServer } from './api/server.ts'
import { CONTROLLERS } from './controllers/registry.ts'
import { SYSTEM_PRIORITY_CLASSES } from './admission/plugins/priority.ts'
import { INITIAL_NAMESPACES } from './kinds/namespace.ts'
import { installStandardStorageClass } from './storage/standardStorageClass.ts'
import { initialKubeconfig, type Kubeconfig } from './kubeconfig.ts'
import { EventQueue } from './eventQueue.ts'
import { EventRecorder } from './events.ts'
import { Countdowns } from './countdowns.ts'
import { Kubelet } from './kubelet/kubelet.ts'
import { SeededRandom } from './rng.ts'
import { taskActor } from './causes/taskActor.ts'
import { whyChain, type WhyChain } from './causes/whyChain.ts'
import { Scheduler } from './scheduler/scheduler.ts'


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
    this.cluster = { ...DEFAULT_CLUSTER, ...opts.cluster }
    this.cniInstalled = this.cluster.cniInstalled
    const clock = new SimClock()
    const rng = new SeededRandom(opts.seed ?? 1)
    const queue = new EventQueue()
    const store = new ApiStore(clock, rng)
    const api = new ApiServer(store, clock, rng)
    const recorder = new EventRecorder(store, api, clock)
    const causes = store.causes
    this.ctx = {
      clock,
      rng,
      queue,
      store,
      api,
      recorder,
      countdowns: new Countdowns(),
      // A task runs as the component its label names, reacting to what was current when it was scheduled.
      after: (delayMs, label, fn) => {
        const captured = causes.capture()
        const actor = taskActor(label) ?? captured?.actor
        const cause = actor === captured?.actor ? captured : { ...captured, actor, command: undefined }
        return queue.schedule(clock.now + Math.max(0, delayMs), label, () => causes.run(cause, fn))
      },
    }
    this.scheduler = new Scheduler(this.ctx)
    // Kubelets whose containers send requests reach the cluster network through this.
    registerNetwork(this)
    // A deleted object has nothing ahead of it.
    store.watch((type, obj) => {
      if (type === 'DELETED') this.ctx.countdowns.clearObject(`${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`)
    }, ['Pod', 'Node'])
    store.watch((type, obj) => {
      const node = obj.kind === 'Pod' ? (obj as Pod).spec.nodeName : undefined
      if (node) this.kubelets.get(node)?.onPodEvent(type, obj as Pod)
    }, ['Pod'])
    for (const start of CONTROLLERS) start(this.ctx)
    causes.run({ actor: 'kubeadm' }, () => this.bootstrap())
  }

  /** What kubeadm sets up before anyone uses the cluster: namespaces, nodes, the API's Service, add-ons. */
  private bootstrap(): void {
    const api = this.ctx.api
    for (const ns of INITIAL_NAMESPACES) {
      api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, uid: '', resourceVersion: '', creationTimestamp: '' } })
    }
    for (const pc of SYSTEM_PRIORITY_CLASSES) {
      api.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: pc.name, uid: '', resourceVersion: '', creationTimestamp: '' }, value: pc.value, description: pc.description })
    }
    createKubernetesService(api)
    // kind's default StorageClass: claims that name no class get local-path volumes.
    installStandardStorageClass(api)
    const spec = this.cluster
    let ordinal = 1
    if (spec.controlPlane) this.addNode({ name: 'control-plane', cpu: '2', memory: '4Gi', maxPods: 110, controlPlane: true, ordinal: ordinal++ })
    for (let i = 1; i <= spec.workers; i++) {
      const labels = spec.zones > 0 ? zoneLabels((i - 1) % spec.zones) : undefined
      this.addNode({ name: `worker-${i}`, cpu: spec.cpu, memory: spec.memory, maxPods: spec.maxPods, controlPlane: false, ordinal: ordinal++, labels })
    }
    publishApiServerEndpoints(api, spec.controlPlane ? nodeAddress(1) : API_SERVER_FALLBACK_ADDRESS)
    // kubeadm's addon phase: cluster DNS, whose pods start like any others.
    if (spec.coreDns) installCoreDns(api)
    // The metrics pipeline most clusters add next: `kubectl top` and autoscalers read it.
    if (spec.metricsServer) installMetricsServer(api)
    // A cloud's controller manager provisions load balancers; bare metal has none.
    if (spec.loadBalancers) new ServiceLoadBalancerController(this.ctx)
    this.settle()
  }

  /**
   * The chain of causes behind an object's state: who created it and in reaction to
   * what, back to a user command; for a pod waiting for a node, the scheduler's verdict.
   */
  why(uid: string): WhyChain | undefined {
    return whyChain(this.ctx.store, uid, this.scheduler.decisions.get(uid))
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

  /** Simulated events (queue tasks) run so far: the performance overlay's events per second. */
  tasksRun = 0

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
      this.tasksRun++
    }
    clock.setNow(Math.max(clock.now, target))
  }
}
