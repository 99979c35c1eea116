/**
 * A small accessible bar chart in SVG (no JavaScript, prints well). The same numbers are
 * always given in a table beside it, so the chart is never the only way to read them.
 */
export interface Bar {
  label: string;
  value: number | null;
}

export function BarChart({
  id,
  title,
  bars,
  unit,
  max,
}: {
  id: string;
  title: string;
  bars: Bar[];
  unit: string;
  max?: number;
}) {
  const width = 480;
  const barHeight = 28;
  const gap = 10;
  const labelWidth = 70;
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value ?? 0), 1);
  const height = bars.length * (barHeight + gap) + gap;
  const description = bars
    .map((b) => `${b.label}: ${b.value === null ? "uppgift saknas" : `${b.value} ${unit}`}`)
    .join(", ");
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} width="100%">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((b, i) => {
          const y = gap + i * (barHeight + gap);
          const w = b.value === null ? 0 : ((width - labelWidth - 80) * b.value) / top;
          return (
            <g key={b.label}>
              <text x={0} y={y + barHeight * 0.7} className="chart__label">
                {b.label}
              </text>
              <rect x={labelWidth} y={y} width={Math.max(w, 0)} height={barHeight} className="chart__bar" />
              <text x={labelWidth + w + 6} y={y + barHeight * 0.7} className="chart__value">
                {b.value === null ? "–" : `${b.value} ${unit}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
