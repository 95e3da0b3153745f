/** What the "add a machine" form holds; empty fields take the cluster's worker defaults. */
export interface MachineForm {
  name: string
  cpu: string
  memory: string
  maxPods: string
  labels: string
  taints: string
}

/** The scenario-script line the form stands for, as a script would write it. */
export function nodeAddLine(form: MachineForm): string {
  const words = ['node', 'add', form.name.trim()]
  const flag = (name: string, value: string) => {
    if (value.trim()) words.push(name, value.trim().replace(/\s*,\s*/g, ','))
  }
  flag('--cpu', form.cpu)
  flag('--memory', form.memory)
  flag('--max-pods', form.maxPods)
  flag('--labels', form.labels)
  flag('--taints', form.taints)
  return words.join(' ')
}

/** The first `worker-N` not taken, for the form's default name. */
export function nextWorkerName(taken: string[]): string {
  const names = new Set(taken)
  for (let n = 1; ; n++) if (!names.has(`worker-${n}`)) return `worker-${n}`
}
