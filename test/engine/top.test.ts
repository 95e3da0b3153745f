import { describe, expect, it } from 'vitest'
import { DOCS_EXAMPLE_MANIFESTS } from '../../src/engine/kubectl/commands/docsExampleManifests.ts'
import { apply, kubectl, kubectlShell, newSim } from '../helpers.ts'

/** The docs' php-apache Deployment and Service, as `kubectl apply -f https://k8s.io/examples/application/php-apache.yaml` reads them. */
const PHP = DOCS_EXAMPLE_MANIFESTS['https://k8s.io/examples/application/php-apache.yaml']

describe('kubectl top', () => {
  it('says the Metrics API is not available on a cluster without metrics-server', () => {
    const sim = newSim({ metricsServer: false })
    expect(kubectl(sim, 'top pods')).toBe('error: Metrics API not available\n')
    expect(kubectl(sim, 'top nodes')).toBe('error: Metrics API not available\n')
  })

  it('waits for metrics-server, then for the first scrape of a new pod', () => {
    const sim = newSim({ metricsServer: true })
    expect(kubectl(sim, 'top nodes')).toBe('Error from server (ServiceUnavailable): the server is currently unable to handle the request (get nodes.metrics.k8s.io)\n')
    kubectl(sim, 'run web --image=nginx:1.27')
    sim.advance(30_000)
    expect(kubectl(sim, 'top pods')).toBe('error: metrics not available yet\n')
    expect(kubectl(sim, 'top pod web')).toBe('Error from server (NotFound): podmetrics.metrics.k8s.io "default/web" not found\n')
    sim.advance(40_000)
    // Every cell ends with a tab in kubectl's printer: the last column is padded too.
    expect(kubectl(sim, 'top pods')).toBe('NAME   CPU(cores)   MEMORY(bytes)   \nweb    0m           3Mi             \n')
    expect(kubectl(sim, 'top pods --no-headers')).toBe('web   0m    3Mi   \n')
    expect(kubectl(sim, 'top pods -n empty')).toBe('No resources found in empty namespace.\n')
  })

  it('prints nodes against allocatable, and pods with namespaces and containers', () => {
    const sim = newSim({ metricsServer: true })
    sim.advance(120_000)
    const nodes = kubectl(sim, 'top nodes').split('\n')
    expect(nodes[0]).toBe('NAME            CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   ')
    expect(nodes[1]).toMatch(/^control-plane   \d+m +\d+% +\d+Mi +\d+% +$/)
    expect(nodes).toHaveLength(6)
    const all = kubectl(sim, 'top pods -A --containers').split('\n')
    // POD is as wide as the longest name, whose hash suffix varies in length.
    expect(all[0]).toMatch(/^NAMESPACE {5}POD +NAME {13}CPU\(cores\) {3}MEMORY\(bytes\) {3}$/)
    // Sorted by pod name: CoreDNS's two pods, then metrics-server's.
    expect(all[1]).toMatch(/^kube-system   coredns-\w+-\w+ +coredns +\d+m +\d+Mi +$/)
    expect(all[3]).toMatch(/^kube-system   metrics-server-\w+-\w+ +metrics-server +4m +18Mi +$/)
    expect(kubectl(sim, 'top pods --sort-by=disk')).toBe('error: --sort-by accepts only cpu or memory\n')
  })

  it('throttles CPU at the limit under load, and sorts by it', () => {
    const sim = newSim({ metricsServer: true })
    apply(sim, PHP)
    sim.advance(30_000)
    kubectlShell(sim, 'run load --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"')
    sim.advance(75_000)
    const lines = kubectl(sim, 'top pods --sort-by=cpu').split('\n')
    expect(lines[1]).toMatch(/^php-apache-\w+-\w+ +500m +10Mi +$/)
    expect(lines[2]).toMatch(/^load +0m +1Mi +$/)
  })
})
