// <meerkat-latency-chart>: p50/p99 latency over time with uPlot. Light DOM, so uPlot's global
// stylesheet applies. Java sends null (never NaN) for minutes without requests: uPlot draws gaps.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

type Values = (number | null)[];

const millis = (v: number | null) => (v == null ? '–' : `${v.toFixed(2)} ms`);

class LatencyChart extends HTMLElement {
  private plot?: uPlot;
  private data: uPlot.AlignedData = [[], [], []];
  private observer?: ResizeObserver;

  connectedCallback() {
    this.style.display = 'block';
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(this);
    this.create();
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }

  setData(times: number[], p50: Values, p99: Values) {
    this.data = [times, p50, p99] as uPlot.AlignedData;
    if (this.plot) {
      this.plot.setData(this.data);
    } else {
      this.create();
    }
  }

  private create() {
    if (!this.isConnected) {
      return;
    }
    this.plot?.destroy();
    const options: uPlot.Options = {
      width: Math.max(this.clientWidth, 300),
      height: 260,
      scales: { x: { time: true } },
      series: [
        {},
        { label: 'p50', stroke: '#1676f3', width: 2, spanGaps: false, value: (_u, v) => millis(v) },
        { label: 'p99', stroke: '#e8590c', width: 2, spanGaps: false, value: (_u, v) => millis(v) },
      ],
      axes: [{}, { size: 70, values: (_u, ticks) => ticks.map((t) => `${t} ms`) }],
    };
    this.plot = new uPlot(options, this.data, this);
  }

  private resize() {
    if (this.plot && this.clientWidth > 0) {
      this.plot.setSize({ width: this.clientWidth, height: 260 });
    }
  }
}

customElements.define('meerkat-latency-chart', LatencyChart);
