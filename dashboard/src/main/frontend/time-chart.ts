// <meerkat-time-chart>: several lines over time with one unit on the y axis (uPlot). Light DOM,
// so uPlot's global stylesheet applies. Java sends null (never NaN) for steps without a value:
// uPlot draws gaps. Legend labels are data (memory pool names...): uPlot sets them as textContent.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

type Values = (number | null)[];

/** What the chart shows; readable as the element's `chart` property (the browser tests do). */
interface ChartData {
  unit: string;
  times: number[];
  labels: string[];
  values: Values[];
}

const COLOURS = ['#1676f3', '#e8590c', '#2b8a3e', '#ae3ec9', '#f08c00', '#0c8599', '#c92a2a', '#5c7cfa'];
const HEIGHT = 220;

const format = (v: number | null, unit: string) => {
  if (v == null) {
    return '–';
  }
  const digits = Math.abs(v) >= 100 ? 1 : 2;
  return `${v.toFixed(digits)} ${unit}`;
};

class TimeChart extends HTMLElement {
  chart: ChartData = { unit: '', times: [], labels: [], values: [] };
  private plot?: uPlot;
  private observer?: ResizeObserver;

  connectedCallback() {
    this.style.display = 'block';
    // The height is fixed before data arrives, so the page does not jump when it does.
    this.style.minHeight = `${HEIGHT + 40}px`;
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(this);
    this.create();
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }

  setData(unit: string, times: number[], labels: string[], values: Values[]) {
    this.chart = { unit, times, labels, values };
    this.create();
  }

  private create() {
    if (!this.isConnected) {
      return;
    }
    this.plot?.destroy();
    const { unit, times, labels, values } = this.chart;
    const options: uPlot.Options = {
      width: Math.max(this.clientWidth, 300),
      height: HEIGHT,
      scales: { x: { time: true } },
      series: [
        {},
        ...labels.map((label, i) => ({
          label,
          stroke: COLOURS[i % COLOURS.length],
          width: 2,
          spanGaps: false,
          value: (_u: uPlot, v: number | null) => format(v, unit),
        })),
      ],
      axes: [{}, { size: 80, values: (_u, ticks) => ticks.map((t) => `${t} ${unit}`) }],
    };
    this.plot = new uPlot(options, [times, ...values] as uPlot.AlignedData, this);
  }

  private resize() {
    if (this.plot && this.clientWidth > 0) {
      this.plot.setSize({ width: this.clientWidth, height: HEIGHT });
    }
  }
}

customElements.define('meerkat-time-chart', TimeChart);
