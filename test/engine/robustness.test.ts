import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { applyManifestText } from '../../src/engine/kubectl/applyText.ts'
import { runKubectl } from '../../src/engine/kubectl/runKubectl.ts'
import { SeededRandom } from '../../src/engine/rng.ts'
import { Simulation } from '../../src/engine/simulation.ts'
import { apply, deploymentYaml, kubectl, newSim, pods } from '../helpers.ts'

const DEPLOYMENT = parse(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: c
        image: nginx:1.27
        ports: [{containerPort: 80}]
        resources: {requests: {cpu: 100m, memory: 64Mi}}
        env: [{name: A, value: b}]
`)
const POD = parse(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - {name: c, image: busybox, command: [sh, -c, "sleep 5"]}
`)
const ODD_VALUES = [null, 'str', 42, 1.5, -1, true, [], {}, [1, 2], { a: 1 }, '', '1e3', 'Always']

/** Every path in a JSON value, for picking one to corrupt. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (prefix.length > 0) out.push(prefix)
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) paths((value as Record<string, unknown>)[key], [...prefix, Array.isArray(value) ? Number(key) : key], out)
  }
  return out
}

describe('bad input never breaks the engine', () => {
  it('survives manifests with fields replaced by values of the wrong type (seeded fuzz)', () => {
    const rng = new SeededRandom(42)
    for (let i = 0; i < 400; i++) {
      const doc = structuredClone(i % 2 ? DEPLOYMENT : POD)
      const all = paths(doc)
      for (let m = 0; m <= rng.int(2); m++) {
        const path = all[rng.int(all.length)]
        let parent: Record<string | number, unknown> = doc
        for (const key of path.slice(0, -1)) parent = (parent?.[key] ?? null) as Record<string | number, unknown>
        if (parent && typeof parent === 'object') parent[path[path.length - 1]] = ODD_VALUES[rng.int(ODD_VALUES.length)]
      }
      const text = stringify(doc)
      const sim = new Simulation({ cluster: { metricsServer: false } })
      expect(() => {
        applyManifestText(sim.ctx, text, { source: 'f.yaml' })
        applyManifestText(sim.ctx, text, { source: 'f.yaml' })
        sim.advance(30_000)
        for (const c of ['get pods -o wide', 'describe pods', 'get deploy,rs', 'describe deploy', 'get events', 'get pods -o yaml', 'delete deploy web', 'delete pod p']) {
          runKubectl(sim, c.split(' '), { waitAdvancesTime: true })
        }
        sim.advance(60_000)
      }, text).not.toThrow()
    }
    // 400 clusters, each starting CoreDNS's pods: longer than the default on a busy machine.
  }, 180_000)

  it('rejects a value of the wrong type with encoding/json\'s message, and creates nothing', () => {
    const sim = newSim()
    expect(apply(sim, deploymentYaml().replace('replicas: 3', 'replicas: three'))).toEqual([
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    ])
    expect(apply(sim, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: {name: c}\n')).toEqual([
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    ])
    expect(apply(sim, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests:\n        cpu: lots\n')).toEqual([
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    ])
    expect(pods(sim)).toHaveLength(0)
  })

  it('answers any jumble of kubectl words without throwing', () => {
    const sim = newSim()
    apply(sim, deploymentYaml())
    sim.advance(10_000)
    const words = ['get', 'describe', 'delete', 'apply', 'create', 'run', 'scale', 'logs', 'cordon', 'pods', 'pod/x', 'deploy', 'rs', 'nodes', 'web',
      '-f', '-', '-o', 'yaml', 'wide', '-n', 'dev', '-l', 'app=web', '--all', '-A', '--replicas=2', '--image=nginx', '--', '-c', '--force', '--grace-period=0', 'worker-1', '',
      'job', 'cronjob', 'namespace', 'ds', 'sts', 'jobs', 'cj', 'rc', 'quota', 'rollout', 'status', 'history', 'undo', 'restart', 'api-resources', 'all',
      '--from=cronjob/x', '--schedule=*/1 * * * *', '--schedule=bad', '--cascade=foreground', '--cascade=orphan', '--field-selector', 'status.phase=Running', '%',
      'jsonpath={.items[*].metadata.name}', 'jsonpath={range .items[*]}{.metadata.name}{"\\n"}{end}', '-o=jsonpath={.a', 'jsonpath-as-json={..name}', 'jsonpath={end}',
      'jsonpath={.items[?(@.kind=~"(")]}', 'jsonpath={.items[9]}', 'custom-columns=N:.metadata.name,I:.spec.containers[*].image', 'custom-columns=N', 'custom-columns=X:.items[7]',
      '--sort-by=.metadata.name', '--sort-by={.x', '--sort-by=.spec', '-L', 'app,tier', '--allow-missing-template-keys=false', '--template={.kind}', '--no-headers',
      // exec, logs, wait, drain, explain, autoscale
      'exec', 'deploy/web', 'env', 'printenv', 'sh', '-c', 'echo $HOME && cat /tmp/x || ls /tmp', 'hostname', 'date', 'cat', '/etc/hosts', '-it', '-q', 'exit 3', 'ls',
      'wait', '--for=delete', '--for=condition=Ready', '--for=condition=Available=false', '--for=jsonpath={.status.phase}=Running', '--for=jsonpath={.a}=', '--for=create',
      '--timeout=0', '--timeout=1s', '--timeout=-1s', '--timeout=x',
      'drain', 'uncordon', '--ignore-daemonsets', '--delete-emptydir-data', '--disable-eviction', '--pod-selector=app=web', '--pod-selector=(', '--grace-period=x', 'worker-2',
      '--tail=2', '--tail=-3', '--since=1m', '--since=5', '--since-time=2026-01-05T09:00:00Z', '--since-time=x', '--timestamps', '--prefix', '--all-containers', '-p', 'main', 'job/x',
      'autoscale', '--max=3', '--min=5', '--max=x', '--cpu-percent=50', '--cpu=70%', '--cpu=bad', '--memory=200Mi', '--name=h', '--current-replicas=2', '--current-replicas=-5',
      '--now', '--wait=false', 'sts/x', 'rc/x', 'rs', 'hpa',
      'explain', 'deploy.spec', 'pod.spec.containers.resources', 'pods.nope', 'deployment.spec.template.spec', '--recursive', '--api-version=apps/v1', '--api-version=v9', 'ingress',
      'label', 'annotate', 'taint', 'config', 'version', 'cluster-info', 'api-versions', 'view', 'get-contexts', 'current-context', 'set-context', 'use-context', 'use',
      'get-clusters', 'dump', 'kubesim', 'a=b', 'a-', 'a=b=c', 'bad!=x', 'k=v:NoSchedule', 'k:NoExecute', 'k:NoSchedule-', 'k-', 'k=v:Bad', ':NoSchedule', 'app=web', '--overwrite',
      '--list', '--dry-run', '--dry-run=client', '--dry-run=server', '--dry-run=x', '-o', 'name', 'json', '--minify', '--raw', '--current', '--namespace=dev', '--context=kubesim',
      '--context', 'nope', '--client', '--cluster=kubesim', '--user=x', 'jsonpath={..namespace}', '--all',
      'expose', 'secret', 'generic', 'tls', 'docker-registry', 'service', 'svc', 'clusterip', 'nodeport', 'externalname', 'configmap', 'cm', 'serviceaccount', 'role', 'rolebinding',
      'clusterrole', 'clusterrolebinding', 'priorityclass', 'ingress', 'pdb', '--dry-run=client', '--dry-run=server', '--dry-run', '-o', 'json', 'name', '--from-literal=a=b', '--from-literal=bad',
      '--from-file=x', '--from-env-file=x', '--tcp=80:8080', '--tcp=x', '--node-port=30080', '--clusterip=None', '--external-name=example.com', '--verb=get', '--resource=pods', '--resource=x.y/z',
      '--role=r', '--clusterrole=c', '--user=u', '--serviceaccount=a:b', '--serviceaccount=b', '--hard=pods=1', '--hard=x', '--scopes=,', '--value=5', '--value=x', '--global-default',
      '--rule=a.com/=s:80,tls=t', '--rule=bad', '--default-backend=s:80', '--selector=app=web', '--min-available=1', '--max-unavailable=50%', '--port=80', '--port=x', '--target-port=http',
      '--type=NodePort', '--name=svc', '--protocol=UDP', '--expose', '--rm', '-i', '-t', '-it', '--restart=Never', '--restart=OnFailure', '--env=A=1', '--env=A', '--labels=a=b', '--command',
      '--image-pull-policy=Never', '--save-config', '--cert=x', '--key=y', '--docker-username=u', '--docker-password=p', '--aggregation-rule=a=b', '--non-resource-url=/x',
      'patch', 'replace', 'edit', 'set', 'env', 'image', 'resources', 'serviceaccount', 'sa', 'deploy/web', '-p', '{"spec":{"replicas":2}}', '{"spec":{"template":null}}',
      '[{"op":"remove","path":"/spec"}]', '[{"op":"add","path":"/x/-"}]', '{"$patch":"delete"}', '{"metadata":{"$retainKeys":[]}}', 'a: b: c', '--type', 'json', 'merge',
      'strategic', '--type=json', '--patch-file', '--subresource=status', '--subresource=scale', '--dry-run', '--dry-run=client', '--dry-run=server', '--local',
      'A=1', 'A-', '-e', 'B=2', '--list', '--from=configmap/x', '--from=secret/y', '--keys=a', '--prefix=P_', '--overwrite=false', '--limits=cpu=1',
      '--requests=memory=1Gi', '--limits=cpu=x', 'main=nginx:1.28', '*=busybox', '-c', 'main', 'name', '-w', '--watch',
      'events', '--for', 'pod/x', '--for=deploy/web', '--types=Warning', '--types=bad', 'ev', 'svc', 'cm', 'secret', 'sa', 'role', 'clusterrole', 'rolebinding',
      'clusterrolebinding', 'pc', 'sc', 'ingressclass', 'ing', 'netpol', 'pvc', 'pv', 'pdb', 'hpa', 'lease', 'ep', 'endpointslice',
      'go-template={{.metadata.name}}', 'go-template={{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}', 'go-template={{.a}', 'go-template={{range .x}}',
      'go-template={{index .metadata.labels "app"}}', 'go-template={{len .}}{{printf "%s" .kind}}', 'template={{if .spec}}x{{else}}y{{end}}', 'go-template={{foo}}',
      'ing', 'ingresses', 'ing/web', 'ingressclass', 'ingressclasses', 'nginx', 'netpol', 'networkpolicies', 'netpol/x', 'ingress-nginx',
      'https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.12.0/deploy/static/provider/cloud/deploy.yaml', 'https://example.com/x.yaml']
    const rng = new SeededRandom(3)
    for (let i = 0; i < 2000; i++) {
      const argv = Array.from({ length: 1 + rng.int(6) }, () => words[rng.int(words.length)])
      expect(() => runKubectl(sim, argv, { waitAdvancesTime: true }), argv.join(' ')).not.toThrow()
    }
    // The object-making verbs, with their subcommands in front, so their flags meet each other.
    const starts = [['create', 'deployment', 'x'], ['create', 'secret', 'generic', 'x'], ['create', 'service', 'clusterip', 'x'], ['create', 'role', 'x'], ['create', 'ingress', 'x'], ['run', 'x'], ['expose', 'deploy', 'web']]
    for (let i = 0; i < 1500; i++) {
      const argv = [...starts[rng.int(starts.length)], ...Array.from({ length: rng.int(5) }, () => words[rng.int(words.length)])]
      expect(() => runKubectl(sim, argv, { waitAdvancesTime: false }), argv.join(' ')).not.toThrow()
    }
  })

  it("answers any jumble of get -w words as the app's terminal runs them (streaming) without throwing", () => {
    const sim = newSim()
    apply(sim, deploymentYaml())
    const words = ['get', 'pods', 'pod/x', 'deploy', 'web', 'nodes', 'all', 'pods,svc', '-w', '--watch', '-o', 'wide', 'yaml', '-A', '-n', 'dev', '-l', 'app=web', 'app in (', '--field-selector', 'status.phase=Running', '--no-headers', '-L', 'app', '--show-labels', '']
    const rng = new SeededRandom(5)
    for (let i = 0; i < 500; i++) {
      const argv = ['get', ...Array.from({ length: 1 + rng.int(5) }, () => words[rng.int(words.length)])]
      const streams: { drain(): string; stop(): void }[] = []
      expect(() => runKubectl(sim, argv, { watch: (s) => streams.push(s) }), argv.join(' ')).not.toThrow()
      sim.advance(1_000)
      kubectl(sim, `scale deploy web --replicas=${1 + rng.int(3)}`)
      for (const s of streams) {
        expect(() => s.drain(), argv.join(' ')).not.toThrow()
        s.stop()
      }
    }
  })
})

describe('values of the wrong type in kinds kubesim types only in part', () => {
  it("are refused with encoding/json's words, never a crash", () => {
    const sim = newSim()
    expect(apply(sim, 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [-1]\n')).toEqual([
      'Error from server (BadRequest): error when creating "STDIN": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number into Go struct field ServiceSpec.spec.ports of type v1.ServicePort',
    ])
    expect(apply(sim, 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv}\nspec: 0\n')).toEqual([
      'Error from server (BadRequest): error when creating "STDIN": PersistentVolume in version "v1" cannot be handled as a PersistentVolume: json: cannot unmarshal number into Go struct field PersistentVolume.spec of type v1.PersistentVolumeSpec',
    ])
    expect(apply(sim, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  volumes: [null]\n  containers: [{name: c, image: nginx}]\n')).toEqual([
      'The Pod "p" is invalid: spec.volumes[0].name: Required value',
    ])
  })
})
