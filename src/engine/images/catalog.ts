import { PUBLISHED_TAGS } from './publishedTags.ts'
import { only, series, tagSet, type TagMatcher } from './tags.ts'

/**
 * The image catalog: what the simulated registry holds and how each image behaves
 * when it runs with no command of its own. Data only; the kubelet interprets it.
 */
export interface ImageSpec {
  /** Repository name as Docker Hub spells it (`nginx`, `bitnami/redis`, `registry.k8s.io/pause`). */
  repository: string
  /** What the image's default entrypoint does. */
  defaultBehaviour: 'serve' | 'shell-exits' | 'exits-ok'
  /** Tags that exist; anything else is "not found". */
  tags: TagMatcher
  sizeBytes: number
  /** Time a pull takes on a node without the image. */
  pullMs: number
  /** Time from container start to ready to serve. */
  startMs: number
  ports: number[]
  /** Does PID 1 exit promptly on SIGTERM? Shells running `sleep` do not, so they wait out the grace period. */
  stopsOnSigterm: boolean
  /** Linux images run on the simulated (linux/amd64) nodes; a Windows-only image cannot be pulled there. */
  platform?: 'windows'
  /** Environment the entrypoint insists on: without one of these it exits 1 and logs why. */
  requiresEnv?: { anyOf: string[]; log: string[] }
  /** A network add-on's agent: running on a node (host network) it installs the CNI configuration there. */
  cni?: boolean
  /** Typical resource use (metrics/usageModel.ts): idle CPU and memory, CPU per request served. */
  usage?: { cpuMilli?: number; memoryBytes?: number; cpuMsPerRequest?: number }
  logs: string[]
}

const MI = 1024 * 1024

/** A catalog entry with the usual defaults, for the long tail of images the docs use. */
function image(repository: string, defaultBehaviour: ImageSpec['defaultBehaviour'], opts: Partial<ImageSpec> = {}): ImageSpec {
  const sizeBytes = opts.sizeBytes ?? 40_000_000
  return {
    repository,
    defaultBehaviour,
    tags: PUBLISHED_TAGS[repository] ?? only('latest'),
    sizeBytes,
    // Roughly 30 MB/s from the registry, never instant.
    pullMs: opts.pullMs ?? Math.max(500, Math.round(sizeBytes / 30_000)),
    startMs: 300,
    ports: [],
    stopsOnSigterm: defaultBehaviour === 'serve',
    logs: [],
    ...opts,
  }
}

const NGINX_LOGS = [
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
  '2026/01/05 09:00:00 [notice] 1#1: nginx/1.27.3',
  '2026/01/05 09:00:00 [notice] 1#1: start worker processes',
]

const POSTGRES_NEEDS_PASSWORD = {
  anyOf: ['POSTGRES_PASSWORD', 'POSTGRES_HOST_AUTH_METHOD'],
  log: [
    'Error: Database is uninitialized and superuser password is not specified.',
    '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
    '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
  ],
}

const MYSQL_NEEDS_PASSWORD = {
  anyOf: ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'],
  log: [
    '2026-01-05 09:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
    '    You need to specify one of the following as an environment variable:',
    '    - MYSQL_ROOT_PASSWORD',
    '    - MYSQL_ALLOW_EMPTY_PASSWORD',
    '    - MYSQL_RANDOM_ROOT_PASSWORD',
  ],
}

export const IMAGE_CATALOG: ImageSpec[] = [
  image('nginx', 'serve', { sizeBytes: 72_404_038, pullMs: 2_400, ports: [80], logs: NGINX_LOGS, usage: { cpuMilli: 0, memoryBytes: 3 * MI } }),
  image('httpd', 'serve', {
    sizeBytes: 58_000_000,
    pullMs: 2_100,
    startMs: 400,
    ports: [80],
    logs: ["AH00558: httpd: Could not reliably determine the server's fully qualified domain name", 'Apache/2.4.62 (Unix) configured -- resuming normal operations'],
  }),
  image('redis', 'serve', { sizeBytes: 45_000_000, pullMs: 1_900, startMs: 200, ports: [6379], logs: ['1:M 05 Jan 2026 09:00:00.000 * Ready to accept connections tcp'] }),
  image('mongo', 'serve', {
    sizeBytes: 280_000_000,
    pullMs: 7_500,
    startMs: 2_000,
    ports: [27017],
    logs: ['{"t":{"$date":"2026-01-05T09:00:00.000+00:00"},"s":"I","c":"NETWORK","msg":"Waiting for connections","attr":{"port":27017}}'],
  }),
  image('postgres', 'serve', {
    sizeBytes: 150_000_000,
    pullMs: 5_200,
    startMs: 1_500,
    ports: [5432],
    requiresEnv: POSTGRES_NEEDS_PASSWORD,
    logs: ['LOG:  database system is ready to accept connections'],
  }),
  image('mysql', 'serve', {
    sizeBytes: 170_000_000,
    pullMs: 6_000,
    startMs: 3_000,
    ports: [3306],
    requiresEnv: MYSQL_NEEDS_PASSWORD,
    logs: ["[Server] /usr/sbin/mysqld: ready for connections. Version: '8.4.3'  port: 3306"],
  }),
  image('busybox', 'shell-exits', { sizeBytes: 2_160_000, pullMs: 900, startMs: 50 }),
  image('alpine', 'shell-exits', { sizeBytes: 3_600_000, pullMs: 1_000, startMs: 50 }),
  image('ubuntu', 'shell-exits', { sizeBytes: 29_000_000, pullMs: 1_800, startMs: 50 }),
  image('debian', 'shell-exits', { sizeBytes: 48_000_000, pullMs: 2_000, startMs: 50 }),
  image('python', 'shell-exits', { sizeBytes: 380_000_000, pullMs: 9_000, startMs: 200 }),
  image('node', 'shell-exits', { sizeBytes: 390_000_000, pullMs: 9_500, startMs: 200 }),
  image('perl', 'shell-exits', { sizeBytes: 330_000_000, pullMs: 8_000, startMs: 100 }),
  image('hello-world', 'exits-ok', {
    sizeBytes: 13_000,
    pullMs: 600,
    startMs: 20,
    stopsOnSigterm: true,
    logs: ['Hello from Docker!', 'This message shows that your installation appears to be working correctly.'],
  }),
  image('registry.k8s.io/pause', 'serve', { sizeBytes: 320_000, pullMs: 500, startMs: 10 }),
]

