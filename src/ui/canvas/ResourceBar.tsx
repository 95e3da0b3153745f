interface Props {
  label: string
  used: number
  total: number
  /** Visible text, e.g. `cpu 300m / 4`. */
  text: string
}

/** A requests-vs-allocatable bar with its numbers spelled out. */
export function ResourceBar({ label, used, total, text }: Props) {
  const pct = total > 0 ? Math.min(100, (used / total) * 100) : 0
  const level = pct >= 90 ? 'high' : pct >= 70 ? 'mid' : 'low'
  return (
    <div className="resource">
      <div className="resource-text">{text}</div>
      <div
        className={`resource-bar level-${level}`}
        role="meter"
        aria-label={`${label} requests`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={used}
        aria-valuetext={text}
      >
        <div className="resource-fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  )
}
