/** A kubectl command's output as the terminal shows it, with the command above. */
export function KubectlOutput({ command, output, label }: { command: string; output: string | null; label: string }) {
  return (
    <div className="kubectl-output">
      <div className="kubectl-command">$ kubectl {command}</div>
      <pre className="kubectl-text" aria-label={label} aria-busy={output === null} tabIndex={0}>
        {output ?? 'Loading…'}
      </pre>
    </div>
  )
}
