/**
 * The run's time series as the one-thread runner builds it: a row per sampling instant,
 * one column per name written, aligned on `time` (null where a column has no value).
 */
import type { Results } from './results.js';
import type { SeriesWriter } from './context.js';

export class SeriesRecorder {
  private readonly series: Results['series'] = { time: [] };
  private readonly columns = new Map<string, Array<number | null>>();

  /** Starts the row of time `t`; fill it through the returned writer. */
  row(t: number): SeriesWriter {
    const series = this.series, columns = this.columns;
    const row = series.time.length;
    series.time.push(t);
    return (name: string, value: number | null) => {
      let col = columns.get(name);
      if (!col) {
        col = new Array<number | null>(row).fill(null);
        columns.set(name, col);
      }
      while (col.length < row) col.push(null);
      col[row] = value;
    };
  }

  finish(): Results['series'] {
    const series = this.series;
    for (const [name, col] of this.columns) {
      while (col.length < series.time.length) col.push(null);
      series[name] = col;
    }
    return series;
  }
}