/** More images from the Kubernetes documentation's examples. */
IMAGE_CATALOG.push(
  image('registry.k8s.io/busybox', 'shell-exits', { sizeBytes: 1_300_000, stopsOnSigterm: false }),
  image('bash', 'shell-exits', { sizeBytes: 6_000_000, stopsOnSigterm: false }),
  image('fedora', 'shell-exits', { sizeBytes: 60_000_000, stopsOnSigterm: false }),
  image('radial/busyboxplus', 'shell-exits', { sizeBytes: 4_000_000, stopsOnSigterm: false }),
  // Its entrypoint is curl: arguments alone are curl's.
  image('curlimages/curl', 'shell-exits', { sizeBytes: 12_000_000, stopsOnSigterm: false }),
  image('registry.k8s.io/nginx-slim', 'serve', { ports: [80], sizeBytes: 20_000_000 }),
  image('registry.k8s.io/nginx', 'serve', { ports: [80], sizeBytes: 20_000_000 }),
  image('bprashanth/nginxhttps', 'serve', { ports: [80, 443], sizeBytes: 40_000_000 }),
  image('hashicorp/http-echo', 'serve', { ports: [5678], sizeBytes: 3_500_000 }),
  image('gcr.io/google-samples/hello-app', 'serve', { ports: [8080], sizeBytes: 11_000_000 }),
  image('us-docker.pkg.dev/google-samples/containers/gke/hello-app', 'serve', { ports: [8080], sizeBytes: 11_000_000 }),
  image('gcr.io/google-samples/hello-go-gke', 'serve', { ports: [80], sizeBytes: 5_000_000 }),
  image('gcr.io/google-samples/hello-frontend', 'serve', { ports: [80], sizeBytes: 20_000_000 }),
  image('us-docker.pkg.dev/google-samples/containers/gke/gb-frontend', 'serve', { ports: [80], sizeBytes: 180_000_000 }),
  image('us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower', 'serve', { ports: [6379], sizeBytes: 40_000_000 }),
  image('gcr.io/google-samples/cassandra', 'serve', { ports: [9042], sizeBytes: 150_000_000 }),
  image('gcr.io/google-samples/xtrabackup', 'shell-exits', { sizeBytes: 100_000_000 }),
  image('registry.k8s.io/e2e-test-images/agnhost', 'serve', { ports: [8080], sizeBytes: 50_000_000 }),
  image('registry.k8s.io/liveness', 'serve', { ports: [8080], sizeBytes: 2_000_000 }),
  image('registry.k8s.io/goproxy', 'serve', { ports: [8080], sizeBytes: 5_000_000 }),
  image('registry.k8s.io/serve_hostname', 'serve', { ports: [9376], sizeBytes: 3_000_000 }),
  // Each request computes square roots for about 8 ms of CPU: the docs' wget loop (~80 requests/s) wants ~650m.
  image('registry.k8s.io/hpa-example', 'serve', { ports: [80], sizeBytes: 180_000_000, usage: { cpuMilli: 1, memoryBytes: 10 * MI, cpuMsPerRequest: 8 } }),
  image('registry.k8s.io/ingress-nginx/controller', 'serve', { ports: [80, 443, 8443, 10254], sizeBytes: 105_000_000, startMs: 2_000 }),
  image('registry.k8s.io/redis', 'serve', { ports: [6379], sizeBytes: 40_000_000 }),
  image('registry.k8s.io/kubernetes-zookeeper', 'serve', { ports: [2181], sizeBytes: 120_000_000 }),
  // etcd serves clients on 2379 and answers the gRPC health check there (the docs' gRPC liveness example).
  image('registry.k8s.io/etcd', 'serve', { ports: [2379, 2380], sizeBytes: 60_000_000 }),
  image('registry.k8s.io/node-problem-detector/node-problem-detector', 'serve', { sizeBytes: 50_000_000 }),
  image('registry.k8s.io/fluentd-gcp', 'serve', { sizeBytes: 120_000_000 }),
  image('registry.k8s.io/event-exporter', 'serve', { sizeBytes: 20_000_000 }),
  image('registry.k8s.io/cpa/cluster-proportional-autoscaler', 'serve', { sizeBytes: 20_000_000 }),
  image('registry.k8s.io/cloud-controller-manager', 'serve', { sizeBytes: 40_000_000 }),
  image('registry.k8s.io/kas-network-proxy/proxy-server', 'serve', { sizeBytes: 20_000_000 }),
  image('us.gcr.io/k8s-artifacts-prod/kas-network-proxy/proxy-agent', 'serve', { sizeBytes: 20_000_000 }),
  image('registry.k8s.io/dra-example-driver/dra-example-driver', 'serve', { sizeBytes: 30_000_000 }),
  image('quay.io/fluentd_elasticsearch/fluentd', 'serve', { sizeBytes: 150_000_000 }),
  image('vish/stress', 'serve', { sizeBytes: 2_000_000 }),
  image('polinux/stress', 'serve', { sizeBytes: 4_000_000, usage: { cpuMilli: 0, memoryBytes: 1 * MI } }),
  image('rabbitmq', 'serve', { ports: [5672], sizeBytes: 90_000_000 }),
  image('wordpress', 'serve', { ports: [80], sizeBytes: 250_000_000 }),
  image('microsoft/windowsservercore', 'serve', { platform: 'windows', sizeBytes: 5_000_000_000 }),
  image('microsoft/iis', 'serve', { platform: 'windows', ports: [80], sizeBytes: 5_000_000_000 }),
  image('mcr.microsoft.com/windows/servercore', 'serve', { platform: 'windows', sizeBytes: 5_000_000_000 }),
  image('traefik/whoami', 'serve', { ports: [80], sizeBytes: 3_300_000 }),
  // kubeadm's DNS addon: DNS on 53, metrics on 9153, health on 8080, readiness on 8181.
  image('registry.k8s.io/coredns/coredns', 'serve', { ports: [53, 9153, 8080, 8181], sizeBytes: 20_900_000, startMs: 0, usage: { cpuMilli: 2, memoryBytes: 13 * MI }, logs: ['.:53', 'CoreDNS-1.12.0', 'linux/amd64, go1.23.3, 51e11f1'] }),
)

