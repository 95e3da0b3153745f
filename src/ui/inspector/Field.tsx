/** One `Label: value` line of a summary, as describe prints it. */
export function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}:</dt>
      <dd>{children}</dd>
    </>
  )
}
