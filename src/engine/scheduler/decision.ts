/** What the scheduler decided for one pod, and why: recorded for the UI to explain. */
export interface NodeVerdict {
  node: string
  /** The filter plugin that rejected the node, if any. */
  rejectedBy?: string
  reasons: string[]
  /** Weighted scores per plugin, for nodes that passed every filter. */
  scores?: Record<string, number>
  total?: number
}

export interface SchedulingDecision {
  pod: string // namespace/name
  podUid: string
  at: number
  nodes: NodeVerdict[]
  chosen?: string
  message: string
  /** Only the chosen node's verdict is left: the others were dropped once newer decisions came. */
  trimmed?: true
}
