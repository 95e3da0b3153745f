import type { FilterPlugin, PreFilterPlugin, ScorePlugin } from './plugin.ts'
import type { SchedulerProfile } from './profile.ts'
import { nodeUnschedulable } from './plugins/nodeUnschedulable.ts'
import { nodeName } from './plugins/nodeName.ts'
import { taintTolerationFilter, taintTolerationScore } from './plugins/taintToleration.ts'
import { nodeAffinity } from './plugins/nodeAffinity.ts'
import { nodePorts } from './plugins/nodePorts.ts'
import { volumeBinding, volumeBindingFilter } from './plugins/volumeBinding.ts'
import { balancedAllocationScore, nodeResourcesFitFilter, nodeResourcesFitScore } from './plugins/nodeResourcesFit.ts'
import { podTopologySpreadFilter, podTopologySpreadScore } from './plugins/podTopologySpread.ts'
import { interPodAffinityFilter, interPodAffinityScore } from './plugins/interPodAffinity.ts'
import { imageLocalityScore } from './plugins/imageLocality.ts'

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
  podTopologySpreadFilter,
  interPodAffinityFilter,
]

export const SCORE_PLUGINS: ScorePlugin[] = [
  taintTolerationScore,
  nodeResourcesFitScore,
  podTopologySpreadScore,
  interPodAffinityScore,
  balancedAllocationScore,
  imageLocalityScore,
]

/** Names of every plugin a profile can weigh or disable, for the app's profile panel. */
export const SCORE_PLUGIN_NAMES = SCORE_PLUGINS.map((p) => p.name)
export const PLUGIN_NAMES = [...new Set([...PRE_FILTER_PLUGINS, ...FILTER_PLUGINS, ...SCORE_PLUGINS].map((p) => p.name))]

/** The plugins a profile runs, with each score plugin's weight. */
export interface ProfilePlugins {
  preFilter: PreFilterPlugin[]
  filter: FilterPlugin[]
  score: { plugin: ScorePlugin; weight: number }[]
}

export function profilePlugins(profile: SchedulerProfile): ProfilePlugins {
  const on = (p: { name: string }) => !profile.disabled.includes(p.name)
  return {
    preFilter: PRE_FILTER_PLUGINS.filter(on),
    filter: FILTER_PLUGINS.filter(on),
    score: SCORE_PLUGINS.filter(on)
      .map((plugin) => ({ plugin, weight: profile.weights[plugin.name] ?? plugin.weight }))
      .filter((s) => s.weight > 0),
  }
}
