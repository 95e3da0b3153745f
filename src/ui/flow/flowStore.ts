/**
 * The control-plane flow the UI is playing: steps from the worker wait in a queue and play
 * one at a time, each as hops from the component that wrote to the API server and on to etcd.
 */
import { create } from 'zustand'
import type { FlowStage, FlowStep } from '../../worker/flowWatch.ts'

export type FlowBox = Exclude<FlowStage, 'other'> | 'api-server' | 'etcd'

export interface FlowState {
  queue: FlowStep[]
  /** The step playing and which of its hops is lit. */
  playing: { step: FlowStep; hop: number } | null
}

/** A backlog longer than this skips its oldest steps, so the flow keeps up with the cluster. */
const MAX_QUEUE = 24

export const useFlow = create<FlowState>()(() => ({ queue: [], playing: null }))

export function enqueueFlow(steps: FlowStep[]): void {
  useFlow.setState((s) => ({ queue: [...s.queue, ...steps].slice(-MAX_QUEUE) }))
}

export function clearFlow(): void {
  useFlow.setState({ queue: [], playing: null })
}

/** The boxes a step lights in turn: its writer, then the API server, then etcd. */
export function hopsOf(step: FlowStep): FlowBox[] {
  return step.stage === 'other' ? ['api-server', 'etcd'] : [step.stage, 'api-server', 'etcd']
}

export const BOX_LABEL: Record<FlowBox, string> = {
  kubectl: 'kubectl',
  'api-server': 'API server',
  etcd: 'etcd',
  'controller-manager': 'controller manager',
  scheduler: 'scheduler',
  kubelet: 'kubelet',
}

/** The order the boxes are drawn in: the path an apply takes. */
export const BOXES: FlowBox[] = ['kubectl', 'api-server', 'etcd', 'controller-manager', 'scheduler', 'kubelet']

/** One sentence per step, for the caption and screen readers. */
export function stepSentence(step: FlowStep): string {
  const who = step.stage === 'kubectl' ? `kubectl (${step.command})` : `${BOX_LABEL[step.stage as FlowBox] ?? 'the control plane'} (${step.actor})`
  const what = `${step.verb === 'status' ? 'updates the status of' : step.verb === 'bind' ? 'binds' : `${step.verb}s`} ${step.kind} ${step.name}`
  return `${who} ${what}${step.change ? `: ${step.change}` : ''}; the API server stores it in etcd.`
}
