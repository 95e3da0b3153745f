/**
 * How many feasible nodes a scheduling cycle looks for before it stops filtering
 * (kube-scheduler's numFeasibleNodesToFind, schedule_one.go). Large clusters score a
 * sample: percentageOfNodesToScore, by default adaptive, 50% − nodes/125, at least 5%,
 * and never fewer than 100 nodes.
 */
export const MIN_FEASIBLE_NODES_TO_FIND = 100
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5

/** `percentage` is percentageOfNodesToScore; 0 (the default) means adaptive. */
export function numFeasibleNodesToFind(numAllNodes: number, percentage = 0): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes
  if (percentage === 0) {
    // Go's int32 division truncates.
    percentage = 50 - Math.trunc(numAllNodes / 125)
    if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND
  }
  const numNodes = Math.trunc((numAllNodes * percentage) / 100)
  return numNodes < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : numNodes
}