/** kubeadm's companion add-on for `kubectl top` and the HPA (metrics/metricsServer.ts). */
IMAGE_CATALOG.push(
  image('registry.k8s.io/metrics-server/metrics-server', 'serve', {
    tags: tagSet({ versions: ['v0.7.0', 'v0.7.1', 'v0.7.2', 'v0.8.0'], names: [] }),
    ports: [10250],
    sizeBytes: 19_500_000,
    startMs: 0,
    usage: { cpuMilli: 4, memoryBytes: 18 * MI },
  }),
)

/** `v0.22.0`…: a project's releases, tagged with a leading v. */
const vTags = (lastPatch: Record<string, number>) => tagSet({ versions: series(lastPatch, 'v'), names: ['latest'] })
const FLANNEL_TAGS = vTags({ '0.22': 3, '0.23': 0, '0.24': 4, '0.25': 7, '0.26': 7, '0.27': 4 })

/** Network (CNI) add-ons: a cluster without one has NotReady nodes until an add-on's pod runs on each. */
IMAGE_CATALOG.push(
  image('flannel/flannel', 'serve', { cni: true, tags: FLANNEL_TAGS, sizeBytes: 32_000_000 }),
  image('ghcr.io/flannel-io/flannel', 'serve', { cni: true, tags: FLANNEL_TAGS, sizeBytes: 32_000_000 }),
  image('calico/node', 'serve', { cni: true, tags: vTags({ '3.26': 5, '3.27': 4, '3.28': 4, '3.29': 5, '3.30': 3, '3.31': 0 }), sizeBytes: 140_000_000 }),
  image('quay.io/cilium/cilium', 'serve', { cni: true, tags: vTags({ '1.15': 19, '1.16': 15, '1.17': 9, '1.18': 3 }), sizeBytes: 200_000_000 }),
  image('weaveworks/weave-kube', 'serve', { cni: true, tags: tagSet({ versions: ['2.8.0', '2.8.1'], names: ['latest'] }), sizeBytes: 30_000_000 }),
)
