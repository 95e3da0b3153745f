/**
 * Where the kubectl binary on these machines (v1.32, packaged by the Google Cloud SDK as
 * `v1.32.4-dispatcher`) prints something other than kubectl v1.35, which kubesim copies.
 * Fixtures captured from the binary are corrected by these differences before comparing;
 * one list for the whole project.
 */
export interface KubectlVersionDifference {
  what: string
  v132: string
  v135: string
}

export const KUBECTL_VERSION_DIFFERENCES: readonly KubectlVersionDifference[] = [
  {
    what: 'an object built by kubectl (create/run/expose --dry-run=client) no longer carries a null creationTimestamp (dropped in 1.34); a metadata left empty prints as {}',
    v132: 'metadata:\n  creationTimestamp: null\n  name: web',
    v135: 'metadata:\n  name: web',
  },
  {
    what: 'delete names the namespace (1.34+)',
    v132: 'pod "x" deleted',
    v135: 'pod "x" deleted from default namespace',
  },
  {
    what: "a missing required flag: the dispatcher build logs it through klog; upstream kubectl prints kubectl's error line",
    v132: 'E1202 06:59:27.157144   10959 run.go:72] "command failed" err="required flag(s) \\"image\\" not set"',
    v135: 'error: required flag(s) "image" not set',
  },
  {
    what: "an unknown flag: the dispatcher build lets cobra print it capitalised; upstream kubectl prints it through its own error handler",
    v132: "Error: unknown flag: --bogus\nSee 'kubectl create deployment --help' for usage.",
    v135: "error: unknown flag: --bogus\nSee 'kubectl create deployment --help' for usage.",
  },
  {
    what: 'the HorizontalPodAutoscaler `kubectl autoscale` creates',
    v132: 'apiVersion: autoscaling/v1 (spec.targetCPUUtilizationPercentage)',
    v135: 'apiVersion: autoscaling/v2 (spec.metrics), falling back to v1 only if v2 fails (since v1.33)',
  },
  {
    what: '`kubectl autoscale --cpu-percent=80`',
    v132: '(no notice)',
    v135: "Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).",
  },
  {
    what: '`kubectl version --client`',
    v132: 'Client Version: v1.32.4-dispatcher\nKustomize Version: v5.5.0',
    v135: 'Client Version: v1.35.0\nKustomize Version: v5.7.1',
  },
  {
    what: "describe's Events table: an event about a container leads its message with the container's field path (kubectl 1.35, DescribeEvents)",
    v132: '  Warning  BackOff  6s  kubelet  Back-off restarting failed container crash in pod crash_default(…)',
    v135: '  Warning  BackOff  6s  kubelet  spec.containers{crash}: Back-off restarting failed container crash in pod crash_default(…)',
  },
]

/** Applies the differences above to text captured from the v1.32 binary. */
export function asKubectl135(text: string): string {
  let out = text
    .replace(/^E\d{4} [\d:.]+ +\d+ run\.go:\d+\] "command failed" err="(.*)"$/gm, (_m, err: string) => `error: ${err.replace(/\\"/g, '"')}`)
    .replace(/^Error: unknown flag/gm, 'error: unknown flag')
    .replace(/^Error: invalid argument/gm, 'error: invalid argument')
  if (/^\{/m.test(out) && out.trimStart().startsWith('{')) {
    // -o json: drop "creationTimestamp": null from every object.
    const drop = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(drop)
      if (!v || typeof v !== 'object') return v
      return Object.fromEntries(Object.entries(v).filter(([k, x]) => !(k === 'creationTimestamp' && x === null)).map(([k, x]) => [k, drop(x)]))
    }
    const end = out.lastIndexOf('}\n')
    out = JSON.stringify(drop(JSON.parse(out.slice(0, end + 1))), null, 4) + '\n' + out.slice(end + 2)
    return out
  }
  const lines = out.split('\n')
  const kept: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(/^(\s*)creationTimestamp: null$/)
    if (!m) {
      kept.push(lines[i])
      continue
    }
    // A parent whose only child was the timestamp becomes an empty map.
    const parent = kept.at(-1)
    const nextIndent = (lines[i + 1] ?? '').match(/^\s*/)![0].length
    if (parent !== undefined && parent.endsWith(':') && nextIndent < m[1].length) kept[kept.length - 1] = parent + ' {}'
  }
  return kept.join('\n')
}
