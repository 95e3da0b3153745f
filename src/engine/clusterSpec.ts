/**
 * The shape of a simulated cluster, apart from the Simulation itself: the app's main
 * thread reads it (stored sessions, presets) without loading the engine.
 */
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
   * Off (`cluster --no-coredns`), nothing answers cluster DNS: names do not resolve in pods.
   */
  coreDns: boolean
  /** metrics-server in kube-system: `kubectl top` and the HorizontalPodAutoscaler read its resource metrics API. */
  metricsServer: boolean
  /**
   * Zones the workers are spread over, round-robin (`topology.kubernetes.io/zone=zone-a`, …,
   * all in `topology.kubernetes.io/region=region-1`), as a cloud's nodes are labelled. 0: none.
   */
  zones: number
}

export const DEFAULT_CLUSTER: ClusterSpec = { workers: 3, cpu: '4', memory: '8Gi', maxPods: 110, controlPlane: true, loadBalancers: true, networkPolicies: true, cniInstalled: true, coreDns: true, metricsServer: true, zones: 0 }
