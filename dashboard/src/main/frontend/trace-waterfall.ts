// <meerkat-trace-waterfall>: one row per span, indented by depth, bar from offset to
// offset + duration (ms), errors red. Clicking a bar fires 'span-click' with the row index.
import * as echarts from 'echarts/core';
import { CustomChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { escapeHtml } from './escape-html';

echarts.use([CustomChart, GridComponent, TooltipComponent, CanvasRenderer]);

interface WaterfallSpan {
  name: string;
  service: string;
  depth: number;
  offset: number;
  duration: number;
  error: boolean;
}

const PALETTE = ['#1676f3', '#2f9e44', '#7048e8', '#f08c00', '#0c8599', '#c2255c'];
const ROW_HEIGHT = 28;

function serviceColor(services: string[], service: string): string {
  return PALETTE[services.indexOf(service) % PALETTE.length];
}

function renderBar(params: any, api: any): any {
  const row = api.value(0);
  const start = api.coord([api.value(1), row]);
  const end = api.coord([api.value(2), row]);
  const height = api.size([0, 1])[1] * 0.6;
  const shape = echarts.graphic.clipRectByRect(
    { x: start[0], y: start[1] - height / 2, width: Math.max(end[0] - start[0], 2), height },
    {
      x: params.coordSys.x,
      y: params.coordSys.y,
      width: params.coordSys.width,
      height: params.coordSys.height,
    },
  );
  return shape && { type: 'rect', shape, style: api.style() };
}

class TraceWaterfall extends HTMLElement {
  private chart?: echarts.ECharts;
  private spans: WaterfallSpan[] = [];
  private observer?: ResizeObserver;

  connectedCallback() {
    this.style.display = 'block';
    this.style.height = `${this.heightFor(this.spans.length)}px`;
    this.chart = echarts.init(this);
    this.chart.on('click', (p: any) =>
      this.dispatchEvent(new CustomEvent('span-click', { detail: { index: p.dataIndex } })),
    );
    this.observer = new ResizeObserver(() => this.chart?.resize());
    this.observer.observe(this);
    this.render();
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  setSpans(spans: WaterfallSpan[]) {
    this.spans = spans;
    this.style.height = `${this.heightFor(spans.length)}px`;
    this.chart?.resize();
    this.render();
  }

  private heightFor(rows: number) {
    return Math.max(120, rows * ROW_HEIGHT + 50);
  }

  private render() {
    if (!this.chart) {
      return;
    }
    const services = [...new Set(this.spans.map((s) => s.service))];
    const labels = this.spans.map((s) => '\u00a0'.repeat(s.depth * 3) + s.name);
    const data = this.spans.map((s, i) => ({
      name: `${s.name} (${s.service})`,
      value: [i, s.offset, s.offset + s.duration, s.duration],
      itemStyle: { color: s.error ? '#e03131' : serviceColor(services, s.service) },
    }));
    this.chart.setOption(
      {
        animation: false,
        grid: { left: 260, right: 40, top: 30, bottom: 10 },
        tooltip: {
          // A span name may be 100 kB: wrap and clip it inside the chart instead of covering the page.
          confine: true,
          className: 'meerkat-waterfall-tooltip',
          extraCssText:
            'max-width: 600px; max-height: 240px; overflow: hidden;' +
            ' white-space: normal; overflow-wrap: anywhere;',
          // ECharts puts the formatter's string into innerHTML: the span and service names are
          // escaped, or a span named <img onerror=...> would run script in the reader's browser.
          formatter: (p: any) =>
            `${escapeHtml(p.name)}<br/>${p.value[3].toFixed(3)} ms, starts at +${p.value[1].toFixed(3)} ms`,
        },
        xAxis: { type: 'value', position: 'top', min: 0, axisLabel: { formatter: '{value} ms' } },
        yAxis: {
          type: 'category',
          data: labels,
          inverse: true,
          axisTick: { show: false },
          axisLabel: { align: 'left', margin: 250, width: 240, overflow: 'truncate' },
        },
        series: [{ type: 'custom', renderItem: renderBar, encode: { x: [1, 2], y: 0 }, data }],
      },
      true,
    );
  }
}

customElements.define('meerkat-trace-waterfall', TraceWaterfall);
