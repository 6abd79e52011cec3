// <meerkat-trace-scatter>: the explorer's results as duration (ms) over start time, one point per
// trace in its root service's colour (service-colour.ts), errors as triangles with a red border. Clicking a point fires 'trace-click' with the trace id in event.detail.traceId.
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { EChartsElement } from './echarts-element';
import { escapeHtml } from './escape-html';
import { serviceColour } from './service-colour';

echarts.use([ScatterChart, GridComponent, TooltipComponent, CanvasRenderer]);

interface TracePoint {
  traceId: string;
  service: string;
  operation: string;
  startMillis: number;
  durationMillis: number;
  error: boolean;
}

const ERROR_COLOR = '#e03131';

class TraceScatter extends EChartsElement {
  private points: TracePoint[] = [];

  protected chartHeight() {
    return 260;
  }

  protected onChartClick(p: any) {
    const point = this.points[p.dataIndex];
    if (point) {
      this.dispatchEvent(new CustomEvent('trace-click', { detail: { traceId: point.traceId } }));
    }
  }

  setPoints(points: TracePoint[]) {
    this.points = points;
    this.render();
  }

  /** Where a trace's point is drawn, in pixels from the element's top left (for tests and tools). */
  pixelOf(traceId: string): number[] | null {
    const point = this.points.find((p) => p.traceId === traceId);
    if (!point || !this.chart) {
      return null;
    }
    return this.chart.convertToPixel({ seriesIndex: 0 }, [point.startMillis, point.durationMillis]);
  }

  protected render() {
    if (!this.chart) {
      return;
    }
    const data = this.points.map((p) => ({
      value: [p.startMillis, p.durationMillis],
      symbol: p.error ? 'triangle' : 'circle',
      itemStyle: {
        color: serviceColour(p.service),
        borderColor: p.error ? ERROR_COLOR : 'transparent',
        borderWidth: p.error ? 2 : 0,
      },
    }));
    this.chart.setOption(
      {
        animation: false,
        grid: { left: 80, right: 30, top: 40, bottom: 40 },
        tooltip: {
          trigger: 'item',
          confine: true,
          className: 'meerkat-scatter-tooltip',
          extraCssText: 'max-width: 500px; white-space: normal; overflow-wrap: anywhere;',
          // ECharts puts this string into innerHTML: service and operation names are data and are
          // escaped, or a span named <img onerror=...> would run script in the reader's browser.
          formatter: (p: any) => {
            const point = this.points[p.dataIndex];
            return (
              `${escapeHtml(point.service)} ${escapeHtml(point.operation)}<br/>` +
              `${point.durationMillis.toFixed(3)} ms${point.error ? ', error' : ''}<br/>` +
              `${escapeHtml(new Date(point.startMillis).toISOString())}<br/>${escapeHtml(point.traceId)}`
            );
          },
        },
        xAxis: { type: 'time', name: 'start (UTC)', nameLocation: 'middle', nameGap: 25 },
        yAxis: {
          type: 'value',
          name: 'duration',
          axisLabel: { formatter: '{value} ms' },
        },
        series: [{ type: 'scatter', symbolSize: 10, data }],
      },
      true,
    );
  }
}

customElements.define('meerkat-trace-scatter', TraceScatter);
