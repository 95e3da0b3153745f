import type { FilterPlugin, PreFilterPlugin, ScorePlugin } from './plugin.ts'
import { nodeUnschedulable } from './plugins/nodeUnschedulable.ts'
import { nodeName } from './plugins/nodeName.ts'
import { taintTolerationFilter, taintTolerationScore } from './plugins/taintToleration.ts'
import { nodeAffinity } from './plugins/nodeAffinity.ts'
import { nodePorts } from './plugins/nodePorts.ts'
import { volumeBinding, volumeBindingFilter } from './plugins/volumeBinding.ts'
import { balancedAllocationScore, nodeResourcesFitFilter, nodeResourcesFitScore } from './plugins/nodeResourcesFit.ts'

/** The default profile's plugins, in kube-scheduler's order (default_plugins.go). */
export const PRE_FILTER_PLUGINS: PreFilterPlugin[] = [volumeBinding]

export const FILTER_PLUGINS: FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintTolerationFilter,
  nodeAffinity,
  nodePorts,
  nodeResourcesFitFilter,
  volumeBindingFilter,
]

export const SCORE_PLUGINS: ScorePlugin[] = [taintTolerationScore, nodeResourcesFitScore, balancedAllocationScore]
