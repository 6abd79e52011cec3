// The lifecycle every ECharts custom element shares (service map, trace waterfall, trace scatter):
// a fixed height from the start so nothing jumps when the data arrives, one chart per connection,
// clicks handed to the element, resizes followed, and the chart disposed when the element leaves
// the page. Each element registers the ECharts parts it uses (echarts.use) in its own module.
import * as echarts from 'echarts/core';

export abstract class EChartsElement extends HTMLElement {
  protected chart?: echarts.ECharts;
  private observer?: ResizeObserver;

  connectedCallback() {
    this.style.display = 'block';
    this.style.height = `${this.chartHeight()}px`;
    this.chart = echarts.init(this);
    this.chart.on('click', (p: any) => this.onChartClick(p));
    this.observer = new ResizeObserver(() => {
      this.chart?.resize();
      this.onResize();
    });
    this.observer.observe(this);
    this.render();
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  /** The element's height in pixels, set before the chart is created. */
  protected abstract chartHeight(): number;

  /** A click on the chart: the element fires its own event for it. */
  protected abstract onChartClick(p: any): void;

  /** After the chart followed a new size of the element; nothing more by default. */
  protected onResize() {}

  /** Puts the element's data into the chart; does nothing while disconnected (no chart). */
  protected abstract render(): void;
}
