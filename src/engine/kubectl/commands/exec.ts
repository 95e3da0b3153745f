import type { Node } from '../../api/types.ts'
import { execInContainer } from '../../kubelet/containerExec.ts'
import { execEnvironment } from '../../kubelet/execEnvironment.ts'
import { boolFlag, flag } from '../args.ts'
import { chooseContainer } from '../containerChoice.ts'
import { podForObject } from '../podForObject.ts'
import { KubectlError } from '../resolve.ts'
import { runNetworkCommand } from '../../network/networkCommands.ts'
import type { KubectlCommand } from './context.ts'

/** Commands that reach the network: answered by the cluster's DNS and Service routing. */
const NETWORK_WORDS = /\b(curl|wget|nslookup|dig)\b|\/etc\/resolv\.conf/

/** kubectl's usage-error tail (cmdutil.UsageErrorf). */
const usage = (message: string) => new KubectlError(`error: ${message}\nSee 'kubectl exec -h' for help and examples`)

/**
 * `kubectl exec POD [-c C] [-i] [-t] -- COMMAND…` (pkg/cmd/exec/exec.go): finds the pod
 * and container, then runs the command in what the kubelet knows of the container.
 */
export const execCommand: KubectlCommand = {
  name: 'exec',
  flags: [
    { name: 'container', short: 'c', takesValue: true },
    { name: 'stdin', short: 'i', takesValue: false },
    { name: 'tty', short: 't', takesValue: false },
    { name: 'quiet', short: 'q', takesValue: false },
    { name: 'filename', short: 'f', takesValue: true, repeatable: true },
    { name: 'pod-running-timeout', takesValue: true },
  ],
  run(ctx) {
    const { positional, afterDash } = ctx.args
    // Without `--`, words after the pod were the old `exec POD COMMAND` form. (With one,
    // v1.35 ignores words between the pod and `--`; a stricter check came later.)
    if (ctx.args.dashAt === undefined && positional.length > 1) throw usage('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead')
    const target = positional[0]
    if (!target) throw new KubectlError('error: pod, type/name or --filename must be specified')
    if (afterDash.length === 0) throw new KubectlError('error: you must specify at least one command for the container')

    const quiet = boolFlag(ctx.args, 'quiet')
    const lines: string[] = []
    if (boolFlag(ctx.args, 'stdin') && boolFlag(ctx.args, 'tty') && ctx.io.waitAdvancesTime && !quiet) {
      // A script's standard input is not a terminal.
      lines.push('Unable to use a TTY - input is not a terminal or the right kind of file')
    }
    const { pod } = podForObject(ctx, target, 'attachable', 'attach to')
    if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') {
      throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`)
    }
    const { container, notice } = chooseContainer(pod, flag(ctx.args, 'container'))
    if (notice && !quiet) lines.unshift(notice)
    const fail = (message: string) => lines.map((l) => l + '\n').join('') + message + '\n'

    const nodeName = pod.spec.nodeName
    if (!nodeName) return fail(`Error from server (BadRequest): pod ${pod.metadata.name} does not have a host assigned`)
    const kubelet = ctx.sim.kubelets.get(nodeName)
    if (!kubelet?.online) {
      const ip = ctx.sim.store.get<Node>('Node', undefined, nodeName)?.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? nodeName
      return fail(`Error from server: error dialing backend: dial tcp ${ip}:10250: i/o timeout`)
    }
    const runtime = kubelet.container(pod.metadata.uid, container.name)
    if (!runtime) return fail('error: unable to upgrade connection: pod does not exist')
    if (!runtime.state.running) return fail(`error: unable to upgrade connection: container not found ("${container.name}")`)

    // Requests and lookups go through the cluster's DNS and Services; everything else is the container's own.
    const network = NETWORK_WORDS.test(afterDash.join(' ')) ? runNetworkCommand(ctx.sim, pod, afterDash) : undefined
    const result = network ?? execInContainer(afterDash, execEnvironment(pod, container, runtime, ctx.sim.store, ctx.sim.now, kubelet.volumes.view(pod, container.name)))
    if ('notSimulated' in result) return fail(result.notSimulated)
    const tail = result.exitCode === 0 ? '' : `command terminated with exit code ${result.exitCode}\n`
    return lines.map((l) => l + '\n').join('') + result.output + tail
  },
}
