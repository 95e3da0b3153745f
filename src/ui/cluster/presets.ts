import type { ClusterSpec } from '../../engine/simulation.ts'

/** Cluster shapes a teacher starts from; `line` is the same shape as a scenario script's `cluster` line. */
export interface ClusterPreset {
  id: string
  label: string
  description: string
  spec: Partial<ClusterSpec>
  line: string
}

export const CLUSTER_PRESETS: ClusterPreset[] = [
  { id: 'default', label: 'Classroom', description: 'a control plane and 3 workers, 4 CPU and 8Gi each', spec: {}, line: 'cluster' },
  { id: 'laptop', label: 'Laptop (kind)', description: 'a control plane and 2 small workers, 2 CPU and 4Gi each', spec: { workers: 2, cpu: '2', memory: '4Gi' }, line: 'cluster --workers 2 --cpu 2 --memory 4Gi' },
  { id: 'zones', label: 'Three zones', description: '6 workers spread over zone-a, zone-b and zone-c', spec: { workers: 6, zones: 3 }, line: 'cluster --workers 6 --zones 3' },
  { id: 'hundred', label: '100 nodes', description: '100 workers, 4 CPU and 16Gi each, over 3 zones', spec: { workers: 100, memory: '16Gi', zones: 3 }, line: 'cluster --workers 100 --memory 16Gi --zones 3' },
  { id: 'thousand', label: '1,000 nodes', description: '1,000 workers, 4 CPU and 16Gi each, over 3 zones', spec: { workers: 1000, memory: '16Gi', zones: 3 }, line: 'cluster --workers 1000 --memory 16Gi --zones 3' },
  { id: 'fivethousand', label: '5,000 nodes', description: "5,000 workers (Kubernetes' documented maximum), 4 CPU and 16Gi each, over 3 zones", spec: { workers: 5000, memory: '16Gi', zones: 3 }, line: 'cluster --workers 5000 --memory 16Gi --zones 3' },
]
