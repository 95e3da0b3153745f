import { applyManifestText } from '../src/engine/kubectl/applyText.ts'
import { splitCommandLine } from '../src/engine/kubectl/args.ts'
import { runKubectl, type KubectlIO } from '../src/engine/kubectl/runKubectl.ts'
import { Simulation, type ClusterSpec } from '../src/engine/simulation.ts'
import type { Pod } from '../src/engine/api/types.ts'

/**
 * A test cluster. metrics-server stays out unless the test asks for it
 * (`{ metricsServer: true }`): its pod would shift every other pod's name and node.
 */
export function newSim(cluster?: Partial<ClusterSpec>, seed = 1): Simulation {
  return new Simulation({ seed, cluster: { metricsServer: false, ...cluster } })
}

/** Applies YAML as `kubectl apply -f -` would and returns the printed lines. */
export function apply(sim: Simulation, yaml: string): string[] {
  const result = applyManifestText(sim.ctx, yaml, { source: 'STDIN' })
  sim.settle()
  return result.output
}

export function kubectl(sim: Simulation, line: string): string {
  return runKubectl(sim, line.split(/\s+/).filter(Boolean), { waitAdvancesTime: true })
}

/** Like `kubectl`, but splits the line as a shell would (quotes kept together): `exec p -- sh -c 'a; b'`. */
export function kubectlShell(sim: Simulation, line: string, io: KubectlIO = { waitAdvancesTime: true }): string {
  return runKubectl(sim, splitCommandLine(line), io)
}

/** The pods a test made: every namespace but kube-system, whose CoreDNS pods every cluster has. */
export function pods(sim: Simulation): Pod[] {
  return sim.store.list<Pod>('Pod').filter((p) => p.metadata.namespace !== 'kube-system')
}

/** A Deployment manifest; `containerExtra` is more YAML for the container, indented 8 spaces. */
export const deploymentYaml = (name = 'web', replicas = 3, image = 'nginx:1.27', containerExtra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: main
        image: ${image}
${containerExtra}`

export const podYaml = (name: string, image: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: main
    image: ${image}
${extra}`

/** The billion-laughs manifest: nine levels of nine aliases each. */
export function aliasBomb(): string {
  const names = 'abcdefghi'
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`)
  return lines.join('\n') + '\n'
}
